import { describe, expect, it } from 'vitest';
import { USPTO_ASSIGNMENT, namesIn, readFixture, readText } from './reader.fixtures.ts';

/**
 * A hand-made bulk assignment file (not a USPTO file), in the layout of the daily `ad` files: an
 * assignment of an application later granted, a security interest, and an assignment of a pending
 * application to a foreign assignee.
 */
const BULK = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-assignments SYSTEM "us-patent-assignments-2013-08-01.dtd">
<us-patent-assignments dtd-version="0.8" date-produced="20230105">
<action-key-code>DA</action-key-code>
<transaction-date><date>20230105</date></transaction-date>
<patent-assignments>
<patent-assignment>
<assignment-record><reel-no>62401</reel-no><frame-no>5</frame-no><recorded-date><date>20230104</date></recorded-date>
<conveyance-text>ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).</conveyance-text></assignment-record>
<patent-assignors>
<patent-assignor><name>CURIE, MARIE</name><execution-date><date>20221220</date></execution-date></patent-assignor>
<patent-assignor><name>LANGEVIN, PAUL</name><execution-date><date>20221215</date></execution-date></patent-assignor>
</patent-assignors>
<patent-assignees><patent-assignee><name>INSTITUT MINES-TELECOM</name><city>PALAISEAU</city><country-name>FRANCE</country-name></patent-assignee></patent-assignees>
<patent-properties><patent-property>
<document-id><country>US</country><doc-number>17123456</doc-number><kind>X0</kind><date>20201215</date></document-id>
<document-id><country>US</country><doc-number>20210123456</doc-number><kind>A1</kind><date>20210422</date></document-id>
<document-id><country>US</country><doc-number>11456789</doc-number><kind>B2</kind><date>20220927</date></document-id>
<invention-title lang="en">RADIO RECEIVER</invention-title>
</patent-property></patent-properties>
</patent-assignment>
<patent-assignment>
<assignment-record><reel-no>62401</reel-no><frame-no>77</frame-no><recorded-date><date>20230104</date></recorded-date>
<conveyance-text>SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).</conveyance-text></assignment-record>
<patent-assignors><patent-assignor><name>EXAMPLE DEVICES INC.</name><execution-date><date>20221230</date></execution-date></patent-assignor></patent-assignors>
<patent-assignees><patent-assignee><name>FIRST LENDER BANK, N.A., AS AGENT</name><state>NEW YORK</state></patent-assignee></patent-assignees>
<patent-properties><patent-property>
<document-id><country>US</country><doc-number>10999999</doc-number><kind>B1</kind><date>20210615</date></document-id>
<invention-title lang="en">SENSOR</invention-title>
</patent-property></patent-properties>
</patent-assignment>
<patent-assignment>
<assignment-record><reel-no>62402</reel-no><frame-no>1</frame-no><recorded-date><date>20230105</date></recorded-date>
<conveyance-text>ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).</conveyance-text></assignment-record>
<patent-assignors><patent-assignor><name>MULLER, HANS</name><execution-date><date>20230102</date></execution-date></patent-assignor></patent-assignors>
<patent-assignees><patent-assignee><name>EXAMPLE GMBH</name><country-name>GERMANY</country-name></patent-assignee></patent-assignees>
<patent-properties><patent-property>
<document-id><country>US</country><doc-number>18111222</doc-number><kind>X0</kind><date>20230103</date></document-id>
<invention-title lang="en">VALVE</invention-title>
</patent-property></patent-properties>
</patent-assignment>
</patent-assignments>
</us-patent-assignments>
`;

describe('USPTO assignment XML', () => {
  it('yields one record per patent an assignment covers, keyed by the patent, with the assignee as applicant', async () => {
    const { records, errors } = await readFixture(`${USPTO_ASSIGNMENT}assignment_1.xml`);
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.number, record.kind, record.publicationDate, record.applicationNumber, record.filingDate])).toEqual([
      ['7130913', null, '2006-10-31', '10628795', '2003-07-28'],
      ['7321937', null, '2008-01-22', '11400674', '2006-04-08'],
      ['6195024', null, '2001-02-27', '09210491', '1998-12-11'],
      ['6309424', null, '2001-10-30', '09705446', '2000-11-03'],
      ['6601104', null, '2003-07-29', '09266394', '1999-03-11'],
    ]);
    expect(records.every((record) => record.source === 'uspto-assignment' && record.country === 'US')).toBe(true);
    expect(records.map((record) => record.titles[0]?.text)).toEqual([
      'SYSTEM AND METHODS FOR ACCELERATED DATA STORAGE AND RETRIEVAL',
      'SYSTEM AND METHODS FOR ACCELERATED DATA STORAGE AND RETRIEVAL',
      'CONTENT INDEPENDENT DATA COMPRESSION METHOD AND SYSTEM',
      'Content independent data compression method and system',
      'SYSTEM AND METHODS FOR ACCELERATED DATA STORAGE AND RETRIEVAL',
    ]);
    for (const record of records) {
      expect(record.applicants).toEqual([{ sequence: 1, name: 'REALTIME DATA LLC', format: 'original', country: null }]);
      expect(record.legalEvents).toEqual([
        {
          code: 'AS',
          date: '2006-09-14',
          description: 'NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).',
          country: null,
          effectiveDate: '2006-09-14',
          text: 'ASSIGNORS: REALTIME DATA COMPRESSION SYSTEMS, INC.; ASSIGNEES: REALTIME DATA LLC; REEL/FRAME: 018247/0405',
        },
      ]);
    }
    expect(namesIn(records[2]?.inventors ?? [], 'original')).toEqual([[1, 'JAMES J. FALLON', null]]);
  });

  it('keys a property not yet granted by its publication, and splits the inventors of the search answer', async () => {
    const { records, errors } = await readFixture(`${USPTO_ASSIGNMENT}assignment_2.xml`);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      number: '20180114740',
      kind: null,
      publicationDate: '2018-04-26',
      applicationNumber: '15334090',
      filingDate: '2016-10-25',
      titles: [{ lang: 'en', text: 'INVERTER' }],
      applicants: [{ sequence: 1, name: 'TESLA MOTORS, INC.', format: 'original', country: null }],
    });
    expect(records[0]?.inventors.map((inventor) => inventor.name)).toEqual([
      'Wenjun Liu',
      'Robert James Ramm',
      'Alan David Tepe',
      'Colin Kenneth Campbell',
      'Dino Sasaridis',
    ]);
    expect(records[0]?.legalEvents).toEqual([
      {
        code: 'AS',
        date: '2017-08-29',
        description: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        country: null,
        effectiveDate: '2017-05-17',
        text: 'ASSIGNORS: LIU, WENJUN; RAMM, ROBERT JAMES; TEPE, ALAN DAVID; CAMPBELL, COLIN KENNETH; SASARIDIS, DINO; ASSIGNEES: TESLA MOTORS, INC.; REEL/FRAME: 043433/0231',
      },
    ]);
  });

  it('reads the bulk layout: kinds from the document ids, assignees’ countries, and no applicant for a security interest (hand-made)', async () => {
    const { records, errors } = await readText(BULK, 'ad20230105.xml', 512);
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.number, record.kind, record.publicationDate, record.applicationNumber, record.filingDate])).toEqual([
      ['11456789', 'B2', '2022-09-27', '17123456', '2020-12-15'],
      ['10999999', 'B1', '2021-06-15', null, null],
      ['18111222', null, null, '18111222', '2023-01-03'],
    ]);
    expect(records[0]?.applicants).toEqual([{ sequence: 1, name: 'INSTITUT MINES-TELECOM', format: 'original', country: 'FR' }]);
    expect(records[0]?.legalEvents[0]).toMatchObject({
      date: '2023-01-04',
      effectiveDate: '2022-12-15',
      text: 'ASSIGNORS: CURIE, MARIE; LANGEVIN, PAUL; ASSIGNEES: INSTITUT MINES-TELECOM; REEL/FRAME: 062401/0005',
    });
    // A lender holds a security interest, not the patent.
    expect(records[1]?.applicants).toEqual([]);
    expect(records[1]?.legalEvents[0]?.description).toBe('SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).');
    expect(records[2]?.applicants).toEqual([{ sequence: 1, name: 'EXAMPLE GMBH', format: 'original', country: 'DE' }]);
  });

  it('reports a search answer that found nothing, and an assignment naming no document', async () => {
    const empty = await readText('<?xml version="1.0"?><response><result name="response" numFound="0" start="0"/></response>', 'none.xml');
    expect(empty.errors).toEqual([
      { file: 'none.xml', line: null, column: null, message: 'no assignment in the file (no patent-assignment, or no doc in a search answer)' },
    ]);
    const bare = await readText('<us-patent-assignments><patent-assignments><patent-assignment><assignment-record/></patent-assignment></patent-assignments></us-patent-assignments>', 'bare.xml');
    expect(bare.errors).toEqual([{ file: 'bare.xml', line: 1, column: 63, message: '<patent-assignment> names no patent, publication or application' }]);
  });
});
