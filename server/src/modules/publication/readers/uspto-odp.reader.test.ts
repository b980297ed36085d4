import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, USPTO_ODP, readFixture, readText } from './reader.fixtures.ts';

const sample = (file: string) => readFileSync(`${FIXTURES}${USPTO_ODP}${file}`, 'utf8');

/** A partial answer of the earlier API with its application named, as the current API names it. */
function named(file: string): string {
  return sample(file).replace('"patentBag": [\n      {', '"patentBag": [\n      {\n        "applicationNumberText": "15123456",');
}

/**
 * A hand-made answer in the current API's shape (not a USPTO file): the bibliography nested in
 * `applicationMetaData`, a granted utility patent, a foreign priority named by office, an
 * assignment given as one object, and facets after the records.
 */
const CURRENT_API = JSON.stringify({
  count: 1,
  patentFileWrapperDataBag: [
    {
      applicationNumberText: '14104993',
      applicationMetaData: {
        filingDate: '2013-12-12',
        grantDate: '2016-06-07',
        patentNumber: '9362380',
        applicationTypeCode: 'UTL',
        inventionTitle: 'HETEROJUNCTION BIPOLAR TRANSISTOR',
        earliestPublicationNumber: 'US 2014-0167116 A1',
        earliestPublicationDate: '2014-06-19',
        cpcClassificationBag: ['H01L29/66325', 'H01L27/0623'],
        applicantBag: [{ applicantNameText: 'STMicroelectronics S.A.', correspondenceAddressBag: [{ countryCode: 'FR' }] }],
        inventorBag: [{ firstName: 'Pascal', lastName: 'Chevalier', countryCode: 'FR' }],
      },
      foreignPriorityBag: [{ ipOfficeName: 'FRANCE', filingDate: '2012-12-19', applicationNumberText: '1262321' }],
      assignmentBag: {
        reelNumber: '60620',
        frameNumber: '769',
        assignmentRecordedDate: '2022-07-11',
        conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        assignorBag: [{ assignorName: 'STMICROELECTRONICS SA', executionDate: '2022-06-30' }],
        assigneeBag: [{ assigneeNameText: 'STMICROELECTRONICS INTERNATIONAL NV' }],
      },
      eventDataBag: [{ eventCode: 'PGM/', eventDescriptionText: 'Recordation of Patent Grant Mailed', eventDate: '2016-06-07' }],
    },
  ],
  facets: [{ applicationStatusCode: [{ value: 'Utility', count: 44673 }] }],
});

