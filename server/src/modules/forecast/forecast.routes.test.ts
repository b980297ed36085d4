import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { CurrencyTotal, FamilyCostsAnswer, PortfolioBudget } from '#core/fees/fee-forecast';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, insertInvention, insertPerson, type Directory } from '../asset/asset.fixtures.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;
let researcherPersonId: string;
let frOnly: Asset;
let frEp: Asset;
let usFamily: Asset;
let lapsedFamily: Asset;
let software: Asset;

/** Standard rates, so the totals read straight from the fee tables (hand computations in core/src/fees/family-costs.test.ts). */
const STANDARD = 'inpiReducedRate=false';
const eur = (totals: CurrencyTotal[]) => totals.find((total) => total.currency === 'EUR')?.amount;
const usd = (totals: CurrencyTotal[]) => totals.find((total) => total.currency === 'USD')?.amount;

async function create(body: object): Promise<Asset> {
  const answer = await admin.post<Asset>('/api/assets', body);
  if (answer.status !== 201) throw new Error(`fixture asset: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Today is 2026-03-02 (the test clock). School A: an FR-only family filed 2021-03-15 (its inventor is the
 * researcher) and an FR+EP family granted in 2025, co-owned with Acme. School B: a US family granted in
 * 2021 with its PCT application, a family whose only application lapsed on 2024-08-01, and a software
 * deposit (no fees).
 */
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  researcherPersonId = await insertPerson(t, 'Curie');
  const invention = await insertInvention(t, { schoolId: dir.schoolA.id, title: 'Capteur', inventorIds: [researcherPersonId] });
  const institutionOnly = [{ organisationId: dir.institution.id, share: 100 }];
  frOnly = await create({
    kind: 'patent_family',
    title: 'Capteur FR',
    reference: 'F1',
    schoolId: dir.schoolA.id,
    inventionId: invention,
    owners: institutionOnly,
    applications: [{ office: 'FR', applicationNumber: 'FR2102001', filingDate: '2021-03-15', status: 'published' }],
  });
  frEp = await create({
    kind: 'patent_family',
    title: 'Membrane FR EP',
    reference: 'F2',
    status: 'granted',
    schoolId: dir.schoolA.id,
    owners: [
      { organisationId: dir.institution.id, share: 50 },
      { organisationId: dir.acme.id, share: 50 },
    ],
    applications: [
      { office: 'FR', applicationNumber: 'FR2006010', filingDate: '2020-06-10', status: 'granted', grantDate: '2022-01-20' },
      { office: 'EP', applicationNumber: 'EP21170001.0', filingDate: '2021-06-10', status: 'granted', grantDate: '2025-02-12' },
    ],
  });
  usFamily = await create({
    kind: 'patent_family',
    title: 'Radar US',
    reference: 'F3',
    status: 'granted',
    schoolId: dir.schoolB.id,
    owners: institutionOnly,
    applications: [
      { office: 'WO', applicationNumber: 'PCT/FR2018/052001', filingDate: '2018-09-14', route: 'pct' },
      { office: 'US', applicationNumber: '16/300,001', filingDate: '2018-09-14', status: 'granted', grantDate: '2021-11-16' },
    ],
  });
  const lapsedInput = {
    kind: 'patent_family',
    title: 'Ciment FR',
    reference: 'F4',
    schoolId: dir.schoolB.id,
    owners: institutionOnly,
    applications: [{ office: 'FR', applicationNumber: 'FR2102002', filingDate: '2021-03-15', status: 'published' }],
  };
  lapsedFamily = await create(lapsedInput);
  // The lapse is recorded on the day it is entered: 2024-08-01.
  t.clock.set('2024-08-01T09:00:00Z');
  const lapsed = await admin.put<Asset>(`/api/assets/${lapsedFamily.id}`, {
    ...lapsedInput,
    applications: [{ ...lapsedInput.applications[0], status: 'lapsed' }],
  });
  if (lapsed.status !== 200) throw new Error(`fixture lapse: ${lapsed.status} ${JSON.stringify(lapsed.body)}`);
  t.clock.set('2026-03-02T09:00:00Z');
  software = await create({ kind: 'software', title: 'Solver', schoolId: dir.schoolB.id, owners: institutionOnly });
});
afterAll(() => t.close());

describe('GET /api/families/{id}/costs', () => {
  it('answers the costs of an FR family to date, over 5 years and for life, with the savings of abandoning it', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${frOnly.id}/costs?${STANDARD}`);
    expect(answer.status).toBe(200);
    const { family, costs, savingsIfAbandoned, schedules } = answer.body;
    expect(family).toMatchObject({ id: frOnly.id, title: 'Capteur FR', reference: 'F1', schoolName: 'École Alpha' });
    expect(costs.today).toBe('2026-03-02');
    expect([eur(costs.toDate.totals), eur(costs.next5Years.totals), eur(costs.life.totals)]).toEqual([152, 708, 5170]);
    expect(costs.life.unknown).toEqual([expect.objectContaining({ applicationNumber: 'FR2102001', year: 19, due: '2039-03-31' })]);
    expect(savingsIfAbandoned).toHaveLength(1);
    expect(savingsIfAbandoned[0]).toMatchObject({ office: 'FR', applicationNumber: 'FR2102001' });
    expect(eur(savingsIfAbandoned[0]?.savings.next5Years ?? [])).toBe(708);
    expect(eur(savingsIfAbandoned[0]?.savings.untilExpiry ?? [])).toBe(5170 - 152);
    expect(schedules.map((schedule) => schedule.id)).toEqual(['inpi-annuities@2020-04-01']);
  });

  it('keeps the source and the [verify] mark of every amount in the answer', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${frEp.id}/costs?${STANDARD}`);
    for (const line of answer.body.costs.life.lines) {
      expect(line.source).toContain('[verify');
      expect(line.verify).toBe(true);
    }
    expect(answer.body.costs.life.totals.find((total) => total.currency === 'EUR')?.verify).toBe(true);
    expect(answer.body.schedules.every((schedule) => schedule.verify && schedule.sources.length > 0)).toBe(true);
  });

  it('stops EP fees at the grant year and reports the national fees after it as unknown', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${frEp.id}/costs?${STANDARD}`);
    const { costs } = answer.body;
    expect([eur(costs.toDate.totals), eur(costs.next5Years.totals), eur(costs.life.totals)]).toEqual([1603, 892, 6545]);
    expect(costs.life.lines.filter((line) => line.office === 'EP').map((line) => [line.year, line.amount])).toEqual([
      [3, 530],
      [4, 845],
    ]);
    expect(costs.next5Years.unknown.map((fee) => [fee.kind, fee.year])).toEqual([6, 7, 8, 9, 10].map((year) => ['national-renewal', year]));
    expect(costs.notes.join(' ')).toContain('EPC Art. 86(2)');
  });

  it('prices Unitary Patent fees after the EP grant when asked', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${frEp.id}/costs?${STANDARD}&afterGrantEP=unitary`);
    expect(answer.status).toBe(200);
    expect(answer.body.costs.options).toEqual({ inpiReducedRate: false, usptoEntity: 'large', afterGrantEP: 'unitary' });
    expect(eur(answer.body.costs.next5Years.totals)).toBe(892 + 475 + 630 + 815 + 990 + 1175);
    expect(answer.body.schedules.map((schedule) => schedule.id)).toContain('up-renewal-fees@2023-06-01');
  });

  it('keeps dollars apart and prices the US entity asked for', async () => {
    const large = await admin.get<FamilyCostsAnswer>(`/api/families/${usFamily.id}/costs`);
    expect([usd(large.body.costs.toDate.totals), usd(large.body.costs.next5Years.totals), usd(large.body.costs.life.totals)]).toEqual([2150, 4040, 14470]);
    expect(eur(large.body.costs.life.totals)).toBe(0);
    const small = await admin.get<FamilyCostsAnswer>(`/api/families/${usFamily.id}/costs?usptoEntity=small`);
    expect(usd(small.body.costs.life.totals)).toBe(860 + 1616 + 3312);
    // The PCT application has no renewal fees: abandoning it saves nothing.
    const wo = large.body.savingsIfAbandoned.find((entry) => entry.office === 'WO');
    expect(wo?.savings.untilExpiry.map((total) => total.amount)).toEqual([0, 0]);
  });

  it('uses the INPI reduced rate by default', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${frOnly.id}/costs`);
    expect(answer.body.costs.options.inpiReducedRate).toBe(true);
    // 38 + 38 before the first reduced listing (2024-04-01), then 19 + 19.
    expect(eur(answer.body.costs.toDate.totals)).toBe(114);
  });

  it('costs a lapsed application nothing ahead and offers no saving on it', async () => {
    const answer = await admin.get<FamilyCostsAnswer>(`/api/families/${lapsedFamily.id}/costs?${STANDARD}`);
    // y2, y3 and y4 (due 2024-04-02) fell due before the lapse recorded on 2024-08-01.
    expect([eur(answer.body.costs.toDate.totals), eur(answer.body.costs.next5Years.totals), eur(answer.body.costs.life.totals)]).toEqual([114, 0, 114]);
    expect(answer.body.savingsIfAbandoned).toEqual([]);
  });

  it('answers 404 for an unknown id and for an asset that is not a patent family', async () => {
    expect((await admin.get(`/api/families/7d1e5f0e-0000-4000-8000-000000000000/costs`)).status).toBe(404);
    expect((await admin.get(`/api/families/${software.id}/costs`)).status).toBe(404);
  });

  it('names a bad option and answers 400', async () => {
    const answer = await admin.get<{ error: { issues: { path: string }[] } }>(`/api/families/${frOnly.id}/costs?usptoEntity=huge&inpiReducedRate=maybe`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path).sort()).toEqual(['query.inpiReducedRate', 'query.usptoEntity']);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous.get(`/api/families/${frOnly.id}/costs`)).status).toBe(401);
  });
});

