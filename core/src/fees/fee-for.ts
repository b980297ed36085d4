import {
  currencyOf,
  feeData,
  hasVerifyMark,
  scheduleId,
  type Currency,
  type FeeData,
  type FeeEntity,
  type FeeOffice,
  type FeeRow,
  type FeeTable,
  type UsptoEntity,
} from './fee-table.ts';

/**
 * What is asked: the fee of one office for one renewal year (3.5 / 7.5 / 11.5 for USPTO), paid on
 * `paymentDate`. The amount depends on the payment date, not on the due date (EPO Guidelines A-XI 5.1.2;
 * Art. 2 RFeesUPP; INPI, per its guidelines H-I 2; USPTO [verify]): the schedule in force that day is used.
 * `late`: paid in the grace period, with the surcharge of late-payment-surcharges.
 */
export type FeeQuery =
  | { office: 'EPO' | 'EPO-UP'; year: number; paymentDate: string; late?: boolean }
  /** reduced: the INPI reduced rate (natural persons, SMEs, non-profit teaching or research bodies) [verify eligibility]. */
  | { office: 'INPI'; year: number; paymentDate: string; reduced?: boolean; late?: boolean }
  /** entity: large (undiscounted, the default) [verify], small or micro. */
  | { office: 'USPTO'; year: number; paymentDate: string; entity?: UsptoEntity; late?: boolean };

/** A fee whose amount is in the data. `verify` is true when a source used carries the `[verify]` mark. */
export interface FeeQuote {
  known: true;
  office: FeeOffice;
  year: number;
  paymentDate: string;
  currency: Currency;
  /** The fee itself. */
  amount: number;
  /** The late-payment surcharge (0 unless `late`). */
  surcharge: number;
  total: number;
  /** `<table>@<validFrom>[/<entity>]`: the schedule the amount was read from. */
  schedule: string;
  source: string;
  surchargeSource: string | null;
  verify: boolean;
  /** Why a fallback was taken (e.g. no reduced rate known on that date), else null. */
  note: string | null;
}

/** A fee the data cannot price: no schedule in force on that date, or no row for that year. */
export interface FeeUnknown {
  known: false;
  office: FeeOffice;
  year: number;
  paymentDate: string;
  currency: Currency;
  reason: string;
}

export type FeeResult = FeeQuote | FeeUnknown;

interface Schedule {
  validFrom: string;
  byYear: Map<number, FeeRow>;
}

/** Schedules per table and entity, latest first; built once per data set (the forecast asks millions of times). */
const indexes = new WeakMap<FeeData, Map<string, Schedule[]>>();

function schedulesOf(data: FeeData, table: FeeTable, entity: FeeEntity): Schedule[] {
  let index = indexes.get(data);
  if (!index) {
    index = new Map();
    for (const each of data.tables) {
      for (const row of each.rows) {
        const key = `${each.id}/${row.entity}`;
        const schedules = index.get(key) ?? [];
        let schedule = schedules.find((candidate) => candidate.validFrom === row.validFrom);
        if (!schedule) {
          schedule = { validFrom: row.validFrom, byYear: new Map() };
          schedules.push(schedule);
        }
        schedule.byYear.set(row.year, row);
        index.set(key, schedules);
      }
    }
    for (const schedules of index.values()) schedules.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    indexes.set(data, index);
  }
  return index.get(`${table.id}/${entity}`) ?? [];
}

/** The schedule in force on `date`: the latest validFrom on or before it (in force until the next one). */
function scheduleOn(data: FeeData, table: FeeTable, entity: FeeEntity, date: string): Schedule | null {
  return schedulesOf(data, table, entity).find((schedule) => schedule.validFrom <= date) ?? null;
}

function tableFor(data: FeeData, office: FeeOffice, entity: FeeEntity): FeeTable | null {
  return data.tables.find((table) => table.office === office && table.rows.some((row) => row.entity === entity)) ?? null;
}

interface Base {
  amount: number;
  schedule: string;
  source: string;
  verify: boolean;
  note: string | null;
}

