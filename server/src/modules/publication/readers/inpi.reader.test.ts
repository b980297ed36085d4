import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, INPI, readFixture, readText } from './reader.fixtures.ts';

const SAMPLE = `${INPI}2706406.xml`;

/**
 * A hand-made INPI document (not an INPI file): the sample's layout, with what the sample lacks —
 * a priority claim, a natural person among the applicants, ST.36 `classifications-ipcr`.
 */
function handMadeDocument(number: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<fr-patent-document lang="fr" dtd-version="v1.5.1" country="FR" doc-number="${number}" kind="A1" status="PUBLI">
<fr-bibliographic-data>
<fr-publication-data><fr-publication-reference><document-id><country>FR</country><doc-number>${number}</doc-number><kind>A1</kind><date>20210716</date></document-id></fr-publication-reference></fr-publication-data>
<application-reference><document-id><country>FR</country><doc-number>2000123</doc-number><date>20200108</date></document-id></application-reference>
<priority-claims><priority-claim sequence="1"><country>FR</country><doc-number>1914000</doc-number><date>20191209</date></priority-claim></priority-claims>
<invention-title lang="fr">PROCEDE DE TEST</invention-title>
<parties><applicants>
<applicant sequence="1"><addressbook><last-name>INSTITUT MINES TELECOM</last-name><first-name/><iid>180092025</iid><address><country>FR</country></address></addressbook></applicant>
<applicant sequence="2"><addressbook><last-name>DUPONT</last-name><first-name>MARIE</first-name><iid/><address><country>FR</country></address></addressbook></applicant>
</applicants></parties>
<classifications-ipcr><classification-ipcr><text>H04L   9/32        20060101AFI20210611BHEP</text></classification-ipcr></classifications-ipcr>
</fr-bibliographic-data>
<description><p>Not kept.</p></description>
</fr-patent-document>
`;
}

describe('INPI XML (fr-patent-document)', () => {
  it('reads the publication, application, title and classifications of FR2706406 B1', async () => {
    const { records, errors } = await readFixture(SAMPLE);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'inpi',
      country: 'FR',
      number: '2706406',
      kind: 'B1',
      publicationDate: '1994-12-23',
      applicationNumber: '9307182',
      filingDate: '1993-06-15',
      familyId: null,
      priorities: [],
      titles: [{ lang: 'fr', text: "VEHICULE ROUTIER OU FEROVIAIRE ET SON PROCEDE D'ASSEMBLAGE" }],
      classifications: [
        { scheme: 'IPC', code: 'B61D 17/04' },
        { scheme: 'IPC', code: 'B62D 27/06' },
      ],
    });
  });

  it('takes a legal entity from last-name with its SIREN, and people as "LAST, First"', async () => {
    const [record] = (await readFixture(SAMPLE)).records;
    expect(record?.applicants).toEqual([
      { sequence: 1, name: 'GEC ALSTHOM TRANSPORT SA', format: 'original', country: 'FR', identifier: '389191982' },
    ]);
    expect(record?.inventors).toEqual([
      { sequence: 1, name: 'JEUNEHOMME, SYLVIE', format: 'original', country: 'FR', identifier: null },
      { sequence: 2, name: 'EVENNOU, PATRICK', format: 'original', country: 'FR', identifier: null },
      { sequence: 3, name: 'HACHET, JOEL', format: 'original', country: 'FR', identifier: null },
    ]);
  });

  it('reads the current owner apart from the applicant, with its own SIREN, and leaves the agent out', async () => {
    const [record] = (await readFixture(SAMPLE)).records;
    expect(record?.owners).toEqual([
      { sequence: 1, name: 'ALSTOM TRANSPORT TECHNOLOGIES', format: 'original', country: 'FR', identifier: '752364778' },
    ]);
    const names = [...(record?.applicants ?? []), ...(record?.inventors ?? []), ...(record?.owners ?? [])].map((party) => party.name);
    expect(names).not.toContain('ALSTOM');
  });

  it('turns the register entries (lapse withdrawn, change of name and address, transfer) and grant into legal events', async () => {
    const [record] = (await readFixture(SAMPLE)).records;
    expect(record?.legalEvents).toEqual([
      {
        code: 'DA',
        date: '2007-05-16',
        description: 'Décision rapportant la décision de constatation de déchéance',
        country: null,
        text: 'inscription 0158590',
      },
      { code: 'CD', date: '2013-10-18', description: 'Changement de nom, de dénomination', country: null, text: 'inscription 0197628, BOPI 2013-47' },
      { code: 'CA', date: '2013-10-18', description: "Changement d'adresse du titulaire", country: null, text: 'inscription 0197628, BOPI 2013-47' },
      { code: 'TO', date: '2014-09-26', description: 'Transmission totale de propriété', country: null, text: 'inscription 0202588, BOPI 2014-44' },
      { code: 'fr-date-search-completed', date: '1994-12-23', description: null, country: null, text: 'BOPI 1994-51' },
      { code: 'fr-date-granted', date: '1995-07-13', description: null, country: null, text: 'BOPI 1995-28' },
    ]);
  });

  it('reads priority claims, a person among the applicants and ST.36 IPC symbols (hand-made document)', async () => {
    const { records, errors } = await readText(handMadeDocument('3105000'), 'fr.xml');
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      number: '3105000',
      kind: 'A1',
      publicationDate: '2021-07-16',
      priorities: [{ country: 'FR', number: '1914000', date: '2019-12-09', format: 'original' }],
      applicants: [
        { sequence: 1, name: 'INSTITUT MINES TELECOM', format: 'original', country: 'FR', identifier: '180092025' },
        { sequence: 2, name: 'DUPONT, MARIE', format: 'original', country: 'FR', identifier: null },
      ],
      classifications: [{ scheme: 'IPC', code: 'H04L 9/32' }],
      legalEvents: [],
    });
    expect(records[0]?.owners).toBeUndefined();
  });

  it('reads a file of several documents one after the other, even cut into small chunks', async () => {
    const sample = readFileSync(`${FIXTURES}${SAMPLE}`, 'utf8');
    const { records, errors } = await readText(`${sample}${handMadeDocument('3105000')}${handMadeDocument('3105001')}`, 'bulk.xml', 97);
    expect(errors).toEqual([]);
    expect(records.map((record) => `${record.number} ${record.kind}`)).toEqual(['2706406 B1', '3105000 A1', '3105001 A1']);
  });
});
