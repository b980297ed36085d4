import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublicationsParse, type PublicationsCliIo } from './publications.cli.ts';
import { publicationSourcesAt, type PublicationSource } from './readers/publication-sources.ts';
import { DOCDB, FIXTURES, INPI, OPS_PATENT_DEV, USPTO_GRANT, USPTO_ODP } from './readers/reader.fixtures.ts';

const FIRST_KEYS = [
  'country',
  'number',
  'kind',
  'publicationDate',
  'applicationNumber',
  'filingDate',
  'familyId',
  'priorities',
  'applicants',
  'inventors',
  'titles',
];

/** Runs the command on the sample files, or on in-memory files when `files` is given. */
async function run(argv: string[], files?: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const inMemory = async function* (path: string): AsyncGenerator<PublicationSource> {
    for (const [name, text] of Object.entries(files ?? {})) {
      if (name.startsWith(path)) {
        yield {
          name,
          open: async function* () {
            yield text;
          },
        };
      }
    }
  };
  const io: PublicationsCliIo = {
    sources: files ? inMemory : publicationSourcesAt,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await runPublicationsParse(argv, io);
  const lines = stdout === '' ? [] : stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, stdout, stderr };
}

describe('valo publications parse', () => {
  it('prints one JSON line per publication, the identifying keys first', async () => {
    const { code, lines, stdout, stderr } = await run(['parse', `${FIXTURES}${OPS_PATENT_DEV}demo/examples/get_register_biblio/response.xml`]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line).slice(0, FIRST_KEYS.length)).toEqual(FIRST_KEYS);
    expect(lines[1]).toMatchObject({
      country: 'EP',
      number: '2400812',
      kind: 'B1',
      publicationDate: '2019-11-27',
      applicationNumber: '10167109',
      filingDate: '2010-06-24',
      priorities: [],
      applicants: [{ sequence: 1, name: '9Solutions Oy', format: 'original', country: 'FI' }],
      titles: expect.arrayContaining([{ lang: 'en', text: 'BLUETOOTH NETWORKING' }]),
    });
  });

  it('prints priorities, applicants and inventors in their documented shape', async () => {
    const { lines } = await run(['parse', `${FIXTURES}${DOCDB}YU-6701-A_381353354.xml`]);
    expect(lines[0]).toMatchObject({
      priorities: [{ country: 'US', number: '9500698', date: '1998-07-30' }],
      applicants: [
        { sequence: 1, name: 'WARNER LAMBERT CO', format: 'docdb', country: 'US' },
        { sequence: 1, name: 'WARNER-LAMBERT COMPANY', format: 'docdba', country: null },
        { sequence: 1, name: 'WARNER-LAMBERT COMPANY', format: 'original', country: null },
      ],
    });
  });

  it('reads every .xml file of a folder and its subfolders', async () => {
    const { code, lines, stderr } = await run(['parse', `${FIXTURES}epo-docdb-xml`]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines.map((line) => `${String(line.country)}${String(line.number)}`)).toEqual([
      'AP1206',
      'DE1258188', 'DE1258189', 'DE1258190', 'DE1258191', 'DE1258192', 'DE1258193', 'DE1258194', 'DE1258195', 'DE1258196', 'DE1258197',
      'WO2022259205',
      'WO2023012807',
      'YU6701',
    ]);
  });

  describe('on a folder mixing formats', () => {
    let folder = '';
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'valo-publications-'));
      await mkdir(join(folder, 'us'));
      await copyFile(`${FIXTURES}${INPI}2706406.xml`, join(folder, 'a-inpi.xml'));
      await copyFile(`${FIXTURES}${DOCDB}YU-6701-A_381353354.xml`, join(folder, 'b-docdb.xml'));
      // A hand-made Lens export of one row.
      await writeFile(join(folder, 'c-lens.csv'), 'Jurisdiction,Kind,Display Key,Lens ID,Publication Date\r\nFR,A1,FR 3100000 A1,000-000-000-000-00X,2021-03-05\r\n');
      await writeFile(join(folder, 'd-notes.txt'), 'not read');
      await copyFile(`${FIXTURES}${USPTO_ODP}biblio.json`, join(folder, 'us', 'odp.json'));
      await copyFile(`${FIXTURES}${USPTO_GRANT}ipgb20230404_wk14.zip`, join(folder, 'us', 'week.zip'));
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('reads XML, CSV, JSON and the XML inside a zip, in name order, and passes over other files', async () => {
      const { code, lines, stderr } = await run(['parse', folder]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(lines.map((line) => `${String(line.source)} ${String(line.country)}${String(line.number)} ${String(line.kind)}`)).toEqual([
        'inpi FR2706406 B1',
        'docdb YU6701 A',
        'lens-csv FR3100000 A1',
        'uspto-odp US20170071586 A1',
        'uspto-grant USD0982278 S1',
        'uspto-grant USD0982279 S1',
        'uspto-grant US11617590 B2',
      ]);
      expect(lines[0]).toMatchObject({
        applicants: [{ sequence: 1, name: 'GEC ALSTHOM TRANSPORT SA', format: 'original', country: 'FR', identifier: '389191982' }],
        owners: [{ sequence: 1, name: 'ALSTOM TRANSPORT TECHNOLOGIES', format: 'original', country: 'FR', identifier: '752364778' }],
      });
      expect(lines[1]).toMatchObject({ owners: [] });
    });

    it('reads an archive given as the path, and reports one that cannot be read under its own name', async () => {
      const week = await run(['parse', join(folder, 'us', 'week.zip')]);
      expect(week.code).toBe(0);
      expect(week.lines).toHaveLength(3);
      const broken = join(folder, 'broken.zip');
      await writeFile(broken, 'PK not an archive');
      const failed = await run(['parse', broken]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toBe(`${broken}: not a ZIP archive: no end of central directory record\n1 record skipped\n`);
    });
  });

  it('prints the good records of a broken file, reports the bad one with file and position, and exits 1', async () => {
    const bulk = readFileSync(`${FIXTURES}${DOCDB}DE-backfile.xml`, 'utf8').split('\n');
    bulk[2] = (bulk[2] ?? '').replace('</kind>', '</knd>');
    const { code, lines, stderr } = await run(['parse', 'in/'], { 'in/bulk.xml': bulk.join('\n') });
    expect(code).toBe(1);
    expect(lines).toHaveLength(9);
    expect(stderr).toMatch(/^in\/bulk\.xml:3:\d+: record starting at line 3: unexpected close tag\.\n1 record skipped\n$/);
  });

  it('exits 1 for a file that is not patent XML', async () => {
    const { code, lines, stderr } = await run(['parse', 'in/'], { 'in/other.xml': '<catalogue/>' });
    expect(code).toBe(1);
    expect(lines).toEqual([]);
    expect(stderr).toContain('in/other.xml: <catalogue> is not a format read here');
  });

  it.each([
    [[], 'usage: valo publications parse PATH'],
    [['parse'], 'usage: valo publications parse PATH'],
    [['list', 'x.xml'], 'usage: valo publications parse PATH'],
    [['parse', 'a.xml', 'b.xml'], 'usage: valo publications parse PATH'],
    [['parse', '--zip', 'a.xml'], "Unknown option '--zip'"],
    [['parse', `${FIXTURES}no-such-file.xml`], 'cannot read'],
    [['parse', `${FIXTURES}epo-docdb-xml/max-planck-innovation-competition_go-epo-bdds/LICENSE/`], 'cannot read'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, lines, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toContain(message);
  });

  it('exits 2 when a folder holds no file to read', async () => {
    const { code, stderr } = await run(['parse', 'empty/'], {});
    expect(code).toBe(2);
    expect(stderr).toBe('no .xml, .json, .csv or .zip file to read under empty/\n');
  });
});
