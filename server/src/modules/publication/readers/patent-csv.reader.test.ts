import { describe, expect, it } from 'vitest';
import { namesIn, readAll, readText } from './reader.fixtures.ts';

/*
 * No Lens or Espacenet export is available as a sample: the files below are HAND-MADE, written
 * after the exports' documented columns (see lens-csv.ts and espacenet-csv.ts). The publications they
 * name are invented.
 */

const LENS_HEADER =
  '"#",Jurisdiction,Kind,Display Key,Lens ID,Publication Date,Publication Year,Application Number,Application Date,' +
  'Priority Numbers,Earliest Priority Date,Title,Abstract,Applicants,Inventors,Owners,URL,Document Type,Has Full Text,' +
  'Cites Patent Count,Cited by Patent Count,Simple Family Size,Simple Family Members,Simple Family Member Jurisdictions,' +
  'CPC Classifications,IPCR Classifications,Legal Status';

const LENS_ROWS = [
  '1,US,A1,US 2019/0123456 A1,012-345-678-901-23X,2019-04-25,2019,US 201816123456 A,2018-09-12,' +
    'US 201762512345 P;;US 201816123456 A,2017-09-12,"Antenna, with ""smart"" array","An abstract,\r\non two lines",' +
    'INST MINES TELECOM;;ACME CORP,DUPONT MARIE;;SMITH JOHN,ACME CORP,https://lens.org/012-345-678-901-23X,Patent Application,' +
    'true,3,0,2,US 2019/0123456 A1;;WO 2019/054321 A1,US;;WO,H01Q1/24;;H01Q21/06,H01Q1/24,PENDING',
  '2,EP,B1,EP 3456789 B1,111-222-333-444-55X,2021-06-02,2021,EP 17801234 A,2017-11-20,FR 1660000 A,2016-11-21,' +
    'Procédé de test,,COMMISSARIAT ENERGIE ATOMIQUE,MARTIN PAUL,,,Granted Patent,false,0,0,1,EP 3456789 B1,EP,,G01N33/00,ACTIVE',
];

/** Espacenet writes a few lines about the search before the header, and `;` between fields. */
const ESPACENET = [
  '"Espacenet search results"',
  '"Query: pa=""institut mines telecom"""',
  '"Date: 2024-03-01"',
  '',
  'No;Title;Inventors;Applicants;Publication number;Earliest priority;IPC;CPC;Publication date;Earliest publication;Family number',
  '1;"SYSTEME DE MESURE";"DUPONT MARIE [FR]\nMARTIN PAUL [FR]";"INST MINES TELECOM [FR]\nARMINES [FR]";"FR3100000A1\nWO2021123456A1";2019-08-30;"G01N33/00";"G01N33/0036 (EP, US)\nG01N2033/0068";"2021-03-05\n2021-06-24";2021-03-05;70001234',
  '2;"ANTENNE";"LEFEBVRE JEAN [FR]";"IMT ATLANTIQUE [FR]";"FR3100001B1";2019-09-02;"H01Q1/24";;2022-01-14;2021-03-12;70001235',
].join('\r\n');

