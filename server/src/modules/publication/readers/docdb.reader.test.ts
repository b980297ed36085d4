import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDocdbText } from '../../../../../bench/docdb-generator.ts';
import { detectFormat } from './detect-format.ts';
import { readDocdbWithSaxes } from './docdb-saxes.reader.ts';
import { readDocdb } from './docdb.reader.ts';
import type { ReadItem } from './read-item.ts';
import { DOCDB, FIXTURES, namesIn, readAll, readFixture, readText } from './reader.fixtures.ts';

const DE_BACKFILE = readFileSync(`${FIXTURES}${DOCDB}DE-backfile.xml`, 'utf8');

async function readOne(file: string) {
  const { records, errors } = await readFixture(`${DOCDB}${file}`);
  expect(errors).toEqual([]);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record) throw new Error('no record');
  expect(record.source).toBe('docdb');
  return record;
}

/** A one-record DOCDB file, the way the single-document samples are written (prefix not declared). */
function docdbRecord(body: string, attributes = 'country="DE" doc-number="1" kind="A" family-id="1"'): string {
  return `<exch:exchange-document ${attributes}><exch:bibliographic-data>${body}</exch:bibliographic-data></exch:exchange-document>`;
}

describe('DOCDB exchange XML', () => {
  it('reads the ten documents of a bulk file with their docdb / docdba name pairs', async () => {
    const { records, errors } = await readFixture(`${DOCDB}DE-backfile.xml`);
    expect(errors).toEqual([]);
    expect(records.map((record) => record.number)).toEqual([
      '1258188', '1258189', '1258190', '1258191', '1258192', '1258193', '1258194', '1258195', '1258196', '1258197',
    ]);
    expect(records.every((record) => record.country === 'DE' && record.kind === 'B' && record.publicationDate === '1968-01-04')).toBe(true);
    const pairs = records.map((record) => [namesIn(record.applicants, 'docdb')[0]?.[1], namesIn(record.applicants, 'docdba')[0]?.[1]]);
    expect(pairs).toContainEqual(['BOSCH GMBH ROBERT', 'ROBERT BOSCH G.M.B.H.']);
    expect(pairs).toContainEqual(['GEN MOTORS CORP', 'GENERAL MOTORS CORPORATION']);
    expect(pairs).toContainEqual(['BERTIN & CIE', 'SOCIETE BERTIN & CIE.']);
    expect(records[0]).toMatchObject({
      applicationNumber: 'B0077613',
      filingDate: '1964-07-10',
      familyId: '6979546',
      priorities: [{ country: 'DE', number: 'B0077613', date: '1964-07-10', format: 'docdb' }],
      titles: [{ lang: 'de', text: 'Kraftstoffeinspritzpumpe fuer mehrzylindrige Brennkraftmaschinen' }],
    });
    expect(namesIn(records[0]?.inventors ?? [], 'docdba')).toEqual([
      [1, 'KNAPP DIPL.-PHYS. DR. HEINRICH', null],
      [2, 'HEISER DIPL.-ING. JOACHIM', null],
    ]);
  });

  it('keeps four co-applicants in order with their sequence (DE1258194, the French state)', async () => {
    const { records } = await readFixture(`${DOCDB}DE-backfile.xml`);
    const record = records.find((candidate) => candidate.number === '1258194');
    expect(namesIn(record?.applicants ?? [], 'docdb')).toEqual([
      [1, 'FRANCE ETAT', null],
      [2, 'DELEGATION MINISTERIELLE POUR', null],
      [3, 'DIRECTION DES ETUDES ET FABRIC', null],
      [4, 'RECH S BALISTIQUES ET AERODYNA', null],
    ]);
    expect(namesIn(record?.applicants ?? [], 'docdba')[3]).toEqual([4, 'LABORATOIRE DE RECHERCHES BALISTIQUES ET AERODYNAMIQUES DE VERNON', null]);
    expect(record?.priorities).toEqual([{ country: 'FR', number: '961921', date: '1964-01-29', format: 'docdb' }]);
  });

  it('reads a single document without prefix (AP1206, two priority claims)', async () => {
    const record = await readOne('AP-1206-A_302101161.xml');
    expect(record).toMatchObject({
      country: 'AP',
      number: '1206',
      kind: 'A',
      publicationDate: '2003-09-18',
      applicationNumber: '2000001988',
      filingDate: '1998-08-04',
      familyId: '22179393',
      priorities: [
        { country: 'US', number: '8359798', date: '1998-05-22', format: 'docdb' },
        { country: 'US', number: '9816128', date: '1998-08-04', format: 'docdb' },
      ],
    });
    expect(namesIn(record.applicants, 'docdb')).toEqual([[1, 'BRISTOL MYERS SQUIBB CO', 'US']]);
    expect(namesIn(record.applicants, 'docdba')).toEqual([[1, 'BRISTOL-MYERS SQUIBB COMPANY', null]]);
  });

  it('reads a document whose exch: prefix is not declared (WO2022259205, an academic applicant)', async () => {
    const record = await readOne('WO-2022259205-A1_544370561.xml');
    expect(record).toMatchObject({
      country: 'WO',
      number: '2022259205',
      kind: 'A1',
      publicationDate: '2022-12-15',
      applicationNumber: '2022055385',
      filingDate: '2022-06-09',
      familyId: '82558028',
      priorities: [{ country: 'PT', number: '11728321', date: '2021-06-11', format: 'docdb' }],
    });
    expect(namesIn(record.applicants, 'docdb')).toEqual([[1, 'UNIV DA BEIRA INTERIOR', 'PT']]);
    expect(namesIn(record.applicants, 'docdba')).toEqual([[1, 'UNIVERSIDADE DA BEIRA INTERIOR', null]]);
    expect(namesIn(record.inventors, 'docdb')[2]).toEqual([3, 'CABRAL PIRES PATRÍCIA SOFIA', 'PT']);
    expect(namesIn(record.inventors, 'docdba')[2]).toEqual([3, 'CABRAL PIRES, Patrícia Sofia', null]);
    expect(record.titles).toContainEqual({ lang: 'fr', text: 'COMPOSITION AUTO-ÉMULSIFIANTE, SES PROCÉDÉS DE PRODUCTION ET SES UTILISATIONS' });
  });

  it('reads a document with a US provisional priority (WO2023012807, YEDA)', async () => {
    const record = await readOne('WO-2023012807-A1_507242069.xml');
    expect(record).toMatchObject({ country: 'WO', number: '2023012807', kind: 'A1', publicationDate: '2023-02-09', familyId: '83004620' });
    expect(record.priorities).toEqual([{ country: 'US', number: '202163230089', date: '2021-08-06', format: 'docdb' }]);
    expect(namesIn(record.applicants, 'docdb')).toEqual([[1, 'YEDA RES & DEV', 'IL']]);
    expect(namesIn(record.applicants, 'docdba')).toEqual([[1, 'YEDA RESEARCH AND DEVELOPMENT CO. LTD.', null]]);
  });

  it('reads docdb, docdba and original names, and a title written in character references (YU6701)', async () => {
    const record = await readOne('YU-6701-A_381353354.xml');
    expect(record).toMatchObject({ country: 'YU', number: '6701', kind: 'A', publicationDate: '2003-12-31', filingDate: '1999-06-02' });
    expect(record.applicants.map((applicant) => [applicant.format, applicant.name])).toEqual([
      ['docdb', 'WARNER LAMBERT CO'],
      ['docdba', 'WARNER-LAMBERT COMPANY'],
      ['original', 'WARNER-LAMBERT COMPANY'],
    ]);
    expect(namesIn(record.inventors, 'original')).toEqual([
      [1, "O'Brien, Patrick Michael", null],
      [2, 'Picard, Joseph Armand', null],
      [3, 'Sliskovic, Drago Robert', null],
    ]);
    expect(record.titles).toContainEqual({ lang: 'sh', text: 'TRICIKLIČNI SULFONAMIDI I NJIHOVI DERIVATI KAO INHIBITORI MATRIČNIH METALOPROTEINAZA' });
  });

  it('reads the same records whatever the chunk size, record start tags cut between chunks included', async () => {
    const whole = await readText(DE_BACKFILE, 'DE-backfile.xml');
    for (const chunkLength of [1, 7, 23, 4096]) {
      const chunked = await readText(DE_BACKFILE, 'DE-backfile.xml', chunkLength);
      expect(chunked).toEqual(whole);
    }
  });

  it('skips a record cut short and a malformed one in the middle of a bulk file, reporting each where it is', async () => {
    const lines = DE_BACKFILE.split('\n');
    const fifth = lines[4] ?? '';
    lines[4] = fifth.slice(0, Math.floor(fifth.length / 2));
    lines[6] = (lines[6] ?? '').replace('</kind>', '</knd>');
    const { records, errors } = await readText(lines.join('\n'), 'broken.xml', 1000);
    expect(records.map((record) => record.number)).toEqual(['1258188', '1258189', '1258190', '1258191', '1258193', '1258195', '1258196', '1258197']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ file: 'broken.xml', line: 5, column: 5 });
    expect(errors[0]?.message).toMatch(/^record starting at line 5: it ends before its closing tag/);
    expect(errors[1]).toMatchObject({ file: 'broken.xml', line: 7 });
    expect(errors[1]?.column).toBeGreaterThan(5);
    expect(errors[1]?.message).toMatch(/^record starting at line 7: .*close tag/);
  });

  it('reports a record cut short at the end of the file', async () => {
    const cut = DE_BACKFILE.slice(0, DE_BACKFILE.lastIndexOf('<exch:parties>'));
    expect(cut.length).toBeGreaterThan(DE_BACKFILE.lastIndexOf('<exch:exchange-document '));
    const { records, errors } = await readText(cut, 'cut.xml');
    expect(records).toHaveLength(9);
    expect(errors).toEqual([{ file: 'cut.xml', line: 10, column: 5, message: expect.stringMatching(/^record starting at line 10: it ends before/) }]);
  });

  it('reports a record without its publication number and keeps the next one', async () => {
    const text = `<exch:exchange-documents>\n${docdbRecord('', 'kind="A"')}\n${docdbRecord('')}\n</exch:exchange-documents>`;
    const { records, errors } = await readText(text, 'partial.xml');
    expect(records.map((record) => `${record.country}${record.number}`)).toEqual(['DE1']);
    expect(errors).toEqual([{ file: 'partial.xml', line: 2, column: expect.any(Number), message: '<exchange-document> has no publication country and number' }]);
  });

  it('decodes the entities of the undeclared DOCDB entity set, capital names included, and keeps unknown ones as written', async () => {
    const applicant = `<exch:parties><exch:applicants><exch:applicant sequence="1" data-format="docdba"><exch:applicant-name><name>CZAJKOWSKA-KO&SACUTE;NIK &amp; ZALE&CCARON;ENJE &unknown;</name></exch:applicant-name></exch:applicant></exch:applicants></exch:parties>`;
    const { records, errors } = await readText(docdbRecord(applicant));
    expect(errors).toEqual([]);
    expect(records[0]?.applicants).toEqual([{ sequence: 1, name: 'CZAJKOWSKA-KOŚNIK & ZALEČENJE &unknown;', format: 'docdba', country: null }]);
  });
});

