import { describe, expect, it } from 'vitest';
import { OPS_PATENT_CLIENT, OPS_PATENT_DEV, namesIn, readFixture, withKind } from './reader.fixtures.ts';

async function readClean(path: string) {
  const { records, errors } = await readFixture(path);
  expect(errors).toEqual([]);
  expect(records.every((record) => record.source === 'ops')).toBe(true);
  return records;
}

const EP2400812_APPLICATION = { applicationNumber: '10167109', filingDate: '2010-06-24' };
const EP2400812_INVENTORS_EPODOC = [
  [1, 'HERRALA SAMI [FI]', 'FI'],
  [2, 'KYLMAENEN JARI [FI]', 'FI'],
  [3, 'NIEMI JAAKKO [FI]', 'FI'],
];

describe('OPS published data (exchange-document)', () => {
  it('reads EP2400812 A1 with the applicant in every name format given, epodoc with its country', async () => {
    const [record] = await readClean(`${OPS_PATENT_DEV}testdata/biblio.xml`);
    expect(record).toMatchObject({
      country: 'EP',
      number: '2400812',
      kind: 'A1',
      publicationDate: '2011-12-28',
      ...EP2400812_APPLICATION,
      familyId: '43088294',
      priorities: [{ country: 'EP', number: '20100167109', date: '2010-06-24', format: 'epodoc' }],
    });
    expect(namesIn(record?.applicants ?? [], 'epodoc')).toEqual([[1, '9SOLUTIONS OY [FI]', 'FI']]);
    // OPS joins the parts of an original name with ", " and leaves one at the end: "9SOLUTIONS OY, ".
    expect(namesIn(record?.applicants ?? [], 'original')).toEqual([
      [1, '9SOLUTIONS OY', null],
      [2, '9Solutions Oy', null],
    ]);
    expect(namesIn(record?.inventors ?? [], 'epodoc')).toEqual(EP2400812_INVENTORS_EPODOC);
    expect(namesIn(record?.inventors ?? [], 'original').map(([, name]) => name)).toEqual([
      'HERRALA, SAMI',
      'KYLMAENEN, JARI',
      'NIEMI, JAAKKO',
      'Herrala, Sami',
      'Kylmänen, Jari',
      'Niemi, Jaakko',
    ]);
    expect(record?.titles).toEqual([
      { lang: 'de', text: 'BLUETOOTH-VERNETZUNG' },
      { lang: 'fr', text: 'MISE EN RÉSEAU BLUETOOTH' },
      { lang: 'en', text: 'BLUETOOTH NETWORKING' },
    ]);
    expect(record?.classifications).toEqual([
      { scheme: 'IPC', code: 'H04W 84/20' },
      { scheme: 'CPC', code: 'H04W 84/20' },
      { scheme: 'CPC', code: 'H04W 88/04' },
    ]);
  });

  it('reads both publications of a full cycle: EP2400812 A1 of 2011-12-28 and B1 of 2019-11-27, then EP2533477', async () => {
    const records = await readClean(`${OPS_PATENT_DEV}demo/examples/get_full_cycle_multiple/response.xml`);
    expect(records.map((record) => [record.number, record.kind, record.publicationDate])).toEqual([
      ['2400812', 'A1', '2011-12-28'],
      ['2400812', 'B1', '2019-11-27'],
      ['2533477', 'A1', '2012-12-12'],
      ['2533477', 'B1', '2014-03-05'],
    ]);
    expect(records[1]).toMatchObject({ ...EP2400812_APPLICATION, familyId: '43088294' });
    expect(namesIn(records[1]?.applicants ?? [], 'epodoc')).toEqual([[1, '9SOLUTIONS OY [FI]', 'FI']]);
  });

  it('reads EP1000000 A1 and B1, whose epodoc name changed between them', async () => {
    const records = await readClean(`${OPS_PATENT_CLIENT}published/test/full_cycle_example.xml`);
    const a1 = withKind(records, 'A1');
    const b1 = withKind(records, 'B1');
    for (const record of [a1, b1]) {
      expect(record).toMatchObject({
        country: 'EP',
        number: '1000000',
        applicationNumber: '99203729',
        filingDate: '1999-11-08',
        familyId: '19768124',
        priorities: [{ country: 'NL', number: '1010536', date: '1998-11-12', format: 'original' }],
      });
      expect(namesIn(record.applicants, 'original')).toEqual([[1, 'BEHEERMAATSCHAPPIJ DE BOER NIJMEGEN B.V', null]]);
      expect(namesIn(record.inventors, 'epodoc')).toEqual([[1, 'KOSMAN WILHELMUS JACOBUS MARIA [NL]', 'NL']]);
      expect(namesIn(record.inventors, 'original')).toEqual([[1, 'KOSMAN, WILHELMUS JACOBUS MARIA', null]]);
    }
    expect(a1.publicationDate).toBe('2000-05-17');
    expect(b1.publicationDate).toBe('2003-02-12');
    expect(namesIn(a1.applicants, 'epodoc')).toEqual([[1, 'BOER BEHEER NIJMEGEN BV DE [NL]', 'NL']]);
    expect(namesIn(b1.applicants, 'epodoc')).toEqual([[1, 'BEHEERMIJ DE BOER NIJMEGEN BV [NL]', 'NL']]);
    expect(a1.classifications.filter((entry) => entry.scheme === 'IPC').map((entry) => entry.code)).toEqual([
      'B28B 5/02',
      'B28B 7/00',
      'B28B 1/29',
      'H02P 6/08',
    ]);
  });

  it('reads a US biblio with an original-only applicant and many inventor spellings', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}published/test/biblio_example.xml`);
    expect(record).toMatchObject({
      country: 'US',
      number: '2006142694',
      kind: 'A1',
      publicationDate: '2006-06-29',
      applicationNumber: '2366704',
      filingDate: '2004-12-28',
      familyId: '35840242',
      priorities: [{ country: 'US', number: '20040023667', date: '2004-12-28', format: 'epodoc' }],
    });
    expect(namesIn(record?.applicants ?? [], 'original')).toEqual([[1, 'ST. JUDE MEDICAL, ATRIAL FIBRILLATION DIVISION, INC', null]]);
    expect(namesIn(record?.inventors ?? [], 'epodoc')).toHaveLength(4);
    expect(namesIn(record?.inventors ?? [], 'original')).toContainEqual([5, 'BUTLER WILLIAM EMERSON', null]);
  });

  it('reads a JP biblio without parties, its priorities in their original numbering', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}published/test/biblio_example_2.xml`);
    expect(record).toMatchObject({
      country: 'JP',
      number: '2005533465',
      kind: 'A',
      publicationDate: '2005-11-04',
      applicationNumber: '2005505120',
      filingDate: '2003-07-11',
      applicants: [],
    });
    expect(record?.priorities).toEqual([
      { country: 'US', number: '2002 396363', date: '2002-07-15', format: 'original' },
      { country: 'US', number: '2002 291320', date: '2002-11-08', format: 'original' },
      { country: 'WO', number: '2003/21714', date: '2003-07-11', format: 'original' },
    ]);
  });

  it('reads an applicant change (AU2013290010: PRIMUS GREEN ENERGY, then BLUESCAPE CLEAN FUELS)', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}published/test/biblio_example_3.xml`);
    expect(record).toMatchObject({ country: 'AU', number: '2013290010', kind: 'A1', publicationDate: '2015-02-05' });
    expect(namesIn(record?.applicants ?? [], 'epodoc')).toEqual([[1, 'PRIMUS GREEN ENERGY INC', null]]);
    expect(namesIn(record?.applicants ?? [], 'original')).toEqual([
      [1, 'PRIMUS GREEN ENERGY INC', null],
      [2, 'BLUESCAPE CLEAN FUELS, LLC', null],
    ]);
  });

  it('reads US-style applicants that list the inventors too (US2012116137)', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}published/test/biblio_example_4.xml`);
    expect(record).toMatchObject({ country: 'US', number: '2012116137', kind: 'A1', publicationDate: '2012-05-10', filingDate: '2010-11-09' });
    expect(namesIn(record?.applicants ?? [], 'epodoc').map(([, name]) => name)).toEqual([
      'FANG HOWARD L [US]',
      'BEN-REUVEN MOSHE [US]',
      'BOYLE RICHARD E [US]',
      'KOROS ROBERT M [US]',
      'PRIMUS GREEN ENERGY INC [US]',
    ]);
    expect(namesIn(record?.inventors ?? [], 'epodoc')).toHaveLength(4);
  });
});

