import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCDB, FIXTURES, namesIn, readFixture, readText } from './reader.fixtures.ts';

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
