import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.ts';
import { openDatabase } from '../../platform/db.ts';
import { fillEveryTable } from './backup.fixture.ts';
import { latestMigrationTag } from '../../test/migrations.ts';

/*
 * The commands run on PGlite data folders: DATABASE_URL is cleared while they run, so this test moves a
 * backup between two folders whatever the database the other tests use.
 */
describe('valo export and valo import-backup', () => {
  let folder: string;
  let saved: Record<string, string | undefined>;
  let errors: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'valo-backup-'));
    saved = { VALO_DATA_DIR: process.env.VALO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    delete process.env.DATABASE_URL;
    errors = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors += String(chunk);
      return true;
    });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(folder, { recursive: true, force: true });
  });

  async function valo(dataDir: string, ...argv: string[]): Promise<number> {
    process.env.VALO_DATA_DIR = dataDir;
    return main(argv);
  }

  it('moves a backup to another data folder that exports the same bytes', async () => {
    const first = join(folder, 'first');
    const database = await openDatabase({ dataDir: first });
    await database.migrate();
    await fillEveryTable(database.db);
    await database.close();

    const taken = join(folder, 'taken.json');
    const again = join(folder, 'again.json');
    expect(await valo(first, 'export', '--out', taken)).toBe(0);
    expect(await valo(join(folder, 'second'), 'import-backup', taken)).toBe(0);
    expect(await valo(join(folder, 'second'), 'export', '--out', again)).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(taken, 'utf8'));
    // Written through a temporary file renamed at the end: nothing else is left beside the backup.
    expect((await readdir(folder)).sort()).toEqual(['again.json', 'first', 'second', 'taken.json']);
    // It holds password hashes and confidential records: readable by its owner only.
    expect((await stat(taken)).mode & 0o777).toBe(0o600);

    expect(await valo(join(folder, 'second'), 'import-backup', taken)).toBe(1);
    expect(errors).toContain('the database is not empty');
  });

  it('answers 2 to a bad document or bad arguments, naming what is wrong', async () => {
    const bad = join(folder, 'bad.json');
    await writeFile(bad, `{"format":"valo-backup","version":1,"schemaMigration":"${latestMigrationTag()}","tables":{"foo":[]}}`);
    expect(await valo(join(folder, 'data'), 'import-backup', bad)).toBe(2);
    expect(errors).toContain('tables: unknown table "foo"');

    expect(await valo(join(folder, 'data'), 'import-backup', join(folder, 'missing.json'))).toBe(2);
    expect(errors).toContain('cannot read');
    expect(await valo(join(folder, 'data'), 'export')).toBe(2);
    expect(await valo(join(folder, 'data'), 'export', '--out', bad, '--force')).toBe(2);
    expect(errors).toContain('usage: valo export --out FILE');
  });
});
