import { addDays, addYears } from '../docket/iso-date.ts';
import { isCounted, type ApplicationFees, type CostFamily } from './cost-family.ts';
import { createFeePricer } from './fee-pricer.ts';
import type { CostPeriod, CurrencyTotal, FamilyCosts, FeeLine, ForecastOptions, Savings } from './fee-forecast.ts';
import { feeData, type Currency, type FeeData } from './fee-table.ts';

const CURRENCIES: readonly Currency[] = ['EUR', 'USD'];

/** What every cost answer assumes, said once so a reader of the figures knows it. */
export const FORECAST_NOTES: readonly string[] = [
  'Renewal fees, annuities and maintenance fees only: filing, search, examination, grant, validation and attorney fees are not included.',
  'Each fee is taken as paid on its due date, at the schedule in force that day; a future fee is priced at the latest schedule known.',
  'No payments are recorded: a fee is counted when it fell due while the application was alive.',
  'Amounts stay in their currency (EUR, USD): nothing is converted.',
];

export function afterGrantNote(options: ForecastOptions): string {
  return options.afterGrantEP === 'unitary'
    ? 'After an EP grant: Unitary Patent renewal fees (grants mentioned from 2023-06-01); national fees otherwise, which are not in the data.'
    : 'After an EP grant, EPO renewal fees stop (EPC Art. 86(2)); the national renewal fees of the validation states are not in the data and are listed as unknown.';
}

/** Rounded to the cent: amounts are whole units, but a 50 % surcharge can make half units. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Totals per currency, EUR and USD always present. */
export function totalsOf(lines: readonly FeeLine[]): CurrencyTotal[] {
  return CURRENCIES.map((currency) => {
    const inCurrency = lines.filter((line) => line.currency === currency);
    return {
      currency,
      amount: roundCents(inCurrency.reduce((sum, line) => sum + line.amount, 0)),
      fees: inCurrency.length,
      verify: inCurrency.some((line) => line.verify),
    };
  });
}

function byDue<T extends { due: string | null }>(a: T, b: T): number {
  return (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31');
}

interface Window {
  from: string | null;
  to: string | null;
  /** Whether a fee with no known date belongs to the window (the future ones do). */
  undated: boolean;
}

function periodOf(all: readonly ApplicationFees[], window: Window): CostPeriod {
  const inWindow = (due: string) => (window.from === null || due >= window.from) && (window.to === null || due <= window.to);
  const lines = all.flatMap((fees) => fees.lines.filter((line) => isCounted(fees.stopsOn, line.due) && inWindow(line.due)));
  const unknown = all.flatMap((fees) =>
    fees.unknown.filter((fee) => isCounted(fees.stopsOn, fee.due) && (fee.due === null ? window.undated : inWindow(fee.due))),
  );
  lines.sort(byDue);
  unknown.sort(byDue);
  return { from: window.from, to: window.to, totals: totalsOf(lines), lines, unknown };
}

/**
 * A family's renewal costs: to date (due on or before today while alive), over the next 5 years (due in
 * (today, today + 5 years]) and over its life (filing to the end of the 20-year term), per currency, with
 * every fee's schedule, source and `[verify]` flag, and the fees the data cannot price.
 */
export function familyCosts(family: CostFamily, today: string, options: ForecastOptions, data: FeeData = feeData): FamilyCosts {
  const pricer = createFeePricer(today, options, data);
  const all = family.applications.map((application) => pricer.applicationFees(family, application));
  const tomorrow = addDays(today, 1);
  return {
    today,
    options,
    toDate: periodOf(all, { from: null, to: today, undated: false }),
    next5Years: periodOf(all, { from: tomorrow, to: addYears(today, 5), undated: true }),
    life: periodOf(all, { from: null, to: null, undated: true }),
    notes: [...FORECAST_NOTES, afterGrantNote(options)],
  };
}

/** What abandoning these applications today saves: every fee they would still owe, and those of the next 5 years. */
export function savingsIfAbandoned(
  family: CostFamily,
  applicationIds: readonly string[],
  today: string,
  options: ForecastOptions,
  data: FeeData = feeData,
): Savings {
  const chosen = family.applications.filter((application) => applicationIds.includes(application.id));
  const pricer = createFeePricer(today, options, data);
  const all = chosen.map((application) => pricer.applicationFees(family, application));
  const future = periodOf(all, { from: addDays(today, 1), to: null, undated: true });
  const fiveYears = addYears(today, 5);
  return {
    applicationIds: chosen.map((application) => application.id),
    next5Years: totalsOf(future.lines.filter((line) => line.due <= fiveYears)),
    untilExpiry: future.totals,
    lines: future.lines,
    unknown: future.unknown,
  };
}
