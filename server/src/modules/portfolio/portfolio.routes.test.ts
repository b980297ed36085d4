import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Organisation } from '#core/organisation';
import type { PortfolioSummary } from '#core/portfolio';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, insertAgreement, insertInvention, insertPerson, insertStartup, type Directory } from '../asset/asset.fixtures.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;
let schoolC: Organisation;
let researcherPersonId: string;

const zeros = { active: 0, pending: 0, granted: 0, lapsed: 0, abandoned: 0, transferred: 0 };

async function create(body: object): Promise<Asset> {
  const answer = await admin.post<Asset>('/api/assets', body);
  if (answer.status !== 201) throw new Error(`fixture asset: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A small known portfolio: three families over two schools and two filing years, a software deposit,
 * three inventions, two agreements and one startup; a third school holds nothing.
 */
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  schoolC = (await admin.post<Organisation>('/api/organisations', { kind: 'school', name: 'École Gamma', parentId: dir.institution.id })).body;
  researcherPersonId = await insertPerson(t, 'Curie');
  const inventionA1 = await insertInvention(t, { schoolId: dir.schoolA.id, title: 'A1', inventorIds: [researcherPersonId] });
  await insertInvention(t, { schoolId: dir.schoolA.id, title: 'A2' });
  await insertInvention(t, { schoolId: dir.schoolB.id, title: 'B1' });
  const institutionOnly = [{ organisationId: dir.institution.id, share: 100 }];
  const f1 = await create({
    kind: 'patent_family',
    title: 'Family one',
    schoolId: dir.schoolA.id,
    inventionId: inventionA1,
    owners: institutionOnly,
    applications: [
      { office: 'FR', applicationNumber: 'FR2002001', filingDate: '2020-03-02', publications: [{ number: 'FR3107001', kind: 'A1', date: '2021-09-03' }] },
      { office: 'EP', applicationNumber: 'EP21160001.1', filingDate: '2021-03-01', publications: [{ number: 'EP3880001', kind: 'A1', date: '2021-09-08' }] },
      { office: 'WO', applicationNumber: 'PCT/FR2021/050401', filingDate: '2021-03-01', route: 'pct', publications: [{ number: 'WO2021180001', kind: 'A1', date: '2021-09-10' }] },
    ],
  });
  await create({
    kind: 'patent_family',
    title: 'Family two',
    status: 'granted',
    schoolId: dir.schoolA.id,
    owners: [
      { organisationId: dir.institution.id, share: 50 },
      { organisationId: dir.acme.id, share: 50 },
    ],
    applications: [
      { office: 'FR', applicationNumber: 'FR2105005', filingDate: '2021-05-05', publications: [{ number: 'FR3122005', kind: 'A1', date: '2022-11-10' }] },
    ],
  });
  await create({
    kind: 'patent_family',
    title: 'Family three',
    status: 'lapsed',
    schoolId: dir.schoolB.id,
    owners: institutionOnly,
    applications: [
      // Filed the same day at two offices: both are first filings of the family.
      { office: 'FR', applicationNumber: 'FR2007007', filingDate: '2020-07-07' },
      { office: 'US', applicationNumber: '16/920,007', filingDate: '2020-07-07', publications: [{ number: 'US2022010007', kind: 'A1', date: '2022-01-13' }] },
    ],
  });
  await create({ kind: 'software', title: 'Solver', schoolId: dir.schoolB.id, owners: institutionOnly });
  await insertAgreement(t, { title: 'Licence Acme', schoolId: dir.schoolA.id, partyIds: [dir.acme.id], assetIds: [f1.id] });
  await insertAgreement(t, { title: 'Partnership Globex', schoolId: dir.schoolB.id, partyIds: [dir.globex.id] });
  const spinOff = (await admin.post<Organisation>('/api/organisations', { kind: 'company', name: 'Spin SAS', companyCategory: 'startup' })).body;
  await insertStartup(t, spinOff.id);
});
afterAll(() => t.close());

const summaryOf = async (client: Client) => {
  const answer = await client.get<PortfolioSummary>('/api/portfolio/summary');
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('portfolio summary', () => {
  it('counts the whole portfolio for an admin, every school and status included', async () => {
    const summary = await summaryOf(admin);
    expect(summary.totals).toEqual({ inventions: 3, patentFamilies: 3, software: 1, knowHow: 0, agreements: 2, startups: 1 });
    expect(summary.bySchool).toEqual([
      { schoolId: dir.schoolA.id, schoolName: 'École Alpha', inventions: 2, assets: 2, assetsByStatus: { ...zeros, active: 1, granted: 1 } },
      { schoolId: dir.schoolB.id, schoolName: 'École Beta', inventions: 1, assets: 2, assetsByStatus: { ...zeros, active: 1, lapsed: 1 } },
      { schoolId: schoolC.id, schoolName: 'École Gamma', inventions: 0, assets: 0, assetsByStatus: zeros },
    ]);
  });

  it('counts filings, first filings and publications by year', async () => {
    expect((await summaryOf(admin)).byYear).toEqual([
      { year: 2020, filings: 3, priorityFilings: 3, publications: 0 },
      { year: 2021, filings: 3, priorityFilings: 1, publications: 3 },
      { year: 2022, filings: 0, priorityFilings: 0, publications: 2 },
    ]);
  });

  it('gives a reader and the central office the same view as an admin', async () => {
    const whole = await summaryOf(admin);
    expect(await summaryOf(await t.signIn('reader'))).toEqual(whole);
    expect(await summaryOf(await t.signIn('officer'))).toEqual(whole);
  });

  it('counts only their school for a school’s officer', async () => {
    const summary = await summaryOf(await t.signIn('officer', { schoolId: dir.schoolA.id }));
    expect(summary.totals).toEqual({ inventions: 2, patentFamilies: 2, software: 0, knowHow: 0, agreements: 1, startups: 1 });
    expect(summary.bySchool).toEqual([
      { schoolId: dir.schoolA.id, schoolName: 'École Alpha', inventions: 2, assets: 2, assetsByStatus: { ...zeros, active: 1, granted: 1 } },
    ]);
    expect(summary.byYear).toEqual([
      { year: 2020, filings: 1, priorityFilings: 1, publications: 0 },
      { year: 2021, filings: 3, priorityFilings: 1, publications: 3 },
      { year: 2022, filings: 0, priorityFilings: 0, publications: 1 },
    ]);
  });

  it('lists an empty school for its officer', async () => {
    const summary = await summaryOf(await t.signIn('officer', { schoolId: schoolC.id }));
    expect(summary.totals).toEqual({ inventions: 0, patentFamilies: 0, software: 0, knowHow: 0, agreements: 0, startups: 1 });
    expect(summary.bySchool).toEqual([{ schoolId: schoolC.id, schoolName: 'École Gamma', inventions: 0, assets: 0, assetsByStatus: zeros }]);
    expect(summary.byYear).toEqual([]);
  });

  it('counts for a researcher their inventions, the assets and the agreements that come from them', async () => {
    const summary = await summaryOf(await t.signIn('researcher', { personId: researcherPersonId }));
    expect(summary.totals).toEqual({ inventions: 1, patentFamilies: 1, software: 0, knowHow: 0, agreements: 1, startups: 1 });
    expect(summary.bySchool).toEqual([
      { schoolId: dir.schoolA.id, schoolName: 'École Alpha', inventions: 1, assets: 1, assetsByStatus: { ...zeros, active: 1 } },
    ]);
    expect(summary.byYear).toEqual([
      { year: 2020, filings: 1, priorityFilings: 1, publications: 0 },
      { year: 2021, filings: 2, priorityFilings: 0, publications: 3 },
    ]);
  });

  it('counts for a partner the assets it co-owns and the agreements it is party to, and no disclosure', async () => {
    const summary = await summaryOf(await t.signIn('partner', { organisationId: dir.acme.id }));
    expect(summary.totals).toEqual({ inventions: 0, patentFamilies: 1, software: 0, knowHow: 0, agreements: 1, startups: 0 });
    expect(summary.bySchool).toEqual([
      { schoolId: dir.schoolA.id, schoolName: 'École Alpha', inventions: 0, assets: 1, assetsByStatus: { ...zeros, granted: 1 } },
    ]);
    expect(summary.byYear).toEqual([
      { year: 2021, filings: 1, priorityFilings: 1, publications: 0 },
      { year: 2022, filings: 0, priorityFilings: 0, publications: 1 },
    ]);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous.get('/api/portfolio/summary')).status).toBe(401);
  });
});