describe('CSV exports (Lens, Espacenet)', () => {
  it('reads a Lens export: number, kind, dates, priorities, names in order, owners, classifications (hand-made)', async () => {
    const { records, errors } = await readText(`\uFEFF${LENS_HEADER}\r\n${LENS_ROWS.join('\r\n')}\r\n`, 'lens-export.csv', 100);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      source: 'lens-csv',
      country: 'US',
      number: '20190123456',
      kind: 'A1',
      publicationDate: '2019-04-25',
      applicationNumber: '201816123456',
      filingDate: '2018-09-12',
      familyId: null,
      priorities: [
        { country: 'US', number: '201762512345', date: null },
        { country: 'US', number: '201816123456', date: null },
      ],
      titles: [{ lang: null, text: 'Antenna, with "smart" array' }],
      classifications: [
        { scheme: 'IPC', code: 'H01Q 1/24' },
        { scheme: 'CPC', code: 'H01Q 1/24' },
        { scheme: 'CPC', code: 'H01Q 21/06' },
      ],
    });
    expect(namesIn(records[0]?.applicants ?? [], 'original')).toEqual([
      [1, 'INST MINES TELECOM', null],
      [2, 'ACME CORP', null],
    ]);
    expect(namesIn(records[0]?.inventors ?? [], 'original')).toEqual([
      [1, 'DUPONT MARIE', null],
      [2, 'SMITH JOHN', null],
    ]);
    expect(namesIn(records[0]?.owners ?? [], 'original')).toEqual([[1, 'ACME CORP', null]]);
    // The only priority takes the earliest priority date.
    expect(records[1]).toMatchObject({
      country: 'EP',
      number: '3456789',
      kind: 'B1',
      applicationNumber: '17801234',
      priorities: [{ country: 'FR', number: '1660000', date: '2016-11-21' }],
      titles: [{ lang: null, text: 'Procédé de test' }],
    });
    expect(records[1]?.owners).toBeUndefined();
  });

  it('reads an Espacenet export after its preamble: one record per publication of the family (hand-made)', async () => {
    const { records, errors } = await readText(ESPACENET, 'espacenet.csv', 64);
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.country, record.number, record.kind, record.publicationDate, record.familyId])).toEqual([
      ['FR', '3100000', 'A1', '2021-03-05', '70001234'],
      ['WO', '2021123456', 'A1', '2021-06-24', '70001234'],
      ['FR', '3100001', 'B1', '2022-01-14', '70001235'],
    ]);
    expect(records[0]?.source).toBe('espacenet-csv');
    expect(namesIn(records[1]?.applicants ?? [], 'epodoc')).toEqual([
      [1, 'INST MINES TELECOM [FR]', 'FR'],
      [2, 'ARMINES [FR]', 'FR'],
    ]);
    expect(namesIn(records[1]?.inventors ?? [], 'epodoc')).toEqual([
      [1, 'DUPONT MARIE [FR]', 'FR'],
      [2, 'MARTIN PAUL [FR]', 'FR'],
    ]);
    expect(records[0]?.classifications).toEqual([
      { scheme: 'IPC', code: 'G01N 33/00' },
      { scheme: 'CPC', code: 'G01N 33/0036' },
      { scheme: 'CPC', code: 'G01N 2033/0068' },
    ]);
    expect(records[0]?.titles).toEqual([{ lang: null, text: 'SYSTEME DE MESURE' }]);
  });

  it('reports a CSV file whose header is not a known export, naming the file', async () => {
    const { records, errors } = await readText('name,number\nACME,1\n', 'list.csv');
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'list.csv',
        line: 1,
        column: 1,
        message:
          'not a known CSV export: no header row in the first 20 lines names the columns of Lens: "Lens ID" with "Display Key" ' +
          'or "Publication Number", or Espacenet: "Publication number" with "Title" or "Family number". The first line reads "name,number"',
      },
    ]);
  });

  it('reports a broken row and a row without publication number by line, and reads the others', async () => {
    const text = [LENS_HEADER, '1,US,A1,US 2019/0000001 A1,x,2019-01-03', '2,US,A1,"US 2019/0000002 A1"junk,x', '3,US,,,x,2019-01-03', '4,US,B2,US 10000004 B2,x,2021-02-02'].join('\n');
    const { records, errors } = await readText(text, 'lens.csv');
    expect(records.map((record) => record.number)).toEqual(['20190000001', '10000004']);
    expect(errors).toEqual([
      { file: 'lens.csv', line: 3, column: 29, message: 'row at line 3: "j" after the closing quote of a field' },
      { file: 'lens.csv', line: 4, column: 1, message: 'row at line 4 has no publication country and number' },
    ]);
  });

  it('reports a quoted field never closed, keeping the rows before it', async () => {
    const text = `${LENS_HEADER}\n1,US,A1,US 2019/0000001 A1,x\n2,US,A1,"US 2019/0000002 A1,x\n`;
    async function* bytes() {
      yield Buffer.from(text);
    }
    const { records, errors } = await readAll(bytes(), { fileName: 'cut.csv' });
    expect(records.map((record) => record.number)).toEqual(['20190000001']);
    expect(errors).toEqual([{ file: 'cut.csv', line: 3, column: 9, message: 'a quoted field is never closed (its opening quote is here)' }]);
  });
});
