import { z } from 'zod';
import { IsoDate } from '../common.ts';
import { CalendarId, DeadlineKind, DocketOffice } from './docket-case.ts';
// The rule table is data (STYLE: "data over code for rules that change"). It is kept as JSON and
// imported with an import attribute: TypeScript, tsx, vitest and vite all read it, core stays free of
// file IO, and an administrator's table can later be passed to computeDocket in the same shape.
import ruleRows from './data/rules.json' with { type: 'json' };

/** What starts a period: a date of the case, a PCT date derived from it, or an event. */
export const DocketTrigger = z.enum([
  'filing',
  'earliest-priority',
  'pct-priority',
  'search-report-published',
  'grant-published',
  'r71-3-notified',
  'search-report-notified',
  'co-ownership-decision',
  'abandonment-planned',
  'invention-declaration-received',
]);
export type DocketTrigger = z.infer<typeof DocketTrigger>;

const MonthsPeriod = z.object({ type: z.literal('months'), months: z.number().int() });

/** Renewal year N falls due on the last day of the month of the (N-1)th anniversary of the trigger. */
const RenewalYearsPeriod = z.object({
  type: z.literal('renewal-years'),
  firstYear: z.number().int().min(1),
  lastYear: z.number().int().min(1),
});

const PaymentWindow = z.object({
  months: z.number().int().min(1),
  /** month-end: from the due date, last day to last day; from-trigger: trigger + (period - months). */
  counting: z.enum(['month-end', 'from-trigger']),
  /** Renewal year → months, where a year differs (EPC R.51(1): third year 6 months). */
  byYear: z.record(z.string(), z.number().int().min(1)),
});

const GracePeriod = z.object({
  months: z.number().int().min(1),
  /** month-end: last day to last day (J 4/91); same-day: R.131(4) from the unextended due date. */
  counting: z.enum(['month-end', 'same-day']),
  surchargePercent: z.number().nullable(),
});

/** One row of the rule table: a period, where it starts, how it ends, and the law it encodes. */
export const DocketRule = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  offices: z.array(DocketOffice).min(1),
  trigger: DocketTrigger,
  kind: DeadlineKind,
  period: z.discriminatedUnion('type', [MonthsPeriod, RenewalYearsPeriod]),
  year: z.number().nullable(),
  window: PaymentWindow.nullable(),
  grace: GracePeriod.nullable(),
  /** The calendar whose closed days extend the period; null: never extended. */
  calendar: z.union([CalendarId, z.literal('case')]).nullable(),
  /** grant-year: no fee after the year in which the mention of grant is published (EPC Art. 86(2)). */
  stopsAt: z.literal('grant-year').nullable(),
  basis: z.string().min(1),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  /** Which date picks the version in force: the trigger's, or the (unextended) due date's. */
  versionBy: z.enum(['trigger', 'due']),
  notes: z.string(),
  source: z.string().min(1),
});
export type DocketRule = z.infer<typeof DocketRule>;

/** The bundled rule table, checked once when the module loads. */
export const docketRules: readonly DocketRule[] = z.array(DocketRule).parse(ruleRows);

export function isInForce(rule: DocketRule, date: string): boolean {
  return rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo);
}
