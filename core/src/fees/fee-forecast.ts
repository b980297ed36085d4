import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';
import { Currency, ScheduleInfo, UsptoEntity } from './fee-table.ts';

/**
 * After grant, EP renewal fees stop (EPC Art. 86(2)). `none`: the national renewal fees of the validation
 * states follow, which are not in the data, so they are reported as unknown; `unitary`: the Unitary Patent
 * renewal fees follow (for grants mentioned from 2023-06-01). Families carry no unitary-effect flag yet,
 * so this is a choice made for the whole answer.
 */
export const AfterGrantEP = z.enum(['none', 'unitary']);
export type AfterGrantEP = z.infer<typeof AfterGrantEP>;

/** How fees are priced. */
export const ForecastOptions = z.object({
  /**
   * INPI reduced rate: the institution is a non-profit teaching and research body, which the reduced
   * rate covers [verify eligibility] (fees/README.md). Default true.
   */
  inpiReducedRate: z.boolean(),
  /** USPTO entity size; large (undiscounted) by default until the small-entity claim is checked [verify]. */
  usptoEntity: UsptoEntity,
  afterGrantEP: AfterGrantEP,
});
export type ForecastOptions = z.infer<typeof ForecastOptions>;

export const defaultForecastOptions: ForecastOptions = { inpiReducedRate: true, usptoEntity: 'large', afterGrantEP: 'none' };

/** The options as query parameters (`?inpiReducedRate=false&usptoEntity=small&afterGrantEP=unitary`). */
export const ForecastOptionsQuery = z.object({
  inpiReducedRate: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(defaultForecastOptions.inpiReducedRate ? 'true' : 'false')
    .transform((value) => value === 'true'),
  usptoEntity: UsptoEntity.default(defaultForecastOptions.usptoEntity),
  afterGrantEP: AfterGrantEP.default(defaultForecastOptions.afterGrantEP),
});

export const PortfolioForecastQuery = ForecastOptionsQuery.extend({
  years: z.coerce.number({ error: 'must be a number' }).int().min(1).max(20).default(5),
});
export type PortfolioForecastQuery = z.infer<typeof PortfolioForecastQuery>;

/** renewal: EP renewal fee or INPI annuity; maintenance-fee: USPTO; unitary-renewal: Unitary Patent. */
export const FeeKind = z.enum(['renewal', 'maintenance-fee', 'unitary-renewal']);
export type FeeKind = z.infer<typeof FeeKind>;

/** One fee of one application, priced from a schedule. */
export const FeeLine = z.object({
  applicationId: Id,
  office: z.string(),
  applicationNumber: z.string(),
  kind: FeeKind,
  /** Renewal year, or 3.5 / 7.5 / 11.5 for a USPTO maintenance fee. */
  year: z.number(),
  /** Last day to pay without surcharge (the docket's due date, after the closed-day extension). */
  due: IsoDate,
  /** The day the fee is taken to be paid, which picks the schedule: the due date. */
  paymentDate: IsoDate,
  amount: z.number(),
  currency: Currency,
  schedule: z.string(),
  source: z.string(),
  /** The amount was not confirmed in an official text (`[verify]` in its source or a fallback). */
  verify: z.boolean(),
  note: z.string().nullable(),
});
export type FeeLine = z.infer<typeof FeeLine>;

/**
 * A fee the data cannot price: a year with no amount (INPI 19th annuity), national fees after an EP grant,
 * maintenance fees of an application not granted yet, or an office with no fee table. `due` is null when
 * the date itself is not known.
 */
export const UnknownFee = z.object({
  applicationId: Id,
  office: z.string(),
  applicationNumber: z.string(),
  kind: z.enum(['renewal', 'maintenance-fee', 'unitary-renewal', 'national-renewal', 'office-fees']),
  year: z.number().nullable(),
  due: IsoDate.nullable(),
  reason: z.string(),
});
export type UnknownFee = z.infer<typeof UnknownFee>;