describe('OPS searches', () => {
  it('reads a search answer without biblio as publication numbers and families', async () => {
    const records = await readClean(`${OPS_PATENT_CLIENT}published/test/search_example.xml`);
    expect(records).toHaveLength(15);
    expect(records[0]).toMatchObject({ country: 'US', number: '2021381337', kind: 'A1', familyId: '40674565', publicationDate: null });
    expect(records[1]).toMatchObject({ country: 'WO', number: '2020086066', kind: 'A1', familyId: '70331881' });
  });

  it('reads a search with biblio, keeping both spellings of each applicant', async () => {
    const records = await readClean(`${OPS_PATENT_DEV}demo/examples/search_with_constituent/response.xml`);
    expect(records.map((record) => `${record.country}${record.number}${record.kind}`)).toEqual(['AU2024270787A1', 'AU2024265697A1', 'DK3740998T3']);
    expect(records[0]?.applicants.map((applicant) => [applicant.format, applicant.name])).toEqual([
      ['epodoc', 'SIEMENS GAMESA RENEWABLE ENERGY AS'],
      ['original', 'SIEMENS GAMESA RENEWABLE ENERGY A/S'],
    ]);
    expect(records[1]?.applicants.map((applicant) => applicant.name)).toEqual(['SIEMENS ENERGY GLOBAL GMBH & CO KG', 'SIEMENS ENERGY GLOBAL GMBH & CO. KG']);
    expect(records[2]).toMatchObject({ publicationDate: '2025-10-20', applicationNumber: '19702186', filingDate: '2019-01-14' });
    expect(namesIn(records[2]?.applicants ?? [], 'epodoc')).toEqual([[1, 'SIEMENS ENERGY AS [NO]', 'NO']]);
  });
});