describe('who may read family costs', () => {
  const families = () => ({ F1: frOnly.id, F2: frEp.id, F3: usFamily.id, F4: lapsedFamily.id });

  async function readable(client: Client): Promise<string[]> {
    const open: string[] = [];
    for (const [name, id] of Object.entries(families())) {
      const answer = await client.get(`/api/families/${id}/costs`);
      expect([200, 404], name).toContain(answer.status);
      if (answer.status === 200) open.push(name);
    }
    return open;
  }

  it('lets admins, central officers and readers read every family', async () => {
    expect(await readable(admin)).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(await readable(await t.signIn('officer'))).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(await readable(await t.signIn('reader'))).toEqual(['F1', 'F2', 'F3', 'F4']);
  });

  it("lets a school's officer read that school's families only, and answers 404 for the others", async () => {
    expect(await readable(await t.signIn('officer', { schoolId: dir.schoolA.id }))).toEqual(['F1', 'F2']);
    expect(await readable(await t.signIn('officer', { schoolId: dir.schoolB.id }))).toEqual(['F3', 'F4']);
  });

  it('lets a researcher read the families of their inventions, and a partner those its company co-owns', async () => {
    expect(await readable(await t.signIn('researcher', { personId: researcherPersonId }))).toEqual(['F1']);
    expect(await readable(await t.signIn('partner', { organisationId: dir.acme.id }))).toEqual(['F2']);
    expect(await readable(await t.signIn('partner', { organisationId: dir.globex.id }))).toEqual([]);
  });
});

