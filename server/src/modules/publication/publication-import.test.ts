import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.ts';
import { patentPublications } from '../../platform/schema.ts';
import { createTestContext, type TestContext } from '../../test/api.ts';
import { importFiles, lensCsv, tableContents } from './publication.fixtures.ts';
import { publicationSourcesAt } from './readers/publication-sources.ts';
import { DOCDB, FIXTURES, OPS_PATENT_DEV, readSources } from './readers/reader.fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function stored(country: string, number: string, kind: string) {
  const rows = await t.services.database.db.select().from(patentPublications).where(eq(patentPublications.number, number));
  return rows.find((row) => row.country === country && row.kind === kind);
}

const importSamples = () => t.services.publications.imports.run(systemActor, publicationSourcesAt(FIXTURES));

describe('importing the sample files of every format', () => {
  it('stores each publication once, merging what several files say of it, and reports the records that cannot be read', async () => {
    const read = await readSources(publicationSourcesAt(FIXTURES));
    const distinct = new Set(read.records.map((record) => `${record.country} ${record.number} ${record.kind ?? ''}`)).size;
    const run = await importSamples();
    expect(run).toMatchObject({ status: 'finished', read: read.records.length + read.errors.length, failed: read.errors.length, inserted: distinct, message: null });
    expect(run.inserted + run.updated + run.unchanged).toBe(read.records.length);
    expect(run.updated).toBeGreaterThan(0); // publications several files give
    expect(run.files.length).toBeGreaterThan(30);
    expect(run.errors).toEqual(read.errors);
    // The ODP per-application answers do not name their application.
    expect(run.errors.some((error) => error.file.endsWith('uspto-odp-json/parkerhancock_patent_client/continuity.json') && error.line !== null)).toBe(true);

    // DOCDB: the names in every format, the family id, the priority in one key per office.
    expect(await stored('YU', '6701', 'A')).toMatchObject({ familyId: '22248526', source: 'docdb', priorityKeys: ['US:9500698'] });
    // INPI: the SIREN given as the applicant's identifier becomes a key the review list finds.
    expect((await stored('FR', '2706406', 'B1'))?.applicantKeys).toEqual(['GEC ALSTHOM TRANSPORT SA', 'SIREN:389191982']);
    // USPTO grants, read from inside their weekly zip archives; the ODP JSON record.
    expect(await stored('US', '11617590', 'B2')).toMatchObject({ source: 'uspto-grant', applicationKey: 'US:16361657' });
    expect(await stored('US', '20170071586', 'A1')).toMatchObject({ source: 'uspto-odp', applicationKey: 'US:15123456' });
    // EP Register events and procedural steps name no kind: one publication '' made of both files.
    const register = await stored('EP', '2400812', '');
    expect(register?.legalEvents.length).toBeGreaterThan(0);
    expect(register?.proceduralSteps.filter((step) => step.code === 'RFEE').map((step) => step.year)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(register?.parts.map((part) => part.origin.replace(FIXTURES, ''))).toEqual([
      `${OPS_PATENT_DEV}demo/examples/get_register_events/response.xml`,
      `${OPS_PATENT_DEV}demo/examples/get_register_procedural_steps/response.xml`,
    ]);
    // EP2400812 A1 comes from six files: the bibliographic ones and INPADOC's legal events, laid over each other.
    const a1 = await stored('EP', '2400812', 'A1');
    expect(a1).toMatchObject({ familyId: '43088294', applicationNumber: '10167109', applicationKey: 'EP:10167109' });
    expect(a1?.legalEvents.some((event) => event.code === 'PG25' && event.country === 'BG')).toBe(true);
    expect(a1?.applicants.length).toBeGreaterThan(0);
  });

  it('changes nothing when the same files are imported again, and says every record is unchanged', async () => {
    const before = await tableContents(t);
    const again = await importSamples();
    expect(again).toMatchObject({ status: 'finished', inserted: 0, updated: 0, unchanged: again.read - again.failed, linked: 0 });
    expect(await tableContents(t)).toEqual(before);
  });

  it('reads a Lens CSV export with the others', async () => {
    const run = await importFiles(t, { 'lens.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3100000', date: '2021-03-05', applicationNumber: 'FR 1912345' }]) });
    expect(run).toMatchObject({ read: 1, inserted: 1, failed: 0 });
    expect(await stored('FR', '3100000', 'A1')).toMatchObject({ source: 'lens-csv', applicationKey: 'FR:1912345' });
  });
});

