import { describe, expect, it } from 'vitest';
import type { BudgetRow, CurrencyTotal, PortfolioBudget } from '#core/fees/fee-forecast';
import { budgetCsvRows, pivotBudget, shownTotals, sumTotals } from './budget-table.ts';

const eur = (amount: number, fees: number, verify = false): CurrencyTotal => ({ currency: 'EUR', amount, fees, verify });
const usd = (amount: number, fees: number, verify = false): CurrencyTotal => ({ currency: 'USD', amount, fees, verify });

function row(year: number, school: 'A' | 'B', office: string, totals: CurrencyTotal[], unknownFees = 0): BudgetRow {
  return { year, schoolId: `id-${school}`, schoolName: school === 'A' ? 'Télécom Paris' : 'IMT Atlantique', office, totals, unknownFees };
}

const budget: PortfolioBudget = {
  today: '2026-11-29',
  options: { inpiReducedRate: true, usptoEntity: 'large', afterGrantEP: 'none' },
  years: [2026, 2027, 2028].map((year) => ({ year, from: year === 2026 ? '2026-11-30' : `${year}-01-01`, to: `${year}-12-31` })),
  rows: [
    row(2026, 'A', 'FR', [eur(100, 1), usd(0, 0)]),
    row(2027, 'A', 'FR', [eur(150.5, 1), usd(0, 0)]),
    row(2027, 'A', 'EP', [eur(1000, 1, true), usd(0, 0)], 1),
    row(2028, 'B', 'US', [eur(0, 0), usd(2150, 1, true)]),
    row(2028, 'B', 'EP', [eur(1200, 1), usd(0, 0)]),
  ],
  totals: { all: [], byYear: [], bySchool: [], byOffice: [] },
  unknown: [],
  families: 2,
  schedules: [],
  notes: [],
};

describe('the budget as a table', () => {
  it('puts a school per row and a year per column, with totals, in one currency', () => {
    const pivot = pivotBudget(budget, 'school', 'EUR');
    expect(pivot.years).toEqual([2026, 2027, 2028]);
    expect(pivot.rows.map((r) => [r.label, r.values, r.total, r.verify, r.unknownFees])).toEqual([
      ['IMT Atlantique', [0, 0, 1200], 1200, false, 0],
      ['Télécom Paris', [100, 1150.5, 0], 1250.5, true, 1],
    ]);
    expect(pivot.totals).toEqual([100, 1150.5, 1200]);
    expect(pivot.grandTotal).toBe(2450.5);
    expect(pivot.verify).toBe(true);
  });

  it('groups by office, and leaves out the rows with nothing to pay in that currency', () => {
    expect(pivotBudget(budget, 'office', 'EUR').rows.map((r) => [r.label, r.total])).toEqual([
      ['EP', 2200],
      ['FR', 250.5],
    ]);
    const dollars = pivotBudget(budget, 'office', 'USD');
    expect(dollars.rows.map((r) => [r.label, r.values])).toEqual([['US', [0, 0, 2150]]]);
    expect(dollars.grandTotal).toBe(2150);
  });

  it('exports a line per year, school, office and currency with fees', () => {
    const lines = budgetCsvRows(budget, ['year', 'school', 'office', 'currency', 'amount', 'fees', 'verify', 'unknown']);
    expect(lines).toHaveLength(6);
    expect(lines[3]).toEqual([2027, 'Télécom Paris', 'EP', 'EUR', 1000, 1, 'verify', 1]);
    expect(lines[4]).toEqual([2028, 'IMT Atlantique', 'US', 'USD', 2150, 1, 'verify', 0]);
  });
});

describe('sums per currency', () => {
  it('adds the savings of several applications currency by currency, keeping the verify mark', () => {
    expect(sumTotals([[eur(100.1, 1), usd(0, 0)], [eur(200.2, 2, true), usd(50, 1)]])).toEqual([eur(300.3, 3, true), usd(50, 1)]);
    expect(sumTotals([])).toEqual([]);
  });

  it('shows the currencies with fees, or a zero in the currency asked for when there are none', () => {
    expect(shownTotals([eur(0, 0), usd(10, 1)])).toEqual([usd(10, 1)]);
    expect(shownTotals([eur(0, 0), usd(0, 0)])).toEqual([eur(0, 0)]);
    expect(shownTotals([usd(0, 0)])).toEqual([usd(0, 0)]);
    expect(shownTotals([])).toEqual([eur(0, 0)]);
  });
});