describe('GET /api/portfolio/forecast', () => {
  /**
   * By hand (standard rates): school A, FR: 2026 76 + 96, 2027 96 + 136, 2028 136 + 180, 2029 180 + 220,
   * 2030 220 + 260 = 1600 EUR; school A, EP: one unknown national fee a year; school B, US: the 7.5-year fee
   * in 2029, 4040 USD; the lapsed family and the software deposit: nothing.
   */
  it('budgets the portfolio per year, school and office, in EUR and USD', async () => {
    const answer = await admin.get<PortfolioBudget>(`/api/portfolio/forecast?years=5&${STANDARD}`);
    expect(answer.status).toBe(200);
    const budget = answer.body;
    expect(budget.years.map((year) => year.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(budget.years[0]).toEqual({ year: 2026, from: '2026-03-03', to: '2026-12-31' });
    expect(budget.families).toBe(4);
    expect([eur(budget.totals.all), usd(budget.totals.all)]).toEqual([1600, 4040]);
    expect(budget.totals.byYear.map((year) => [year.year, eur(year.totals), usd(year.totals)])).toEqual([
      [2026, 172, 0],
      [2027, 232, 0],
      [2028, 316, 0],
      [2029, 400, 4040],
      [2030, 480, 0],
    ]);
    expect(budget.totals.bySchool.map((school) => [school.schoolName, eur(school.totals), usd(school.totals)])).toEqual([
      ['École Alpha', 1600, 0],
      ['École Beta', 0, 4040],
    ]);
    expect(budget.rows.filter((row) => row.office === 'EP').map((row) => [row.year, row.unknownFees])).toEqual([
      [2026, 1],
      [2027, 1],
      [2028, 1],
      [2029, 1],
      [2030, 1],
    ]);
    expect(budget.unknown).toEqual([{ reason: 'national renewal fees of the validation states after grant: not in the fee data', count: 5 }]);
  });

  it('lists the schedules used with their sources and [verify] marks', async () => {
    const answer = await admin.get<PortfolioBudget>(`/api/portfolio/forecast?${STANDARD}`);
    expect(answer.body.schedules.map((schedule) => schedule.id)).toEqual(['inpi-annuities@2020-04-01', 'uspto-maintenance-fees@2025-01-19/large']);
    for (const schedule of answer.body.schedules) {
      expect(schedule.verify).toBe(true);
      expect(schedule.sources.every((source) => source.includes('[verify'))).toBe(true);
    }
  });

  it('defaults to 5 years and the INPI reduced rate, and takes fewer years', async () => {
    const defaults = await admin.get<PortfolioBudget>('/api/portfolio/forecast');
    expect(defaults.body.years).toHaveLength(5);
    expect(defaults.body.options).toEqual({ inpiReducedRate: true, usptoEntity: 'large', afterGrantEP: 'none' });
    // Family 1's 2026 annuity (y6) at the reduced rate: 57; family 2's (y7): 72.
    expect(eur(defaults.body.totals.byYear[0]?.totals ?? [])).toBe(57 + 72);
    const one = await admin.get<PortfolioBudget>(`/api/portfolio/forecast?years=1&${STANDARD}`);
    expect(one.body.years).toHaveLength(1);
    expect(eur(one.body.totals.all)).toBe(172);
  });

  it('counts only the families each user may open', async () => {
    const totals = async (client: Client) => {
      const answer = await client.get<PortfolioBudget>(`/api/portfolio/forecast?${STANDARD}`);
      expect(answer.status).toBe(200);
      return [answer.body.families, eur(answer.body.totals.all), usd(answer.body.totals.all)];
    };
    expect(await totals(await t.signIn('officer'))).toEqual([4, 1600, 4040]);
    expect(await totals(await t.signIn('reader'))).toEqual([4, 1600, 4040]);
    expect(await totals(await t.signIn('officer', { schoolId: dir.schoolA.id }))).toEqual([2, 1600, 0]);
    expect(await totals(await t.signIn('officer', { schoolId: dir.schoolB.id }))).toEqual([2, 0, 4040]);
    // Family 1 alone: 76 + 96 + 136 + 180 + 220.
    expect(await totals(await t.signIn('researcher', { personId: researcherPersonId }))).toEqual([1, 708, 0]);
    // Family 2 alone: 96 + 136 + 180 + 220 + 260.
    expect(await totals(await t.signIn('partner', { organisationId: dir.acme.id }))).toEqual([1, 892, 0]);
    expect(await totals(await t.signIn('partner', { organisationId: dir.globex.id }))).toEqual([0, 0, 0]);
  });

  it('names a bad number of years and answers 400', async () => {
    for (const years of ['0', '21', 'five']) {
      const answer = await admin.get<{ error: { issues: { path: string }[] } }>(`/api/portfolio/forecast?years=${years}`);
      expect(answer.status, years).toBe(400);
      expect(answer.body.error.issues[0]?.path).toBe('query.years');
    }
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous.get('/api/portfolio/forecast')).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const answer = await admin.get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(answer.body.paths)).toEqual(expect.arrayContaining(['/api/families/{id}/costs', '/api/portfolio/forecast']));
  });
});

describe('reading families for the budget', () => {
  it('reads every visible family once, batch after batch, with its applications', async () => {
    const batches = [];
    for await (const batch of t.services.repositories.forecast.familyBatches(undefined, 3)) batches.push(batch);
    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
    const families = batches.flat();
    expect(families.map((family) => family.applications.length).sort()).toEqual([1, 1, 2, 2]);
    expect(families.filter((family) => family.schoolName === 'École Beta')).toHaveLength(2);
    expect(families.flatMap((family) => family.applications.map((application) => application.office)).sort()).toEqual(['EP', 'FR', 'FR', 'FR', 'US', 'WO']);
  });
});