/** The fee of one table and entity on a date, or the reason it is unknown. */
function lookUp(data: FeeData, office: FeeOffice, entity: FeeEntity, year: number, date: string): Base | string {
  const table = tableFor(data, office, entity);
  if (!table) return `no ${office} fee table for entity ${entity}`;
  const schedule = scheduleOn(data, table, entity, date);
  if (!schedule) return `no ${table.id} schedule in force on ${date} (the data starts later)`;
  const row = schedule.byYear.get(year);
  if (!row) return `${scheduleId(table.id, schedule.validFrom, entity)} has no amount for year ${year}`;
  return { amount: row.amount, schedule: scheduleId(table.id, schedule.validFrom, entity), source: row.source, verify: hasVerifyMark(row.source), note: null };
}

/**
 * The INPI reduced rate where the data has one. The reduced table lists years 2–7 only: a year it lacks
 * pays the standard rate (no reduction from year 8). Before its first validFrom (the date of the listing
 * seen, not a start date) no reduced amount is known, so the standard rate is used and marked [verify].
 */
function inpiReduced(data: FeeData, year: number, date: string): Base | string {
  const reduced = lookUp(data, 'INPI', 'reduced', year, date);
  if (typeof reduced !== 'string') return reduced;
  const standard = lookUp(data, 'INPI', 'all', year, date);
  if (typeof standard === 'string') return standard;
  const table = tableFor(data, 'INPI', 'reduced');
  const inForce = table ? scheduleOn(data, table, 'reduced', date) : null;
  if (inForce) return { ...standard, note: `no reduced rate for year ${year}: standard rate` };
  return {
    ...standard,
    verify: true,
    note: `no reduced-rate schedule known on ${date}: standard rate, which may overstate the fee [verify]`,
  };
}

function entityOf(query: FeeQuery): FeeEntity {
  if (query.office === 'USPTO') return query.entity ?? 'large';
  return 'all';
}

function lateSurcharge(data: FeeData, query: FeeQuery, fee: number): { amount: number; source: string } | string {
  const entity = entityOf(query);
  const rule = data.lateSurcharges
    .filter((row) => row.office === query.office && (row.entity === 'all' || row.entity === entity) && row.validFrom <= query.paymentDate)
    .reduce<(typeof data.lateSurcharges)[number] | null>((latest, row) => (latest === null || row.validFrom > latest.validFrom ? row : latest), null);
  if (!rule) return `no ${query.office} late-payment surcharge in force on ${query.paymentDate}`;
  // EPC R.51(2), Rule 13(3) UPR, CPI L.612-19: a percentage of the fee; 37 CFR 1.20(h): a fixed fee.
  const amount = rule.kind === 'percent_of_fee' ? Math.round(fee * rule.value) / 100 : rule.value;
  return { amount, source: rule.source };
}

/** The fee for one year paid on a date, with the schedule and source it comes from. */
export function feeFor(query: FeeQuery, data: FeeData = feeData): FeeResult {
  const { office, year, paymentDate } = query;
  const currency = currencyOf(office);
  const unknown = (reason: string): FeeUnknown => ({ known: false, office, year, paymentDate, currency, reason });
  const base = query.office === 'INPI' && query.reduced === true ? inpiReduced(data, year, paymentDate) : lookUp(data, office, entityOf(query), year, paymentDate);
  if (typeof base === 'string') return unknown(base);
  const surcharge = query.late === true ? lateSurcharge(data, query, base.amount) : null;
  if (typeof surcharge === 'string') return unknown(surcharge);
  const surchargeAmount = surcharge?.amount ?? 0;
  return {
    known: true,
    office,
    year,
    paymentDate,
    currency,
    amount: base.amount,
    surcharge: surchargeAmount,
    total: base.amount + surchargeAmount,
    schedule: base.schedule,
    source: base.source,
    surchargeSource: surcharge?.source ?? null,
    verify: base.verify || (surcharge !== null && hasVerifyMark(surcharge.source)),
    note: base.note,
  };
}
