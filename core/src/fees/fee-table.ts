import { z } from 'zod';
import { IsoDate } from '../common.ts';
// Fee schedules are data (STYLE: "data over code for rules that change"), kept as JSON and imported with
// an import attribute like the docket's rule table: core stays free of file IO, and a table an
// administrator loads later can be passed in the same shape. See data/README.md for where they come from.
import epoRenewalFees from './data/epo-renewal-fees.json' with { type: 'json' };
import upRenewalFees from './data/up-renewal-fees.json' with { type: 'json' };
import inpiAnnuities from './data/inpi-annuities.json' with { type: 'json' };
import inpiAnnuitiesReduced from './data/inpi-annuities-reduced.json' with { type: 'json' };
import usptoMaintenanceFees from './data/uspto-maintenance-fees.json' with { type: 'json' };
import lateSurchargeRows from './data/late-payment-surcharges.json' with { type: 'json' };

/** The offices whose fees are in the data: EPO (pending applications), EPO-UP (Unitary Patents), INPI, USPTO. */
export const FeeOffice = z.enum(['EPO', 'EPO-UP', 'INPI', 'USPTO']);
export type FeeOffice = z.infer<typeof FeeOffice>;

/** Amounts are kept in the office's currency and never converted. */
export const Currency = z.enum(['EUR', 'USD']);
export type Currency = z.infer<typeof Currency>;

/** USPTO entity sizes (37 CFR 1.27, 1.29). */
export const UsptoEntity = z.enum(['large', 'small', 'micro']);
export type UsptoEntity = z.infer<typeof UsptoEntity>;

/** Who a row is for: everyone, the INPI reduced rate, or a USPTO entity size. */
export const FeeEntity = z.enum(['all', 'reduced', 'large', 'small', 'micro']);
export type FeeEntity = z.infer<typeof FeeEntity>;

export const FeeTableId = z.enum(['epo-renewal-fees', 'up-renewal-fees', 'inpi-annuities', 'inpi-annuities-reduced', 'uspto-maintenance-fees']);
export type FeeTableId = z.infer<typeof FeeTableId>;

/**
 * `[verify]` (or `[verify start date]`…) in a source: the value was not confirmed in an official text.
 * The mark is read from the source itself, so it cannot drift from it.
 */
export function hasVerifyMark(text: string): boolean {
  return /\[verify\b/i.test(text);
}

/** One amount: the fee for one renewal year (3.5 / 7.5 / 11.5 for USPTO) paid on or after `validFrom`. */
const FeeRow = z.object({
  /** The first payment date on which the amount applies; in force until the next validFrom of the table. */
  validFrom: IsoDate,
  year: z.number().positive(),
  entity: FeeEntity,
  amount: z.number().nonnegative(),
  source: z.string().min(1),
});
export type FeeRow = z.infer<typeof FeeRow>;

/** One data file: a fee of one office, its schedules over time, and the legal basis. */
export const FeeTable = z.object({
  id: FeeTableId,
  office: FeeOffice,
  currency: Currency,
  fee: z.string().min(1),
  basis: z.string().min(1),
  notes: z.string(),
  /** The shared reference file the rows were copied from, row for row. */
  derivedFrom: z.string().min(1),
  rows: z.array(FeeRow).min(1),
});
export type FeeTable = z.infer<typeof FeeTable>;

/** A late-payment surcharge as a rule row: a percentage of the fee, or a fixed amount per entity. */
const LateSurchargeRow = z.object({
  office: FeeOffice,
  fee: z.string().min(1),
  validFrom: IsoDate,
  entity: FeeEntity,
  kind: z.enum(['percent_of_fee', 'fixed_amount']),
  value: z.number().nonnegative(),
  unit: z.union([z.literal('percent'), Currency]),
  source: z.string().min(1),
});
export type LateSurchargeRow = z.infer<typeof LateSurchargeRow>;

const LateSurchargeTable = z.object({ id: z.literal('late-payment-surcharges'), derivedFrom: z.string().min(1), rows: z.array(LateSurchargeRow).min(1) });

/** Every fee table and surcharge rule the functions read; the bundled ones by default. */
export interface FeeData {
  tables: readonly FeeTable[];
  lateSurcharges: readonly LateSurchargeRow[];
}

/** The bundled data, checked once when the module loads: a bad row fails loudly. */
export const feeData: FeeData = {
  tables: z.array(FeeTable).parse([epoRenewalFees, upRenewalFees, inpiAnnuities, inpiAnnuitiesReduced, usptoMaintenanceFees]),
  lateSurcharges: LateSurchargeTable.parse(lateSurchargeRows).rows,
};

export function currencyOf(office: FeeOffice): Currency {
  return office === 'USPTO' ? 'USD' : 'EUR';
}

/** A schedule is named `<table>@<validFrom>` (plus `/<entity>` for a USPTO entity size), as lines cite it. */
export function scheduleId(table: FeeTableId, validFrom: string, entity: FeeEntity): string {
  return entity === 'large' || entity === 'small' || entity === 'micro' ? `${table}@${validFrom}/${entity}` : `${table}@${validFrom}`;
}

/** A schedule with the sources of its rows, for the list of schedules an answer used. */
export const ScheduleInfo = z.object({
  /** `<table>@<validFrom>[/<entity>]`, as fee lines cite it. */
  id: z.string(),
  table: FeeTableId,
  office: FeeOffice,
  currency: Currency,
  validFrom: IsoDate,
  entity: FeeEntity,
  fee: z.string(),
  sources: z.array(z.string()),
  /** True when a source of the schedule carries the `[verify]` mark. */
  verify: z.boolean(),
});
export type ScheduleInfo = z.infer<typeof ScheduleInfo>;

/** Describes the schedules named by `ids` (unknown ids are left out), in id order. */
export function describeSchedules(ids: Iterable<string>, data: FeeData = feeData): ScheduleInfo[] {
  const wanted = new Set(ids);
  const found = new Map<string, ScheduleInfo>();
  for (const table of data.tables) {
    for (const row of table.rows) {
      const id = scheduleId(table.id, row.validFrom, row.entity);
      if (!wanted.has(id)) continue;
      const info = found.get(id) ?? {
        id,
        table: table.id,
        office: table.office,
        currency: table.currency,
        validFrom: row.validFrom,
        entity: row.entity,
        fee: table.fee,
        sources: [],
        verify: false,
      };
      if (!info.sources.includes(row.source)) info.sources.push(row.source);
      info.verify ||= hasVerifyMark(row.source);
      found.set(id, info);
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}