const DOCDB_FILES = ['DE-backfile.xml', 'AP-1206-A_302101161.xml', 'WO-2022259205-A1_544370561.xml', 'WO-2023012807-A1_507242069.xml', 'YU-6701-A_381353354.xml'];

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const collected: ReadItem[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

/** The items of both DOCDB readers: the byte reader on UTF-8 chunks, the saxes reader on text chunks. */
async function readBoth(text: string, chunkLength: number, prefix = detectFormat(text)?.prefix ?? ''): Promise<{ bytes: ReadItem[]; saxes: ReadItem[] }> {
  const options = { fileName: 'bulk.xml', prefix };
  async function* byteChunks() {
    const bytes = Buffer.from(text);
    for (let start = 0; start < bytes.length; start += chunkLength) yield bytes.subarray(start, start + chunkLength);
  }
  async function* textChunks() {
    for (let start = 0; start < text.length; start += chunkLength) yield text.slice(start, start + chunkLength);
  }
  return { bytes: await collect(readDocdb(byteChunks(), options)), saxes: await collect(readDocdbWithSaxes(textChunks(), options)) };
}

// What the mutations insert: markup and references, well-formed or not, and characters XML refuses.
const INSERTIONS = [
  '<', '>', '&', '&amp', '&#;', '&#x110000;', '&#65;', 'AT & T;', ']]>', '"', "'", '=', '/', '\u0001', '\r', '\r\n', '\n', '\t',
  '<!--', '-->', '--', '<!-- note -->', '<![CDATA[x]]>', '<?pi x?>', '<?xml x?>', '<!DOCTYPE x>', '<!ELEMENT x>', '</a>', '<a>', '</>', '</ a>',
  ' x="1"', ' x="1" x="2"', '\uFFFE', 'é', '😀', '&SACUTE;', '&#233;', '&unknown;', '<exch:exchange-document ', '<exch:exchange-document>', 'a:b:c',
];

const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('delete', 'insert', 'insert', 'drop tag'),
  insertion: fc.constantFrom(...INSERTIONS),
  length: fc.integer({ min: 1, max: 6 }),
});

