import { addDays, yearOf } from '../docket/iso-date.ts';
import { isCounted, stopDate, type CostCase, type CostFamily } from './cost-family.ts';
import { createFeePricer } from './fee-pricer.ts';
import { FORECAST_NOTES, afterGrantNote, roundCents } from './family-costs.ts';
import type { BudgetRow, BudgetYear, CurrencyTotal, ForecastOptions, PortfolioBudget } from './fee-forecast.ts';
import { describeSchedules, feeData, type Currency, type FeeData } from './fee-table.ts';

/** A family with the school whose budget pays for it; its applications' identities are not needed. */
export interface BudgetFamily extends CostFamily<CostCase> {
  schoolId: string;
  schoolName: string;
}

export interface BudgetOptions extends ForecastOptions {
  /** How many calendar years, the current one included. */
  years: number;
}

type Sums = Record<Currency, { amount: number; fees: number; verify: boolean }>;

interface Cell {
  year: number;
  schoolId: string;
  schoolName: string;
  office: string;
  sums: Sums;
  unknownFees: number;
}

const noSums = (): Sums => ({ EUR: { amount: 0, fees: 0, verify: false }, USD: { amount: 0, fees: 0, verify: false } });

function totalsOfSums(sums: Sums): CurrencyTotal[] {
  return (['EUR', 'USD'] as const).map((currency) => {
    const { amount, fees, verify } = sums[currency];
    return { currency, amount: roundCents(amount), fees, verify };
  });
}

function addInto(target: Sums, source: Sums): void {
  for (const currency of ['EUR', 'USD'] as const) {
    target[currency].amount += source[currency].amount;
    target[currency].fees += source[currency].fees;
    target[currency].verify ||= source[currency].verify;
  }
}

/** The budget's calendar years: the rest of the current year from tomorrow, then whole years. */
export function budgetYears(today: string, count: number): BudgetYear[] {
  const from = addDays(today, 1);
  const first = yearOf(from);
  return Array.from({ length: count }, (_, index) => {
    const year = first + index;
    return { year, from: index === 0 ? from : `${year}-01-01`, to: `${year}-12-31` };
  });
}

/**
 * A budget built one family at a time, so a large portfolio can be streamed through it in batches: the
 * future fees of the budget's years, per year × school × office, per currency.
 */
export function createBudget(today: string, options: BudgetOptions, data: FeeData = feeData) {
  const { years: count, ...pricing } = options;
  const years = budgetYears(today, count);
  const from = years[0]?.from ?? addDays(today, 1);
  const to = years.at(-1)?.to ?? today;
  const cells = new Map<string, Cell>();
  const reasons = new Map<string, number>();
  const schedules = new Set<string>();
  const pricer = createFeePricer(today, pricing, data);
  let families = 0;

  const cellOf = (family: BudgetFamily, office: string, due: string): Cell => {
    // An ISO date's first four characters are its year; no need to parse it, for every fee of every family.
    const year = Number(due.slice(0, 4));
    const key = `${year}|${family.schoolId}|${office}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { year, schoolId: family.schoolId, schoolName: family.schoolName, office, sums: noSums(), unknownFees: 0 };
      cells.set(key, cell);
    }
    return cell;
  };

  return {
    add(family: BudgetFamily): void {
      families += 1;
      for (const application of family.applications) {
        const stopsOn = stopDate(family, application, today);
        const fees = pricer.caseFees(application);
        for (const line of fees.lines) {
          if (line.due < from || line.due > to || !isCounted(stopsOn, line.due)) continue;
          const sum = cellOf(family, application.office, line.due).sums[line.currency];
          sum.amount += line.amount;
          sum.fees += 1;
          sum.verify ||= line.verify;
          schedules.add(line.schedule);
        }
        for (const fee of fees.unknown) {
          if (!isCounted(stopsOn, fee.due)) continue;
          if (fee.due !== null) {
            if (fee.due < from || fee.due > to) continue;
            cellOf(family, application.office, fee.due).unknownFees += 1;
          }
          reasons.set(fee.reason, (reasons.get(fee.reason) ?? 0) + 1);
        }
      }
    },

    result(): PortfolioBudget {
      const sorted = [...cells.values()].sort(
        (a, b) => a.year - b.year || a.schoolName.localeCompare(b.schoolName) || a.schoolId.localeCompare(b.schoolId) || a.office.localeCompare(b.office),
      );
      const rows: BudgetRow[] = sorted.map((cell) => ({
        year: cell.year,
        schoolId: cell.schoolId,
        schoolName: cell.schoolName,
        office: cell.office,
        totals: totalsOfSums(cell.sums),
        unknownFees: cell.unknownFees,
      }));
      const sumBy = <K extends string | number>(keyOf: (cell: Cell) => K): Map<K, Sums> => {
        const groups = new Map<K, Sums>();
        for (const cell of sorted) {
          const key = keyOf(cell);
          const sums = groups.get(key) ?? noSums();
          addInto(sums, cell.sums);
          groups.set(key, sums);
        }
        return groups;
      };
      const all = noSums();
      for (const cell of sorted) addInto(all, cell.sums);
      const byYear = sumBy((cell) => cell.year);
      const bySchool = sumBy((cell) => cell.schoolId);
      const schoolNames = new Map(sorted.map((cell) => [cell.schoolId, cell.schoolName]));
      const byOffice = sumBy((cell) => cell.office);
      return {
        today,
        options: pricing,
        years,
        rows,
        totals: {
          all: totalsOfSums(all),
          byYear: years.map(({ year }) => ({ year, totals: totalsOfSums(byYear.get(year) ?? noSums()) })),
          bySchool: [...bySchool].map(([schoolId, sums]) => ({ schoolId, schoolName: schoolNames.get(schoolId) ?? '', totals: totalsOfSums(sums) })),
          byOffice: [...byOffice].sort(([a], [b]) => a.localeCompare(b)).map(([office, sums]) => ({ office, totals: totalsOfSums(sums) })),
        },
        unknown: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        families,
        schedules: describeSchedules(schedules, data),
        notes: [...FORECAST_NOTES, afterGrantNote(pricing), 'Years are calendar years; the first runs from tomorrow to 31 December.'],
      };
    },
  };
}
export type Budget = ReturnType<typeof createBudget>;

/** The budget of these families over `options.years` calendar years. */
export function portfolioBudget(families: Iterable<BudgetFamily>, today: string, options: BudgetOptions, data: FeeData = feeData): PortfolioBudget {
  const budget = createBudget(today, options, data);
  for (const family of families) budget.add(family);
  return budget.result();
}