describe('re-importing a file', () => {
  const bulk = readFileSync(`${FIXTURES}${DOCDB}DE-backfile.xml`, 'utf8');

  it('updates a publication whose record changed, and only that one', async () => {
    await importFiles(t, { 'docdb/DE-0074.xml': bulk });
    const before = await tableContents(t);
    const changed = bulk.replace('>BOSCH GMBH ROBERT<', '>ROBERT BOSCH GMBH<');
    expect(changed).not.toBe(bulk);
    const run = await importFiles(t, { 'docdb/DE-0074.xml': changed });
    expect(run).toMatchObject({ read: 10, inserted: 0, updated: 1, unchanged: 9, failed: 0 });
    const after = await tableContents(t);
    const differing = after.publications.filter((row, index) => JSON.stringify(row) !== JSON.stringify(before.publications[index]));
    expect(differing.map((row) => `${row.country}${row.number}`)).toEqual(['DE1258188']);
    expect(differing[0]).toMatchObject({ lastRunId: run.id, firstRunId: before.publications.find((row) => row.number === '1258188')?.firstRunId });
    expect(differing[0]?.applicants.some((party) => party.name === 'ROBERT BOSCH GMBH' && party.format === 'docdb')).toBe(true);
  });

  it('keeps the good records of a file with a bad one, and reports the bad one with its file and position', async () => {
    const lines = bulk.split('\n');
    lines[2] = (lines[2] ?? '').replace('</kind>', '</knd>');
    const run = await importFiles(t, { 'in/broken.xml': lines.join('\n') });
    expect(run).toMatchObject({ status: 'finished', read: 10, failed: 1 });
    expect(run.inserted + run.updated + run.unchanged).toBe(9);
    expect(run.errors).toEqual([{ file: 'in/broken.xml', line: 3, column: expect.any(Number), message: expect.stringContaining('unexpected close tag') }]);
  });

  it('keeps a publication as it is when a file that gave part of it is read again after another', async () => {
    const a = { 'a.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3200000', date: '2022-01-07', title: 'Premier' }]) };
    const b = { 'b.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3200000', date: '2022-01-07', title: 'Second' }]) };
    await importFiles(t, a);
    await importFiles(t, b);
    const before = await tableContents(t);
    expect((await stored('FR', '3200000', 'A1'))?.titles).toEqual([{ lang: null, text: 'Second' }]);
    expect(await importFiles(t, a)).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await importFiles(t, b)).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await tableContents(t)).toEqual(before);
    // The file that now says something else wins.
    const corrected = { 'a.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3200000', date: '2022-01-07', title: 'Premier, corrigé' }]) };
    expect(await importFiles(t, corrected)).toMatchObject({ updated: 1 });
    expect((await stored('FR', '3200000', 'A1'))?.titles).toEqual([{ lang: null, text: 'Premier, corrigé' }]);
  });

  it('records the runs, newest first, with who started them, their files and their counts', async () => {
    t.clock.set('2026-03-02T10:00:00Z');
    const run = await importFiles(t, { 'c.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3300000', date: '2022-01-07' }]) });
    const runs = await t.services.publications.imports.list(systemActor, { limit: 50, offset: 0 });
    expect(runs.total).toBeGreaterThanOrEqual(9);
    expect(runs.items[0]).toEqual({ ...run, startedAt: '2026-03-02T10:00:00.000Z' });
    expect(run).toMatchObject({ status: 'finished', startedById: null, files: ['c.csv'], read: 1, inserted: 1, finishedAt: '2026-03-02T10:00:00.000Z' });
  });
});