describe('OPS families', () => {
  it('reads each member of the EP2400812 family with its biblio and the docdb priority claim', async () => {
    const records = await readClean(`${OPS_PATENT_DEV}demo/examples/get_family_with_biblio/response.xml`);
    expect(records.map((record) => `${record.country}${record.number}${record.kind}`)).toEqual([
      'EP2400812A1',
      'EP2400812B1',
      'CA2744162A1',
      'US2012057518A1',
      'US9648662B2',
    ]);
    for (const record of records) {
      expect(record.familyId).toBe('43088294');
      expect(record.priorities).toEqual([{ country: 'EP', number: '10167109', date: '2010-06-24', format: 'docdb' }]);
    }
    expect(records[0]).toMatchObject(EP2400812_APPLICATION);
    expect(records[4]).toMatchObject({ applicationNumber: '201113167395', filingDate: '2011-06-23', publicationDate: '2017-05-09' });
    expect(namesIn(records[4]?.applicants ?? [], 'epodoc')).toContainEqual([2, 'KYLMÄNEN JARI [FI]', 'FI']);
    expect(namesIn(records[4]?.applicants ?? [], 'original')).toContainEqual([8, '9Solutions Oy', null]);
  });

  it('reads a family without biblio from its members references (EP1000000)', async () => {
    const records = await readClean(`${OPS_PATENT_CLIENT}family/fixtures/family_input.xml`);
    expect(records.map((record) => [record.country, record.number, record.kind, record.publicationDate, record.applicationNumber, record.filingDate])).toEqual([
      ['EP', '1000000', 'A1', '2000-05-17', '99203729', '1999-11-08'],
      ['EP', '1000000', 'B1', '2003-02-12', '99203729', '1999-11-08'],
      ['AT', '232441', 'T', '2003-02-15', '99203729', '1999-11-08'],
      ['DE', '69905327', 'D1', '2003-03-20', '69905327', '1999-11-08'],
      ['NL', '1010536', 'C2', '2000-05-15', '1010536', '1998-11-12'],
      ['US', '6093011', 'A', '2000-07-25', '20685698', '1998-12-08'],
    ]);
    for (const record of records) {
      expect(record.familyId).toBe('19768124');
      expect(record.priorities).toEqual([{ country: 'NL', number: '1010536', date: '1998-11-12', format: 'docdb' }]);
    }
  });
});