/** A sum in one currency; `verify` is true when any fee in it is. */
export const CurrencyTotal = z.object({
  currency: Currency,
  amount: z.number(),
  fees: z.number().int(),
  verify: z.boolean(),
});
export type CurrencyTotal = z.infer<typeof CurrencyTotal>;

/** Fees over a period, per currency (EUR and USD always listed, never converted). */
export const CostPeriod = z.object({
  /** Inclusive bounds; null: open (from filing, or to the end of the term). */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  totals: z.array(CurrencyTotal),
  lines: z.array(FeeLine),
  unknown: z.array(UnknownFee),
});
export type CostPeriod = z.infer<typeof CostPeriod>;

export const FamilyCosts = z.object({
  today: IsoDate,
  options: ForecastOptions,
  /** Fees due on or before today while the application was alive. */
  toDate: CostPeriod,
  /** Fees due in (today, today + 5 years]. */
  next5Years: CostPeriod,
  /** Every fee from filing to the end of the term (20 years from filing) while the application is alive. */
  life: CostPeriod,
  notes: z.array(z.string()),
});
export type FamilyCosts = z.infer<typeof FamilyCosts>;

/** What abandoning applications today saves: their future fees. */
export const Savings = z.object({
  applicationIds: z.array(Id),
  next5Years: z.array(CurrencyTotal),
  untilExpiry: z.array(CurrencyTotal),
  lines: z.array(FeeLine),
  unknown: z.array(UnknownFee),
});
export type Savings = z.infer<typeof Savings>;

/** `GET /api/families/{id}/costs`. */
export const FamilyCostsAnswer = z.object({
  family: z.object({
    id: Id,
    title: z.string(),
    reference: z.string().nullable(),
    schoolId: Id,
    schoolName: z.string(),
  }),
  costs: FamilyCosts,
  /** Per application not refused, withdrawn, lapsed or abandoned: what abandoning it today would save. */
  savingsIfAbandoned: z.array(
    z.object({ applicationId: Id, office: z.string(), applicationNumber: z.string(), savings: Savings }),
  ),
  schedules: z.array(ScheduleInfo),
});
export type FamilyCostsAnswer = z.infer<typeof FamilyCostsAnswer>;

export const BudgetYear = z.object({ year: z.number().int(), from: IsoDate, to: IsoDate });
export type BudgetYear = z.infer<typeof BudgetYear>;

/** One cell of the budget: a year, a school, an office; per currency. */
export const BudgetRow = z.object({
  year: z.number().int(),
  schoolId: Id,
  schoolName: z.string(),
  office: z.string(),
  totals: z.array(CurrencyTotal),
  /** Fees due that year whose amount is unknown (see `unknown` for the reasons). */
  unknownFees: z.number().int(),
});
export type BudgetRow = z.infer<typeof BudgetRow>;

export const PortfolioBudget = z.object({
  today: IsoDate,
  options: ForecastOptions,
  /** Calendar years: the rest of the current year (from tomorrow), then whole years. */
  years: z.array(BudgetYear),
  rows: z.array(BudgetRow),
  totals: z.object({
    all: z.array(CurrencyTotal),
    byYear: z.array(z.object({ year: z.number().int(), totals: z.array(CurrencyTotal) })),
    bySchool: z.array(z.object({ schoolId: Id, schoolName: z.string(), totals: z.array(CurrencyTotal) })),
    byOffice: z.array(z.object({ office: z.string(), totals: z.array(CurrencyTotal) })),
  }),
  /** Fees in the budget's years, or of alive applications with no known date, that the data cannot price. */
  unknown: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  families: z.number().int(),
  /** The schedules the amounts were read from, with their sources and `[verify]` marks. */
  schedules: z.array(ScheduleInfo),
  notes: z.array(z.string()),
});
export type PortfolioBudget = z.infer<typeof PortfolioBudget>;
