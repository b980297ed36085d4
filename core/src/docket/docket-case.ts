import { z } from 'zod';

/** Says "is required" for a missing key, else the given message, so a CLI error names what to fix. */
const requiredOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : message;

/** The offices a case can be at: INPI, EPO, a PCT application, USPTO. */
export const DocketOffice = z.enum(['FR', 'EP', 'WO', 'US'], { error: requiredOr('must be one of FR, EP, WO, US') });
export type DocketOffice = z.infer<typeof DocketOffice>;

/** The procedural events a case records, as the `valo docket compute` input names them. */
export const DocketCaseEventType = z.enum(['search-report-published', 'grant-published', 'r71-3-notified', 'pct-filed'], {
  error: requiredOr('must be one of search-report-published, grant-published, r71-3-notified, pct-filed'),
});
export type DocketCaseEventType = z.infer<typeof DocketCaseEventType>;

/**
 * Events the workflow triggers on top of the case's own events: an INPI search report, a co-owner
 * decision, a planned abandonment, an employee's invention declaration. They are not part of the CLI
 * input.
 */
export const DocketWorkflowEventType = z.enum([
  'search-report-notified',
  'co-ownership-decision',
  'abandonment-planned',
  'invention-declaration-received',
]);
export type DocketWorkflowEventType = z.infer<typeof DocketWorkflowEventType>;

export type DocketEventType = DocketCaseEventType | DocketWorkflowEventType;

export interface DocketEvent {
  type: DocketEventType;
  date: string;
}

/** A case as the engine reads it. */
export interface DocketCase {
  office: DocketOffice;
  filingDate: string;
  priorityDate: string | null;
  events: DocketEvent[];
}

/** A date of the case: the common IsoDate check, with "is required" when the key is missing. */
const CaseDate = z.iso.date({ error: requiredOr('must be a date YYYY-MM-DD') });

/**
 * The CLI's input document (a fixed interface: other tools write it). Every key is required;
 * `priorityDate` is null when no priority is claimed.
 */
export const DocketCaseInput = z
  .object(
    {
      office: DocketOffice,
      filingDate: CaseDate,
      priorityDate: CaseDate.nullable(),
      events: z.array(z.object({ type: DocketCaseEventType, date: CaseDate }), {
        error: requiredOr('must be a list of events'),
      }),
    },
    { error: 'must be a JSON object with office, filingDate, priorityDate and events' },
  )
  .refine((value) => value.priorityDate === null || value.priorityDate <= value.filingDate, {
    error: 'must not be after filingDate',
    path: ['priorityDate'],
  });
export type DocketCaseInput = z.infer<typeof DocketCaseInput>;

/** What a deadline is about. The first eleven are the CLI's kinds; the rest come from workflow events. */
export const DeadlineKind = z.enum([
  'priority',
  'publication',
  'national-phase',
  'regional-phase',
  'examination-request',
  'renewal',
  'r71-3-reply',
  'opposition-end',
  'validation',
  'unitary-effect-request',
  'maintenance-fee',
  'search-report-reply',
  'co-owner-information',
  'abandonment-notice',
  'classification-answer',
  'attribution-claim',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** The calendars whose closed days move a deadline (WO: the PCT office concerned). */
export const CalendarId = z.enum(['FR', 'EP', 'WO', 'US']);
export type CalendarId = z.infer<typeof CalendarId>;

/** One computed deadline. */
export interface Deadline {
  kind: DeadlineKind;
  /** Last day to act without surcharge, after the closed-day extension. */
  due: string;
  /** Last day to act with the surcharge, after the closed-day extension; null when there is no grace period. */
  graceEnd: string | null;
  /** Renewal year (3 for the third-year fee), or 3.5 / 7.5 / 11.5 for USPTO maintenance fees. */
  year: number | null;
  /** The legal provisions the deadline rests on. */
  basis: string;
  /** `<rule id>@<valid from>`: the rule-table row that produced it. */
  ruleId: string;
  trigger: { type: string; date: string };
  /** The calendar whose closed days moved the dates, or null when the rule is never extended. */
  calendar: CalendarId | null;
  dueUnextended: string;
  graceEndUnextended: string | null;
  /** First day a fee may validly be paid (renewals, annuities, maintenance fees), else null. */
  windowOpens: string | null;
  surchargePercent: number | null;
  /** Closing days assumed from the recurring pattern (no notice seen) that the extension relied on. */
  inferredClosingDays: string[];
  notes: string;
}
