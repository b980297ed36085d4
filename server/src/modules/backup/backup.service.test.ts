import { latestMigrationTag } from '../../test/migrations.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { type Database, openDatabase } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { openTestDatabase } from '../../test/database.ts';
import { fillEveryTable, fixtureIds } from './backup.fixture.ts';
import { planBackup } from './backup.plan.ts';
import { createBackupRepository } from './backup.repository.ts';
import { createBackupService } from './backup.service.ts';

interface Document {
  format: string;
  version: number;
  schemaMigration: string;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Small pages and batches, so paging by primary key and filling self-references are exercised. */
function backupOf(database: Database) {
  const backups = createBackupRepository(database.db);
  return { backups, service: createBackupService({ db: database.db, backups, pageSize: 2, batchRows: 2 }) };
}

async function exportText(database: Database, actor: Actor = systemActor): Promise<string> {
  let text = '';
  await backupOf(database).service.exportBackup(actor, async (chunk) => {
    text += chunk;
  });
  return text;
}

/** Feeds text in small pieces, so rows and strings are cut across chunks as a file read would cut them. */
async function* chunksOf(text: string, size = 7): AsyncIterable<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

function importText(database: Database, text: string, actor: Actor = systemActor) {
  return backupOf(database).service.importBackup(actor, chunksOf(text));
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const officer: Actor = { ...systemActor, userId: 'officer', role: 'officer' };

describe('backup', () => {
  let source: Database;
  /** Stays empty: every refused import is checked to leave it so. */
  let empty: Database;
  let original: string;

  beforeAll(async () => {
    source = await openTestDatabase();
    empty = await openTestDatabase();
    await fillEveryTable(source.db);
    original = await exportText(source);
  });

  afterAll(async () => {
    await source?.close();
    await empty?.close();
  });

  async function withFreshDatabase(run: (database: Database) => Promise<void>): Promise<void> {
    const database = await openTestDatabase();
    try {
      await run(database);
    } finally {
      await database.close();
    }
  }

  it('restores a backup that exports again byte for byte', async () => {
    await withFreshDatabase(async (target) => {
      const summary = await importText(target, original);
      expect(await exportText(target)).toBe(original);
      expect(summary.find((entry) => entry.table === 'organisations')?.rows).toBe(5);
      // Organisations whose parent and mandataire come later in the backup are restored whole.
      const { tables } = JSON.parse(await exportText(target)) as Document;
      const unit = tables.organisations?.find((row) => row.id === fixtureIds.unit);
      expect(unit).toMatchObject({ parent_id: fixtureIds.school, mandataire_id: fixtureIds.institution });
    });
  });

  it('holds a row of every table but sessions, tables in foreign-key order', async () => {
    const document = JSON.parse(original) as Document;
    expect(Object.keys(document)).toEqual(['format', 'version', 'schemaMigration', 'tables']);
    expect(document).toMatchObject({ format: 'valo-backup', version: 1, schemaMigration: latestMigrationTag() });
    const names = Object.keys(document.tables);
    expect(names).toEqual(planBackup().map((table) => table.name));
    expect(names).not.toContain('sessions');
    // A new table needs rows in the fixture, or this backup would not prove it round-trips.
    for (const name of names) expect(document.tables[name]?.length, name).toBeGreaterThan(0);
    expect(names.indexOf('organisations')).toBeLessThan(names.indexOf('agreements'));
    expect(names.indexOf('agreements')).toBeLessThan(names.indexOf('inventions'));
    expect(names.indexOf('inventions')).toBeLessThan(names.indexOf('assets'));
    expect(names.indexOf('people')).toBeLessThan(names.indexOf('users'));
  });

  it('writes rows in primary-key order, keys in column order, values normalised', async () => {
    const { tables } = JSON.parse(original) as Document;
    const ids = (tables.organisations ?? []).map((row) => row.id as string);
    expect(ids).toEqual([...ids].sort());
    expect(Object.keys(tables.organisations?.[0] ?? {})).toEqual([
      'id', 'kind', 'name', 'short_name', 'parent_id', 'company_category', 'mandataire_id',
      'siren', 'rnsr', 'ror', 'country', 'city', 'created_at', 'updated_at',
    ]);
    const company = tables.organisations?.find((row) => row.id === fixtureIds.company);
    expect(company).toMatchObject({ created_at: '2025-12-31T22:30:00.500Z', name: 'Acme "quoted" \\ back\nslash', city: null });
    expect(tables.agreements?.map((row) => [row.amount_eur, row.exclusive, row.signed_on])).toEqual([
      [1234567.89, true, '2024-05-06'],
      [100, false, null],
      [null, null, null],
    ]);
    expect(tables.inventors?.map((row) => row.contribution)).toEqual([66.67, 33.33]);
    // Text keys sort by code point on every server, whatever its locale.
    expect(tables.publications?.map((row) => `${String(row.number)} ${String(row.kind)}`)).toEqual([
      'FR3100001 A1', 'FR3100001 B1', 'fr3100001 A1',
    ]);
    expect(tables.application_events?.map((row) => row.seq)).toEqual([1, 2]);
    expect(tables.users?.[0]).toMatchObject({ password_hash: expect.stringMatching(/^\$argon2id\$/), is_disabled: false });
    expect(original.split('\n')[0]).toBe(`{"format":"valo-backup","version":1,"schemaMigration":"${latestMigrationTag()}","tables":{`);
  });

  it('refuses to restore into a database that holds rows, and writes nothing', async () => {
    const error = await refusal(importText(source, original));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/^the database is not empty \(affiliations, .+ hold rows\)/);
    expect(await exportText(source)).toBe(original);
  });

  it('refuses a backup of another schema migration', async () => {
    const document = JSON.parse(original) as Document;
    const error = await refusal(importText(empty, JSON.stringify({ ...document, schemaMigration: '0099_future' })));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain(`"0099_future" but this database is at "${latestMigrationTag()}"`);
    expect(await backupOf(empty).backups.tablesWithRows()).toEqual([]);
  });

  it('lets only admins export or import', async () => {
    expect((await refusal(exportText(source, officer))).kind).toBe('forbidden');
    expect((await refusal(importText(empty, original, officer))).kind).toBe('forbidden');
    expect(await backupOf(empty).backups.tablesWithRows()).toEqual([]);
  });

  const lastTable = planBackup().at(-1)!.name;
  const edits: [string, (document: Document) => unknown, string][] = [
    ['an unknown table', (d) => ({ ...d, tables: { ...d.tables, foo: [] } }), 'tables: unknown table "foo"'],
    ['an unknown column', (d) => set(d, 'people', 1, 'nickname', 'Em'), 'tables.people[1].nickname: unknown column of people'],
    ['a number given as text', (d) => set(d, 'inventors', 0, 'contribution', '66.67'), 'tables.inventors[0].contribution: must be a number'],
    ['a missing column', (d) => set(d, 'people', 0, 'last_name', undefined), 'tables.people[0].last_name: is missing'],
    ['a null required value', (d) => set(d, 'users', 1, 'email', null), 'tables.users[1].email: must not be null'],
    ['an impossible date', (d) => set(d, 'affiliations', 0, 'start_date', '2026-02-30'), 'tables.affiliations[0].start_date: must be a date'],
    ['a timestamp with an offset', (d) => set(d, 'people', 0, 'created_at', '2026-03-02T10:00:00+01:00'), 'tables.people[0].created_at: must be a UTC timestamp'],
    ['a value outside an enumeration', (d) => set(d, 'assets', 0, 'status', 'lost'), 'tables.assets[0].status: must be one of'],
    ['a row that is not an object', (d) => ({ ...d, tables: { ...d.tables, founders: [[1]] } }), 'tables.founders[0]: must be an object'],
    ['a reference to a missing row', (d) => set(d, 'founders', 0, 'person_id', fixtureIds.carnot), 'tables.founders[0..0]: refused by the database'],
    ['tables out of order', (d) => ({ ...d, tables: { people: d.tables.people, ...d.tables } }), 'tables.people: expected "organisations" here'],
    // The last table of the plan, so the document ends without it.
    ['a missing table', (d) => ({ ...d, tables: { ...d.tables, [lastTable]: undefined } }), `tables: "${lastTable}" is missing`],
    ['another format', (d) => ({ ...d, format: 'other-backup' }), 'format: must be "valo-backup"'],
    ['another version', (d) => ({ ...d, version: 2 }), 'version: must be 1'],
    ['an unknown key', (d) => ({ ...d, exportedAt: '2026-03-02' }), '(document): unknown key "exportedAt"'],
  ];

  it.each(edits)('refuses a backup with %s, naming the place, and writes nothing', async (_, edit, message) => {
    const error = await refusal(importText(empty, JSON.stringify(edit(JSON.parse(original) as Document))));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain(message);
    expect(await backupOf(empty).backups.tablesWithRows()).toEqual([]);
  });

  const texts: [string, (text: string) => string, string][] = [
    ['a row that is not JSON', (text) => text.replace('"first_name":"Ada"', '"first_name":Ada'), 'tables.people[0]: is not valid JSON (line'],
    ['a document cut short', (text) => text.slice(0, Math.floor(text.length * 0.7)), 'the document ends'],
    ['text that is not JSON at all', () => 'hello', 'line 1, column 1: expected a JSON object'],
    ['an empty file', () => '', 'expected a JSON object, found the end of the document'],
    ['text after the document', (text) => `${text}{}`, 'unexpected text after the document'],
  ];

  it.each(texts)('refuses %s, naming the place, and writes nothing', async (_, edit, message) => {
    const error = await refusal(importText(empty, edit(original)));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain(message);
    expect(await backupOf(empty).backups.tablesWithRows()).toEqual([]);
  });

  it('restores the same document laid out differently', async () => {
    await withFreshDatabase(async (target) => {
      await importText(target, JSON.stringify(JSON.parse(original), null, 2));
      expect(await exportText(target)).toBe(original);
    });
  });
});

describe('a backup taken on PGlite', () => {
  // With DATABASE_URL set, the target is a PostgreSQL server: the backup moves between the two kinds.
  it('restores on the configured database and exports the same bytes', async () => {
    const pglite = await openDatabase({ dataDir: 'memory' });
    const configured = await openTestDatabase();
    try {
      await pglite.migrate();
      await fillEveryTable(pglite.db);
      const taken = await exportText(pglite);
      await importText(configured, taken);
      expect(await exportText(configured)).toBe(taken);
      expect(configured.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    } finally {
      await pglite.close();
      await configured.close();
    }
  });
});

function set(document: Document, table: string, index: number, column: string, value: unknown): Document {
  const rows = (document.tables[table] ?? []).map((row, at) => {
    if (at !== index) return row;
    const copy = { ...row };
    if (value === undefined) delete copy[column];
    else copy[column] = value;
    return copy;
  });
  return { ...document, tables: { ...document.tables, [table]: rows } };
}