function mutate(text: string, changes: { at: number; kind: string; insertion: string; length: number }[]): string {
  let mutated = text;
  for (const change of changes) {
    const at = Math.floor(change.at * mutated.length);
    if (change.kind === 'delete') mutated = mutated.slice(0, at) + mutated.slice(at + change.length);
    else if (change.kind === 'insert') mutated = mutated.slice(0, at) + change.insertion + mutated.slice(at);
    else {
      const tag = mutated.indexOf('<', at);
      if (tag !== -1) mutated = mutated.slice(0, tag) + mutated.slice(mutated.indexOf('>', tag) + 1);
    }
  }
  return mutated;
}

describe('the byte reader and the saxes reader', () => {
  it.each(DOCDB_FILES)('read the same items from %s, whatever the chunks', async (file) => {
    const text = readFileSync(`${FIXTURES}${DOCDB}${file}`, 'utf8');
    for (const chunkLength of [1, 7, 4096, 65536]) {
      const { bytes, saxes } = await readBoth(text, chunkLength);
      expect(bytes.filter((item) => item.ok)).not.toHaveLength(0);
      expect(bytes).toEqual(saxes);
    }
  });

  it('read the same records from a generated bulk file', async () => {
    const text = generateDocdbText(150);
    for (const chunkLength of [1000, 65536]) {
      const { bytes, saxes } = await readBoth(text, chunkLength);
      expect(bytes).toHaveLength(150);
      expect(bytes.every((item) => item.ok)).toBe(true);
      expect(bytes).toEqual(saxes);
    }
  });

  it('read the same items when a record start tag comes inside a record, or hides in a comment, a CDATA section, an instruction or a value', async () => {
    // The next record's start tag ends a record wherever it is, even where the parser would not see one.
    const hiding = [
      '<!-- <exch:exchange-document country="XX"> -->',
      '<![CDATA[<exch:exchange-document>]]>',
      '<?note <exch:exchange-document/> ?>',
      '<exch:bibliographic-data note="<exch:exchange-document ">',
      '<exch:bibliographic-data note="a"><exch:exchange-document\tcountry="XX">',
      '<exch:bibliographic-data><exch:exchange-document country="XX">',
    ];
    const lines = generateDocdbText(4).split('\n');
    for (const hidden of hiding) {
      lines[2] = (generateDocdbText(4).split('\n')[2] ?? '').replace('<exch:bibliographic-data>', hidden.startsWith('<exch:bibliographic-data') ? hidden : `<exch:bibliographic-data>${hidden}`);
      const text = lines.join('\n');
      for (const chunkLength of [1, 7, 100, 4096, 65536]) {
        const { bytes, saxes } = await readBoth(text, chunkLength);
        expect(bytes.filter((item) => item.ok)).toHaveLength(3);
        expect(bytes).toEqual(saxes);
      }
    }
  });

  it('read the same items from malformed files: the same records kept, the same errors at the same places', async () => {
    const texts = [...DOCDB_FILES.map((file) => readFileSync(`${FIXTURES}${DOCDB}${file}`, 'utf8')), generateDocdbText(4)];
    await fc.assert(
      fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(5, 100, 4096, 65536), async (which, changes, chunkLength) => {
        const text = texts[which] ?? '';
        const { bytes, saxes } = await readBoth(mutate(text, changes), chunkLength, detectFormat(text)?.prefix);
        expect(bytes).toEqual(saxes);
      }),
      { seed: 20240218, numRuns: 150 },
    );
  }, 60_000);

  it('reads a UTF-8 file with a byte order mark and CR LF line ends from the bytes, positions counted as lines', async () => {
    const text = DE_BACKFILE.replaceAll('\n', '\r\n').replace('</exch:kind>', '</kind>');
    async function* bytes() {
      yield Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    }
    const { records, errors } = await readAll(bytes(), { fileName: 'crlf.xml' });
    expect(records).toHaveLength(10);
    expect(errors).toEqual([]);
    const broken = await readAll(
      (async function* () {
        yield Buffer.from(text.replace('<exch:applicant sequence="1"', '<exch:applicant sequence="1" sequence="2"'));
      })(),
      { fileName: 'crlf.xml' },
    );
    expect(broken.records).toHaveLength(9);
    // The first record starts on the first line, after the container's start tag.
    expect(broken.errors).toEqual([{ file: 'crlf.xml', line: 1, column: expect.any(Number), message: 'record starting at line 1: duplicate attribute: sequence.' }]);
  });

  it('reports an unescaped ampersand in one record and keeps the others', async () => {
    const text = DE_BACKFILE.replace('BOSCH GMBH ROBERT', 'BOSCH & CO GMBH');
    const { records, errors } = await readText(text, 'amp.xml');
    expect(records).toHaveLength(9);
    // Read as a reference up to the next `;`, the ampersand takes the rest of the record with it.
    const column = DE_BACKFILE.indexOf('<exch:exchange-document ') + 1;
    expect(errors).toEqual([{ file: 'amp.xml', line: 1, column, message: 'record starting at line 1: it ends before its closing tag (unclosed tag: name)' }]);
  });

  it('reads records whose elements carry another prefix, or none', async () => {
    const text = DE_BACKFILE.replaceAll('exch:', 'ns7:').replaceAll('xmlns:ns7=', 'xmlns:ns7=');
    const { records, errors } = await readText(text, 'ns7.xml');
    expect(errors).toEqual([]);
    expect(records).toEqual((await readText(DE_BACKFILE, 'ns7.xml')).records);
  });

  it('reports bytes that are not UTF-8 in a DOCDB file with their offset, keeping the records before them', async () => {
    const head = Buffer.from(DE_BACKFILE.slice(0, DE_BACKFILE.indexOf('\n', DE_BACKFILE.indexOf('\n') + 1) + 1));
    async function* bytes() {
      yield head;
      yield Buffer.from([0x41, 0xc3, 0x28]);
    }
    const { records, errors } = await readAll(bytes(), { fileName: 'bad.xml' });
    expect(records).toHaveLength(1);
    expect(errors).toEqual([{ file: 'bad.xml', line: null, column: null, message: `the bytes from offset ${head.length} to ${head.length + 3} are not valid utf-8 text` }]);
  });

  it('reads a DOCDB file declared ISO-8859-1 through the decoder, to the same records as in UTF-8', async () => {
    const text = DE_BACKFILE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('BOSCH GMBH ROBERT', 'BÖSCH GMBH RÖBERT');
    async function* latin1() {
      yield Buffer.from(text, 'latin1');
    }
    const { records, errors } = await readAll(latin1(), { fileName: 'latin1.xml' });
    expect(errors).toEqual([]);
    expect(records).toEqual((await readText(text, 'latin1.xml')).records);
    expect(namesIn(records[0]?.applicants ?? [], 'docdb')).toEqual([[1, 'BÖSCH GMBH RÖBERT', null]]);
  });
});