describe('USPTO ODP JSON (patent file wrapper)', () => {
  it('reads a full application answer: keyed by its pre-grant publication, with parties, CPC and a provisional priority', async () => {
    const { records, errors } = await readFixture(`${USPTO_ODP}application.json`);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'uspto-odp',
      country: 'US',
      number: '20170071586',
      kind: 'A1',
      publicationDate: '2017-03-16',
      applicationNumber: '15123456',
      filingDate: '2016-09-02',
      titles: [{ lang: null, text: 'TONGUE RETRACTORS FOR FRENOTOMIES' }],
      applicants: [{ sequence: 1, name: 'The General Hospital Corporation', format: 'original', country: 'US' }],
      inventors: [{ sequence: 1, name: 'Wang, Marvin', format: 'original', country: 'US' }],
      priorities: [{ country: 'US', number: '61983088', date: '2014-04-23', format: 'original' }],
    });
    expect(records[0]?.classifications.map((classification) => classification.code)).toEqual([
      'A61B 13/00',
      'A61B 2017/320052',
      'A61B 17/02',
      'A61B 2017/00814',
      'A61B 17/24',
      'A61B 17/244',
    ]);
  });

  it('turns the assignment into an AS event and the prosecution history into procedural steps', async () => {
    const [record] = (await readFixture(`${USPTO_ODP}application.json`)).records;
    expect(record?.legalEvents).toEqual([
      {
        code: 'AS',
        date: '2018-10-25',
        description: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        country: null,
        effectiveDate: '2018-09-23',
        text: 'ASSIGNORS: WANG, MARVIN; ASSIGNEES: THE GENERAL HOSPITAL CORPORATION; REEL/FRAME: 047305/0442',
      },
    ]);
    expect(record?.proceduralSteps).toHaveLength(46);
    expect(record?.proceduralSteps[0]).toEqual({ code: 'IEXX', description: 'Initial Exam Team nn', date: '2016-09-02', year: null });
    expect(record?.proceduralSteps).toContainEqual({ code: 'ABN2', description: 'Aband. for Failure to Respond to O. A.', date: '2018-10-02', year: null });
  });

  it('reads the bibliographic answer, whose applicant is only its first applicant name', async () => {
    const { records, errors } = await readFixture(`${USPTO_ODP}biblio.json`);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      number: '20170071586',
      kind: 'A1',
      applicationNumber: '15123456',
      filingDate: '2016-09-02',
      applicants: [{ sequence: 1, name: 'The General Hospital Corporation', format: 'original', country: null }],
      inventors: [{ sequence: 1, name: 'Wang, Marvin', format: 'original', country: 'US' }],
      legalEvents: [],
      proceduralSteps: [],
    });
  });

  it.each(['continuity.json', 'foreign_priority.json', 'assignment.json', 'transactions.json'])(
    'reports a partial answer that does not name its application (%s)',
    async (file) => {
      const { records, errors } = await readFixture(`${USPTO_ODP}${file}`);
      expect(records).toEqual([]);
      expect(errors).toEqual([
        {
          file: `${USPTO_ODP}${file}`,
          line: 4,
          column: 7,
          message:
            'patentBag[0] has no applicationNumberText, so the application it describes is unknown ' +
            '(earlier ODP answers of the per-application endpoints name it only in the request)',
        },
      ]);
    },
  );

  it('reads the partial answers once their application is named: foreign priority, continuity, assignment, transactions', async () => {
    const priority = (await readText(named('foreign_priority.json'), 'fp.json')).records[0];
    expect(priority).toMatchObject({ number: '15123456', kind: null, publicationDate: null, applicationNumber: '15123456' });
    expect(priority?.priorities).toEqual([{ country: 'JP', number: '2017-187096', date: '2017-09-27', format: 'original' }]);

    const continuity = (await readText(named('continuity.json'), 'c.json')).records[0];
    expect(continuity?.priorities).toEqual([{ country: 'US', number: '61983088', date: '2014-04-22', format: 'original' }]);

    const assignment = (await readText(named('assignment.json'), 'a.json')).records[0];
    expect(assignment?.legalEvents.map((event) => [event.code, event.date, event.effectiveDate])).toEqual([['AS', '2018-10-25', '2018-09-23']]);

    const transactions = (await readText(named('transactions.json'), 't.json')).records[0];
    expect(transactions?.proceduralSteps).toHaveLength(46);
    expect(transactions?.proceduralSteps.at(-1)).toEqual({ code: 'IDSC', description: 'Information Disclosure Statement considered', date: '2020-10-21', year: null });
  });

  it('reads the current API shape: a granted utility patent keyed by its B2, an office named in full, facets passed over (hand-made)', async () => {
    const { records, errors } = await readText(CURRENT_API, 'current.json', 50);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        source: 'uspto-odp',
        country: 'US',
        number: '9362380',
        kind: 'B2',
        publicationDate: '2016-06-07',
        applicationNumber: '14104993',
        filingDate: '2013-12-12',
        familyId: null,
        priorities: [{ country: 'FR', number: '1262321', date: '2012-12-19', format: 'original' }],
        titles: [{ lang: null, text: 'HETEROJUNCTION BIPOLAR TRANSISTOR' }],
        applicants: [{ sequence: 1, name: 'STMicroelectronics S.A.', format: 'original', country: 'FR' }],
        inventors: [{ sequence: 1, name: 'Chevalier, Pascal', format: 'original', country: 'FR' }],
        classifications: [
          { scheme: 'CPC', code: 'H01L 29/66325' },
          { scheme: 'CPC', code: 'H01L 27/0623' },
        ],
        legalEvents: [
          {
            code: 'AS',
            date: '2022-07-11',
            description: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
            country: null,
            effectiveDate: '2022-06-30',
            text: 'ASSIGNORS: STMICROELECTRONICS SA; ASSIGNEES: STMICROELECTRONICS INTERNATIONAL NV; REEL/FRAME: 060620/0769',
          },
        ],
        proceduralSteps: [{ code: 'PGM/', description: 'Recordation of Patent Grant Mailed', date: '2016-06-07', year: null }],
      },
    ]);
  });

  it('reads a top-level array of applications, and keys an unpublished one by its application number', async () => {
    const { records } = await readText('[{"applicationNumberText":"18000001","applicationMetaData":{"filingDate":"2023-01-05"}}]', 'list.json');
    expect(records.map((record) => [record.number, record.kind, record.publicationDate, record.applicationNumber, record.filingDate])).toEqual([
      ['18000001', null, null, '18000001', '2023-01-05'],
    ]);
  });

  it('reports JSON that holds no application, an element that is not an object, and broken JSON', async () => {
    expect((await readText('{"count":0,"results":[]}', 'other.json')).errors).toEqual([
      { file: 'other.json', line: null, column: null, message: 'no application in the file: an ODP answer lists them in patentFileWrapperDataBag' },
    ]);
    expect((await readText('{"patentBag":[42]}', 'odd.json')).errors).toEqual([{ file: 'odd.json', line: 1, column: 15, message: 'patentBag[0] is not an object' }]);
    const broken = await readText('{"patentBag":[{"applicationNumberText":"1"},\n{"applicationNumberText":}]}', 'broken.json');
    expect(broken.records.map((record) => record.number)).toEqual(['1']);
    expect(broken.errors).toEqual([{ file: 'broken.json', line: 2, column: 26, message: 'unexpected "}" where a value should start' }]);
  });
});
