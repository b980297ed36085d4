import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPublicationsParse, type PublicationsCliIo } from './publications.cli.ts';
import { xmlSourcesAt, type PublicationSource } from './readers/publication-sources.ts';
import { DOCDB, FIXTURES, OPS_PATENT_DEV } from './readers/reader.fixtures.ts';

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
    sources: files ? inMemory : xmlSourcesAt,
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

  it('exits 2 when a folder holds no .xml file', async () => {
    const { code, stderr } = await run(['parse', 'empty/'], {});
    expect(code).toBe(2);
    expect(stderr).toBe('no .xml file under empty/\n');
  });
});
