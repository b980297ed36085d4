import { describe, expect, it } from 'vitest';
import type { CostApplication } from './cost-family.ts';
import type { CurrencyTotal } from './fee-forecast.ts';
import { budgetYears, createBudget, portfolioBudget, type BudgetFamily } from './portfolio-budget.ts';

const TODAY = '2026-03-02';
const OPTIONS = { inpiReducedRate: false, usptoEntity: 'large', afterGrantEP: 'none', years: 5 } as const;

function application(fields: Partial<CostApplication> & Pick<CostApplication, 'id' | 'office' | 'filingDate'>): CostApplication {
  return { applicationNumber: `${fields.office}-${fields.id}`, status: 'published', grantDate: null, statusHistory: [], ...fields };
}

const schoolA = { schoolId: '00000000-0000-4000-8000-00000000000a', schoolName: 'École Alpha' };
const schoolB = { schoolId: '00000000-0000-4000-8000-00000000000b', schoolName: 'École Beta' };

/** The three families of family-costs.test.ts: two in school A, the US one in school B. */
const families: BudgetFamily[] = [
  { ...schoolA, status: 'active', applications: [application({ id: 'fr1', office: 'FR', filingDate: '2021-03-15' })] },
  {
    ...schoolA,
    status: 'granted',
    applications: [
      application({ id: 'fr2', office: 'FR', filingDate: '2020-06-10', status: 'granted', grantDate: '2022-01-20' }),
      application({ id: 'ep2', office: 'EP', filingDate: '2021-06-10', status: 'granted', grantDate: '2025-02-12' }),
    ],
  },
  {
    ...schoolB,
    status: 'granted',
    applications: [
      application({ id: 'wo3', office: 'WO', filingDate: '2018-09-14' }),
      application({ id: 'us3', office: 'US', filingDate: '2018-09-14', status: 'granted', grantDate: '2021-11-16' }),
    ],
  },
];

const amount = (totals: CurrencyTotal[], currency: 'EUR' | 'USD') => totals.find((total) => total.currency === currency)?.amount;

describe('portfolioBudget', () => {
  it('budgets calendar years, the first from tomorrow', () => {
    expect(budgetYears(TODAY, 2)).toEqual([
      { year: 2026, from: '2026-03-03', to: '2026-12-31' },
      { year: 2027, from: '2027-01-01', to: '2027-12-31' },
    ]);
    expect(budgetYears('2026-12-31', 1)).toEqual([{ year: 2027, from: '2027-01-01', to: '2027-12-31' }]);
  });

  /**
   * By hand (due dates and amounts in family-costs.test.ts):
   *   school A, FR: 2026 76 (fam. 1 y6) + 96 (fam. 2 y7) = 172; 2027 96 + 136 = 232; 2028 136 + 180 = 316;
   *                 2029 180 + 220 = 400; 2030 220 + 260 = 480; in all 1600 EUR.
   *   school A, EP: no amount; one unknown national fee per year (years 6–10 of family 2).
   *   school B, US: 2029 4040 USD (the 7.5-year fee); nothing else in 2026–2030.
   */
  it('sums the three hand-computed families per year, school and office, per currency', () => {
    const budget = portfolioBudget(families, TODAY, OPTIONS);
    const cell = (year: number, school: string, office: string) =>
      budget.rows.find((row) => row.year === year && row.schoolId === school && row.office === office);
    expect([2026, 2027, 2028, 2029, 2030].map((year) => amount(cell(year, schoolA.schoolId, 'FR')?.totals ?? [], 'EUR'))).toEqual([
      172, 232, 316, 400, 480,
    ]);
    expect([2026, 2027, 2028, 2029, 2030].map((year) => cell(year, schoolA.schoolId, 'EP')?.unknownFees)).toEqual([1, 1, 1, 1, 1]);
    expect(amount(cell(2029, schoolA.schoolId, 'EP')?.totals ?? [], 'EUR')).toBe(0);
    expect(amount(cell(2029, schoolB.schoolId, 'US')?.totals ?? [], 'USD')).toBe(4040);
    expect(budget.rows.filter((row) => row.schoolId === schoolB.schoolId)).toHaveLength(1);

    expect(amount(budget.totals.all, 'EUR')).toBe(1600);
    expect(amount(budget.totals.all, 'USD')).toBe(4040);
    expect(budget.totals.byYear.map((year) => [year.year, amount(year.totals, 'EUR'), amount(year.totals, 'USD')])).toEqual([
      [2026, 172, 0],
      [2027, 232, 0],
      [2028, 316, 0],
      [2029, 400, 4040],
      [2030, 480, 0],
    ]);
    expect(budget.totals.bySchool.map((school) => [school.schoolName, amount(school.totals, 'EUR'), amount(school.totals, 'USD')])).toEqual([
      ['École Alpha', 1600, 0],
      ['École Beta', 0, 4040],
    ]);
    expect(budget.totals.byOffice.map((office) => [office.office, amount(office.totals, 'EUR'), amount(office.totals, 'USD')])).toEqual([
      ['EP', 0, 0],
      ['FR', 1600, 0],
      ['US', 0, 4040],
    ]);
    expect(budget.unknown).toEqual([{ reason: 'national renewal fees of the validation states after grant: not in the fee data', count: 5 }]);
    expect(budget.families).toBe(3);
  });

  it('lists the schedules it used with their sources and [verify] marks', () => {
    const budget = portfolioBudget(families, TODAY, OPTIONS);
    expect(budget.schedules.map((schedule) => schedule.id)).toEqual(['inpi-annuities@2020-04-01', 'uspto-maintenance-fees@2025-01-19/large']);
    for (const schedule of budget.schedules) {
      expect(schedule.sources.length).toBeGreaterThan(0);
      expect(schedule.verify).toBe(true);
    }
    expect(budget.totals.all.find((total) => total.currency === 'EUR')?.verify).toBe(true);
  });

  it('gives the same result fed one family at a time, as a stream of batches is', () => {
    const budget = createBudget(TODAY, OPTIONS);
    for (const family of families) budget.add(family);
    expect(budget.result()).toEqual(portfolioBudget(families, TODAY, OPTIONS));
  });

  it('budgets nothing for lapsed families', () => {
    const lapsed = families.map((family) => ({ ...family, status: 'lapsed' as const }));
    const budget = portfolioBudget(lapsed, TODAY, OPTIONS);
    expect(budget.rows).toEqual([]);
    expect(budget.totals.all.map((total) => total.amount)).toEqual([0, 0]);
    expect(budget.unknown).toEqual([]);
    expect(budget.families).toBe(3);
  });

  it('budgets as many years as asked', () => {
    const budget = portfolioBudget(families, TODAY, { ...OPTIONS, years: 1 });
    expect(budget.years).toHaveLength(1);
    expect(amount(budget.totals.all, 'EUR')).toBe(172);
  });
});
