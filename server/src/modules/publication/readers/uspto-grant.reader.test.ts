import { describe, expect, it } from 'vitest';
import { publicationSourcesAt } from './publication-sources.ts';
import { FIXTURES, USPTO_GRANT, namesIn, readAll, readSources, readText } from './reader.fixtures.ts';
import { fileBytes, zipEntries, zipEntryBytes } from './zip-archive.ts';

const WEEK_43 = `${FIXTURES}${USPTO_GRANT}ipgb20221025_wk43.zip`;
const WEEK_14 = `${FIXTURES}${USPTO_GRANT}ipgb20230404_wk14.zip`;

/** The weekly XML file inside an archive, as text. */
async function weeklyXml(archive: string): Promise<string> {
  const bytes = fileBytes(archive);
  const entry = (await zipEntries(bytes)).find((candidate) => candidate.name.endsWith('.xml'));
  if (!entry) throw new Error('no XML entry');
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipEntryBytes(bytes, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A minimal grant document, with its declaration and DOCTYPE like the weekly files'. */
function grant(number: string, parties = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v47-2022-02-17.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.7 2022-02-17" country="US">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>${number}</doc-number><kind>B1</kind><date>20230404</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>17000001</doc-number><date>20200101</date></document-id></application-reference>
${parties}
</us-bibliographic-data-grant>
</us-patent-grant>
`;
}

describe('USPTO grant XML (us-patent-grant), weekly files of concatenated documents', () => {
  it('reads all eleven grants of a zipped weekly file with their numbers, kinds and dates', async () => {
    const { records, errors } = await readSources(publicationSourcesAt(WEEK_43));
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.number, record.kind, record.publicationDate, record.applicationNumber, record.filingDate])).toEqual([
      ['11617522', 'B2', '2023-04-04', '16533534', '2019-08-06'],
      ['D0967598', 'S1', '2022-10-25', '29793013', '2018-12-21'],
      ['D0967598', 'S1', '2022-10-25', '29793013', '2018-12-21'],
      ['PP034694', 'P2', '2022-10-25', '17571093', '2022-01-07'],
      ['RE049257', 'E1', '2022-10-25', '17096946', '2020-11-12'],
      ['RE049258', 'E1', '2022-10-25', '15949385', '2018-04-10'],
      ['RE049259', 'E1', '2022-10-25', '16912538', '2020-11-30'],
      ['11477944', 'B2', '2022-10-25', '17704932', '2022-03-25'],
      ['11477945', 'B2', '2022-10-25', '16816623', '2020-03-12'],
      ['11477946', 'B2', '2022-10-25', '16964182', '2019-01-22'],
      ['11477947', 'B2', '2022-10-25', '16614300', '2018-06-13'],
    ]);
    expect(records.every((record) => record.source === 'uspto-grant' && record.country === 'US')).toBe(true);
  });

  it('reads foreign priorities and US provisionals, not continuations', async () => {
    const { records } = await readSources(publicationSourcesAt(WEEK_43));
    const priorities = (number: string) => records.find((record) => record.number === number)?.priorities;
    expect(priorities('RE049258')).toEqual([
      { country: 'GB', number: '0208877', date: '2002-04-18', format: 'original' },
      { country: 'GB', number: '0229951', date: '2002-12-20', format: 'original' },
    ]);
    expect(priorities('11477946')).toEqual([{ country: 'GB', number: '1801097', date: '2018-01-23', format: 'original' }]);
    expect(priorities('RE049257')).toEqual([{ country: 'US', number: '62167931', date: '2015-05-29', format: 'original' }]);
    expect(priorities('PP034694')).toEqual([]);
  });

  it('keeps applicants as filed and assignees at issue apart, with sequence and country', async () => {
    const { records } = await readSources(publicationSourcesAt(WEEK_43));
    const byNumber = (number: string) => records.find((record) => record.number === number);
    const jaguar = byNumber('RE049258');
    expect(namesIn(jaguar?.applicants ?? [], 'original')).toEqual([[1, 'Jaguar Land Rover Limited', 'GB']]);
    expect(namesIn(jaguar?.owners ?? [], 'original')).toEqual([[1, 'JAGUAR LAND ROVER LIMITED', null]]);
    expect(namesIn(byNumber('PP034694')?.applicants ?? [], 'original')).toEqual([[1, 'Danizger ‘DAN’ Flower Farm', 'IL']]);
    expect(namesIn(byNumber('PP034694')?.owners ?? [], 'original')).toEqual([[1, 'Danziger “Dan” Flower Farm', null]]);
    expect(namesIn(byNumber('11477947')?.owners ?? [], 'original')).toEqual([[1, 'INTERNATIONAL PLANT PROPAGATION TECHNOLOGY LTD', 'GB']]);
    expect(namesIn(byNumber('11617522')?.inventors ?? [], 'original')).toEqual([
      [1, 'Li, Xin X.', 'CN'],
      [2, 'Liu, Zhiyong', 'CN'],
      [3, 'Yavorsky, Matthew William', 'US'],
    ]);
    // A design without an assignee at issue has no owners; its applicant is the inventor himself.
    expect(byNumber('D0967598')?.owners).toBeUndefined();
    expect(namesIn(byNumber('D0967598')?.applicants ?? [], 'original')).toEqual([[1, 'Mark, Justin A', 'US']]);
  });

  it('reads titles with their markup flattened, IPC and CPC symbols, and a design’s Locarno class', async () => {
    const { records } = await readSources(publicationSourcesAt(WEEK_43));
    const first = records[0];
    expect(first?.titles).toEqual([{ lang: 'en', text: 'Sensor inserter with disposal lockout state' }]);
    expect(first?.classifications).toEqual([
      { scheme: 'IPC', code: 'A61B 5/145' },
      { scheme: 'IPC', code: 'A61M 5/145' },
      { scheme: 'IPC', code: 'A61M 5/172' },
      { scheme: 'IPC', code: 'A61B 5/153' },
      { scheme: 'CPC', code: 'A61B 5/14532' },
      { scheme: 'CPC', code: 'A61B 5/14546' },
      { scheme: 'CPC', code: 'A61B 5/153' },
      { scheme: 'CPC', code: 'A61M 5/172' },
      { scheme: 'CPC', code: 'A61M 5/14566' },
    ]);
    expect(records.find((record) => record.number === 'PP034694')?.titles).toEqual([{ lang: 'en', text: 'Portulaca plant named ‘DPORMPZPUP’' }]);
    expect(records.find((record) => record.number === 'D0967598')?.classifications).toContainEqual({ scheme: 'LOCARNO', code: '01-01' });
  });

  it('reads the three grants of the 2023 weekly file (designs and a utility patent)', async () => {
    const { records, errors } = await readSources(publicationSourcesAt(WEEK_14));
    expect(errors).toEqual([]);
    expect(records.map((record) => `${record.number} ${record.kind} ${record.publicationDate}`)).toEqual([
      'D0982278 S1 2023-04-04',
      'D0982279 S1 2023-04-04',
      '11617590 B2 2023-04-04',
    ]);
    expect(namesIn(records[0]?.applicants ?? [], 'original')).toEqual([[1, 'HeartSnug LLC', 'US']]);
    expect(namesIn(records[0]?.owners ?? [], 'original')).toEqual([[1, 'HEARTSNUG LLC', 'US']]);
    expect(namesIn(records[1]?.applicants ?? [], 'original')).toEqual([[1, 'NIKE, Inc.', 'US']]);
  });

  it('reports a malformed document in the middle with its position and reads the others', async () => {
    const lines = (await weeklyXml(WEEK_43)).split('\n');
    // The third document (the second copy of D0967598) starts on line 2172; break its publication number.
    expect(lines[2171]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[2178]).toBe('<doc-number>D0967598</doc-number>');
    lines[2178] = '<doc-number>D0967598</doc-numbr>';
    const { records, errors } = await readText(lines.join('\n'), 'ipgb20221025.xml', 65_536);
    expect(records).toHaveLength(10);
    expect(records.filter((record) => record.number === 'D0967598')).toHaveLength(1);
    expect(records.at(-1)?.number).toBe('11477947');
    expect(errors).toEqual([
      {
        file: 'ipgb20221025.xml',
        line: 2179,
        column: expect.any(Number),
        message: expect.stringMatching(/^document starting at line 2172: unexpected close tag/),
      },
    ]);
  });

  it('reports a document cut short, and a document of another kind, where each starts', async () => {
    const cut = grant('11000002').slice(0, -40);
    const other = '<?xml version="1.0"?>\n<us-patent-application><x/></us-patent-application>\n';
    const text = `${grant('11000001')}${cut}${other}${grant('11000004')}`;
    const { records, errors } = await readText(text, 'week.xml', 13);
    expect(records.map((record) => record.number)).toEqual(['11000001', '11000004']);
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [10, 'document starting at line 10: it ends before its closing tag (unclosed tag: us-bibliographic-data-grant)'],
      // The cut document ends mid-line: the next declaration follows on that line.
      [17, 'document starting at line 17: the document is a <us-patent-application>, not a <us-patent-grant>'],
    ]);
  });

  it('stops the file at a document whose DOCTYPE declares entities, keeping the grants before it', async () => {
    const hostile = grant('11000002').replace('[ ]', '[ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]');
    const { records, errors } = await readText(`${grant('11000001')}${hostile}${grant('11000003')}`, 'week.xml');
    expect(records.map((record) => record.number)).toEqual(['11000001']);
    expect(errors).toEqual([
      { file: 'week.xml', line: 11, column: expect.any(Number), message: 'DOCTYPE with an internal subset refused: entity declarations are not processed' },
    ]);
  });

  it('reads a first document without declaration after blank lines, and the documents after it', async () => {
    const first = grant('11000001').replace('<?xml version="1.0" encoding="UTF-8"?>\n', '');
    const { records, errors } = await readText(`\n\n  ${first}${grant('11000002')}`, 'week.xml', 5);
    expect(errors).toEqual([]);
    expect(records.map((record) => record.number)).toEqual(['11000001', '11000002']);
  });

  it('stops a 2 GB element inside the second document after 10 MB, with bounded memory', async () => {
    const counter = { bytes: 0 };
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    async function* endless() {
      yield Buffer.from(`${grant('11000001')}<?xml version="1.0"?>\n<us-patent-grant><us-bibliographic-data-grant><invention-title>`);
      for (let sent = 0; sent < 2048; sent += 1) {
        counter.bytes += chunk.length;
        yield chunk;
      }
    }
    const rssBefore = process.memoryUsage().rss;
    const { records, errors } = await readAll(endless(), { fileName: 'huge.xml' });
    expect(records.map((record) => record.number)).toEqual(['11000001']);
    expect(errors).toEqual([{ file: 'huge.xml', line: 11, column: expect.any(Number), message: 'a single text, tag or comment is longer than 10 MB' }]);
    expect(counter.bytes).toBeLessThan(16 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('takes the inventors of a pre-2012 grant from its applicant-inventors', async () => {
    const parties = `<parties><applicants>
<applicant sequence="001" app-type="applicant-inventor" designation="us-only"><addressbook><last-name>Curie</last-name><first-name>Marie</first-name><address><city>Paris</city><country>FR</country></address></addressbook><residence><country>FR</country></residence></applicant>
<applicant sequence="002" app-type="applicant" designation="us-only"><addressbook><orgname>Example Corp.</orgname><address><country>US</country></address></addressbook></applicant>
</applicants></parties>`;
    const { records } = await readText(grant('7000001', parties));
    expect(namesIn(records[0]?.applicants ?? [], 'original')).toEqual([
      [1, 'Curie, Marie', 'FR'],
      [2, 'Example Corp.', 'US'],
    ]);
    expect(namesIn(records[0]?.inventors ?? [], 'original')).toEqual([[1, 'Curie, Marie', 'FR']]);
  });
});