describe('OPS INPADOC legal events', () => {
  it('reads the 69 legal events of EP2400812, with the state of each lapse and each national fee', async () => {
    const [record, ...others] = await readClean(`${OPS_PATENT_DEV}testdata/legal.xml`);
    expect(others).toEqual([]);
    expect(record).toMatchObject({ country: 'EP', number: '2400812', kind: 'A1', ...EP2400812_APPLICATION, familyId: '43088294' });
    const events = record?.legalEvents ?? [];
    expect(events).toHaveLength(69);
    expect(events.filter((event) => event.code === 'PG25')).toHaveLength(32);
    expect(events.map((event) => event.code)).toEqual(expect.arrayContaining(['PGFP', 'INTG', 'PLBE', 'RAP1', 'STAA']));
    expect(events[0]).toEqual({
      code: 'AK',
      date: '2011-12-28',
      description: 'DESIGNATED CONTRACTING STATES',
      country: null,
      effectiveDate: null,
      text: null,
      feeYear: null,
    });
    expect(events.find((event) => event.code === 'INTG')).toMatchObject({ date: '2019-07-24', effectiveDate: '2019-06-27' });
    expect(events.find((event) => event.code === 'PG25')).toMatchObject({
      date: '2020-05-01',
      country: 'BG',
      effectiveDate: '2020-02-27',
      text: 'LAPSE BECAUSE OF FAILURE TO SUBMIT A TRANSLATION OF THE DESCRIPTION OR TO PAY THE FEE WITHIN THE PRESCRIBED TIME-LIMIT',
    });
    expect(events.find((event) => event.code === 'PGFP' && event.country === 'FI')).toMatchObject({
      date: '2025-07-08',
      effectiveDate: '2025-06-20',
      feeYear: 16,
    });
  });

  it('reads the legal events of EP1000000, grant steps included', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}legal/fixtures/example_1.xml`);
    expect(record).toMatchObject({ country: 'EP', number: '1000000', kind: 'A1', familyId: '19768124' });
    const codes = record?.legalEvents.map((event) => event.code) ?? [];
    expect(codes).toHaveLength(50);
    expect(codes.filter((code) => code === 'PG25')).toHaveLength(19);
    expect(codes).toEqual(expect.arrayContaining(['PGFP', 'GRAH', 'GRAG']));
  });

  it('reads the continuation chain of US10465445 B2 as priority claims, provisional included', async () => {
    const [record] = await readClean(`${OPS_PATENT_CLIENT}legal/fixtures/example_3.xml`);
    expect(record).toMatchObject({
      country: 'US',
      number: '10465445',
      kind: 'B2',
      publicationDate: '2019-11-05',
      applicationNumber: '201815919370',
      filingDate: '2018-03-13',
    });
    expect(record?.priorities).toContainEqual({ country: 'US', number: '201361761070', date: '2013-02-05', format: 'docdb' });
    expect(record?.priorities).toHaveLength(4);
    expect(record?.legalEvents).toHaveLength(14);
  });
});

describe('OPS EP Register', () => {
  it('reads the Register biblio of EP2400812 as its A1 and B1, with the current parties and titles', async () => {
    const records = await readClean(`${OPS_PATENT_DEV}demo/examples/get_register_biblio/response.xml`);
    expect(records.map((record) => [record.kind, record.publicationDate])).toEqual([
      ['A1', '2011-12-28'],
      ['B1', '2019-11-27'],
    ]);
    for (const record of records) {
      expect(record).toMatchObject({ country: 'EP', number: '2400812', ...EP2400812_APPLICATION, priorities: [] });
      expect(namesIn(record.applicants, 'original')).toEqual([[1, '9Solutions Oy', 'FI']]);
      expect(namesIn(record.inventors, 'original')).toEqual([
        [1, 'Herrala, Sami', 'FI'],
        [2, 'Kylmänen, Jari', 'FI'],
        [3, 'Niemi, Jaakko', 'FI'],
      ]);
      // The titles changed in 2019 (upper case); the 2011 ones are history.
      expect(record.titles).toEqual([
        { lang: 'de', text: 'BLUETOOTH-VERNETZUNG' },
        { lang: 'en', text: 'BLUETOOTH NETWORKING' },
        { lang: 'fr', text: 'MISE EN RÉSEAU BLUETOOTH' },
      ]);
      expect(record.classifications).toEqual([
        { scheme: 'IPC', code: 'H04W 84/20' },
        { scheme: 'IPC', code: 'H04W 88/04' },
      ]);
    }
  });

  it('reads the Register events of EP2400812, naming the publication from the request', async () => {
    const [record, ...others] = await readClean(`${OPS_PATENT_DEV}demo/examples/get_register_events/response.xml`);
    expect(others).toEqual([]);
    expect(record).toMatchObject({ country: 'EP', number: '2400812', kind: null });
    expect(record?.legalEvents).toHaveLength(55);
    expect(record?.legalEvents[0]).toEqual({ code: '0009250', date: '2022-07-08', description: 'Lapse of the patent in a contracting state', country: null });
    expect(record?.legalEvents.at(-1)).toEqual({ code: '0009012', date: '2011-12-28', description: 'Publication in section I.1 EP Bulletin', country: null });
    expect(record?.legalEvents.filter((event) => event.code === 'EPIDOSNRFE2')).toHaveLength(8);
  });

  it('reads the RFEE renewal payments of EP2400812 for years 3 to 10 with their payment dates', async () => {
    const [record] = await readClean(`${OPS_PATENT_DEV}demo/examples/get_register_procedural_steps/response.xml`);
    expect(record).toMatchObject({ country: 'EP', number: '2400812' });
    const renewals = record?.proceduralSteps.filter((step) => step.code === 'RFEE') ?? [];
    expect(renewals.map((step) => [step.year, step.date])).toEqual([
      [3, '2012-06-20'],
      [4, '2013-06-12'],
      [5, '2014-03-31'],
      [6, '2015-06-12'],
      [7, '2016-06-20'],
      [8, '2017-06-29'],
      [9, '2018-06-20'],
      [10, '2019-06-24'],
    ]);
    expect(renewals[0]).toMatchObject({ description: 'Renewal fee payment', dates: [{ type: 'DATE_OF_PAYMENT', date: '2012-06-20' }], timeLimit: null });
  });

  it('reads the examining division communications with their time limits, and the intention to grant', async () => {
    const [record] = await readClean(`${OPS_PATENT_DEV}demo/examples/get_register_procedural_steps/response.xml`);
    const steps = record?.proceduralSteps ?? [];
    expect(
      steps.filter((step) => step.code === 'EXRE').map((step) => [step.date, step.dates?.find((date) => date.type === 'DATE_OF_REPLY')?.date, step.timeLimit]),
    ).toEqual([
      ['2017-02-01', '2017-06-01', { value: 4, unit: 'months' }],
      ['2018-03-15', '2018-08-24', { value: 6, unit: 'months' }],
      ['2019-01-03', '2019-05-09', { value: 4, unit: 'months' }],
    ]);
    expect(steps.find((step) => step.code === 'IGRA')).toMatchObject({ date: '2019-06-27', description: 'Intention to grant the patent' });
    expect(steps.filter((step) => step.code === 'EXPT').map((step) => step.date)).toEqual(['2012-06-06', '2012-06-06', '2012-06-06']);
  });
});
