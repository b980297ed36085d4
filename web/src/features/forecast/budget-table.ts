import type { CurrencyTotal, PortfolioBudget } from '#core/fees/fee-forecast';
import type { Currency } from '#core/fees/fee-table';

export type Breakdown = 'school' | 'office';

export interface PivotRow {
  key: string;
  label: string;
  /** One amount per budget year, in the budget's order. */
  values: number[];
  total: number;
  /** An amount of the row comes from a schedule not confirmed in an official text. */
  verify: boolean;
  /** Fees of the row's years the data cannot price. */
  unknownFees: number;
}

export interface Pivot {
  years: number[];
  rows: PivotRow[];
  totals: number[];
  grandTotal: number;
  verify: boolean;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * The budget in one currency as a table: a row per school (or office), a column per year, with the
 * totals. Rows with nothing to pay in that currency are left out (an office of the other currency).
 */
export function pivotBudget(budget: PortfolioBudget, by: Breakdown, currency: Currency): Pivot {
  const years = budget.years.map((year) => year.year);
  const rows = new Map<string, PivotRow>();
  for (const cell of budget.rows) {
    const total = cell.totals.find((item) => item.currency === currency);
    if (!total || total.fees === 0) continue;
    const key = by === 'school' ? cell.schoolId : cell.office;
    let row = rows.get(key);
    if (!row) {
      row = { key, label: by === 'school' ? cell.schoolName : cell.office, values: years.map(() => 0), total: 0, verify: false, unknownFees: 0 };
      rows.set(key, row);
    }
    const index = years.indexOf(cell.year);
    if (index < 0) continue;
    row.values[index] = cents((row.values[index] ?? 0) + total.amount);
    row.total = cents(row.total + total.amount);
    row.verify ||= total.verify;
    row.unknownFees += cell.unknownFees;
  }
  const sorted = [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
  const totals = years.map((_, index) => cents(sorted.reduce((sum, row) => sum + (row.values[index] ?? 0), 0)));
  return {
    years,
    rows: sorted,
    totals,
    grandTotal: cents(totals.reduce((sum, value) => sum + value, 0)),
    verify: sorted.some((row) => row.verify),
  };
}

/** Sums per currency of several answers (the savings of several applications: disjoint fees, so they add up). */
export function sumTotals(lists: readonly (readonly CurrencyTotal[])[]): CurrencyTotal[] {
  const sums = new Map<Currency, CurrencyTotal>();
  for (const list of lists) {
    for (const item of list) {
      const sum = sums.get(item.currency) ?? { currency: item.currency, amount: 0, fees: 0, verify: false };
      sums.set(item.currency, { currency: item.currency, amount: cents(sum.amount + item.amount), fees: sum.fees + item.fees, verify: sum.verify || item.verify });
    }
  }
  return [...sums.values()];
}

/** The currencies worth showing: those with fees; when there are none, EUR (else the only one given) at zero. */
export function shownTotals(totals: readonly CurrencyTotal[]): CurrencyTotal[] {
  const withFees = totals.filter((total) => total.fees > 0);
  if (withFees.length > 0) return withFees;
  return [totals.find((total) => total.currency === 'EUR') ?? totals[0] ?? { currency: 'EUR', amount: 0, fees: 0, verify: false }];
}

/** The budget as spreadsheet rows: one per year, school, office and currency with fees. */
export function budgetCsvRows(budget: PortfolioBudget, header: readonly string[]): (string | number)[][] {
  const lines = budget.rows.flatMap((cell) =>
    cell.totals
      .filter((total) => total.fees > 0 || (total.currency === 'EUR' && cell.unknownFees > 0))
      .map((total) => [cell.year, cell.schoolName, cell.office, total.currency, total.amount, total.fees, total.verify ? 'verify' : '', cell.unknownFees]),
  );
  return [[...header], ...lines];
}
