import type { CalendarId, Deadline, DocketCase, DocketOffice } from './docket-case.ts';
import { docketRules, isInForce, type DocketRule, type DocketTrigger } from './docket-rule.ts';
import { addMonths, addMonthsMonthEnd, laterOf, lastDayOfMonth } from './iso-date.ts';
import { nextOpenDay, officeCalendars, type OfficeCalendars } from './office-calendar.ts';

/**
 * Which deadlines apply to which office is data (the `offices` and `trigger` of each rule row):
 * - every office: priority (12 months) and publication (18 months) from the earliest date;
 * - a WO case, or any case with a `pct-filed` event: PCT national phase (30 months) and EP regional phase
 *   (31 months) from the PCT's priority date;
 * - EP: renewals years 3–20 from filing, stopping at the year the mention of grant is published
 *   (EPC Art. 86(2)); examination request from the search-report event; R.71(3) reply; opposition,
 *   validation and unitary effect from the grant event;
 * - FR: annuities years 2–20; opposition from the grant event (patents granted from 1 April 2020);
 * - US: maintenance fees at 3.5, 7.5 and 11.5 years from the grant event.
 * Workflow rules (co-owners, employee inventions, INPI search report) fire on their own events.
 */
export interface DocketOptions {
  /** The rule table; the bundled one by default. */
  rules?: readonly DocketRule[];
  /** The office calendars; the bundled ones by default. */
  calendars?: OfficeCalendars;
}

interface Trigger {
  type: DocketTrigger;
  date: string;
}

export function computeDocket(docketCase: DocketCase, options: DocketOptions = {}): Deadline[] {
  const rules = options.rules ?? docketRules;
  const calendars = options.calendars ?? officeCalendars;
  const deadlines: Deadline[] = [];
  for (const versions of groupById(rules)) {
    const first = versions[0];
    if (!first || !first.offices.includes(docketCase.office)) continue;
    for (const trigger of triggersOf(first.trigger, docketCase, calendars)) {
      for (const year of yearsOf(versions, docketCase, trigger)) {
        const deadline = computeOne(versions, { docketCase, trigger, year, calendars });
        if (deadline) deadlines.push(deadline);
      }
    }
  }
  return deadlines.sort(
    (a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || (a.year ?? 0) - (b.year ?? 0),
  );
}

function groupById(rules: readonly DocketRule[]): DocketRule[][] {
  const groups = new Map<string, DocketRule[]>();
  for (const rule of rules) groups.set(rule.id, [...(groups.get(rule.id) ?? []), rule]);
  return [...groups.values()];
}

function earliestDate(docketCase: DocketCase): string {
  return docketCase.priorityDate ?? docketCase.filingDate;
}

/** The dates a rule's trigger gives for this case: none, one, or one per matching event. */
function triggersOf(type: DocketTrigger, docketCase: DocketCase, calendars: OfficeCalendars): Trigger[] {
  switch (type) {
    case 'filing':
      return [{ type, date: docketCase.filingDate }];
    case 'earliest-priority':
      return [{ type, date: earliestDate(docketCase) }];
    case 'pct-priority':
      return pctPriorityDates(docketCase, calendars).map((date) => ({ type, date }));
    default:
      return docketCase.events.filter((event) => event.type === type).map((event) => ({ type, date: event.date }));
  }
}

/**
 * The priority date of the PCT application (PCT Art. 2(xi)): the case's earliest date for a WO case;
 * for a case with a `pct-filed` event, the case's earliest date when the PCT was filed within the
 * priority period (12 months, PCT R.2.4, extended by R.80.5 on the INPI calendar), else the PCT's own
 * filing date.
 */
function pctPriorityDates(docketCase: DocketCase, calendars: OfficeCalendars): string[] {
  const earliest = earliestDate(docketCase);
  if (docketCase.office === 'WO') return [earliest];
  const priorityPeriodEnd = nextOpenDay(calendars, 'WO', addMonths(earliest, 12)).date;
  const dates = docketCase.events
    .filter((event) => event.type === 'pct-filed')
    .map((event) => (event.date >= earliest && event.date <= priorityPeriodEnd ? earliest : event.date));
  return [...new Set(dates)];
}

/** Renewal years for a renewal-years rule (null for a single deadline). */
function yearsOf(versions: DocketRule[], docketCase: DocketCase, trigger: Trigger): (number | null)[] {
  const periods = versions.map((rule) => rule.period).filter((period) => period.type === 'renewal-years');
  if (periods.length === 0) return [null];
  let last = Math.max(...periods.map((period) => period.lastYear));
  const grant = versions.some((rule) => rule.stopsAt === 'grant-year') ? earliestGrant(docketCase) : null;
  if (grant !== null) last = Math.min(last, patentYearOn(trigger.date, grant));
  const years: number[] = [];
  for (let year = Math.min(...periods.map((period) => period.firstYear)); year <= last; year += 1) years.push(year);
  return years;
}

function earliestGrant(docketCase: DocketCase): string | null {
  const dates = docketCase.events.filter((event) => event.type === 'grant-published').map((event) => event.date);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a <= b ? a : b));
}

/**
 * The patent year a date falls in, counted from the filing date: year N runs from the (N-1)th
 * anniversary. EPC Art. 86(2): the last renewal fee paid to the EPO is the one for the year in which
 * the mention of grant is published.
 */
export function patentYearOn(filingDate: string, date: string): number {
  let year = 1;
  while (addMonths(filingDate, 12 * year) <= date) year += 1;
  return year;
}

interface Instance {
  docketCase: DocketCase;
  trigger: Trigger;
  year: number | null;
  calendars: OfficeCalendars;
}

function unextendedDue(rule: DocketRule, trigger: Trigger, year: number | null): string | null {
  if (rule.period.type === 'months') return addMonths(trigger.date, rule.period.months);
  if (year === null || year < rule.period.firstYear || year > rule.period.lastYear) return null;
  // EPC R.51(1), CPI R.613-46: due on the last day of the month of the filing anniversary.
  return lastDayOfMonth(addMonths(trigger.date, 12 * (year - 1)));
}

/** Picks the rule version in force (by trigger or due date, as the row says) and computes the deadline. */
function computeOne(versions: DocketRule[], instance: Instance): Deadline | null {
  const { trigger, year } = instance;
  const candidates = versions
    .map((rule) => ({ rule, due: unextendedDue(rule, trigger, year) }))
    .filter((entry): entry is { rule: DocketRule; due: string } => entry.due !== null)
    .filter(({ rule, due }) => isInForce(rule, rule.versionBy === 'due' ? due : trigger.date))
    .sort((a, b) => b.rule.validFrom.localeCompare(a.rule.validFrom));
  const chosen = candidates[0];
  if (!chosen) return null;
  const dates = { dueUnextended: chosen.due, windowOpens: windowOpens(versions, chosen.due, instance) };
  return buildDeadline(chosen.rule, dates, instance);
}

function calendarOf(rule: DocketRule, office: DocketOffice): CalendarId | null {
  if (rule.calendar === 'case') return office;
  return rule.calendar;
}

function buildDeadline(
  rule: DocketRule,
  { dueUnextended, windowOpens }: { dueUnextended: string; windowOpens: string | null },
  { docketCase, trigger, year, calendars }: Instance,
): Deadline {
  const calendar = calendarOf(rule, docketCase.office);
  const extend = (date: string) =>
    calendar === null ? { date, inferredClosingDays: [] } : nextOpenDay(calendars, calendar, date);
  // J 4/91: the grace period counts from the unextended due date; R.134(1) then moves only its end.
  const graceEndUnextended = rule.grace ? graceEnd(rule.grace, dueUnextended) : null;
  const due = extend(dueUnextended);
  const grace = graceEndUnextended === null ? null : extend(graceEndUnextended);
  return {
    kind: rule.kind,
    due: due.date,
    graceEnd: grace?.date ?? null,
    year: year ?? rule.year,
    basis: rule.basis,
    ruleId: `${rule.id}@${rule.validFrom}`,
    trigger: { type: trigger.type, date: trigger.date },
    calendar,
    dueUnextended,
    graceEndUnextended,
    windowOpens,
    surchargePercent: rule.grace?.surchargePercent ?? null,
    inferredClosingDays: [...due.inferredClosingDays, ...(grace?.inferredClosingDays ?? [])],
    notes: rule.notes,
  };
}

function graceEnd(grace: NonNullable<DocketRule['grace']>, dueUnextended: string): string {
  return grace.counting === 'month-end'
    ? addMonthsMonthEnd(dueUnextended, grace.months)
    : addMonths(dueUnextended, grace.months);
}

/**
 * First day of valid payment. month-end: Guidelines A-X, 5.2.4 (due 30 November → from 31 August);
 * from-trigger: 37 CFR 1.362(d), the window opens 3, 7 or 11 years after grant. When the rule changed
 * (EPC R.51(1) from 1 April 2018), a payment is valid if the version in force on the payment day allows
 * it, so the window opens on the earliest such day over the versions.
 */
function windowOpens(versions: DocketRule[], dueUnextended: string, instance: Instance): string | null {
  const { trigger, year } = instance;
  const openings = versions.flatMap((rule) => {
    const window = rule.window;
    if (!window || unextendedDue(rule, trigger, year) === null) return [];
    const months = (year === null ? undefined : window.byYear[String(year)]) ?? window.months;
    const periodMonths = rule.period.type === 'months' ? rule.period.months : 12 * ((year ?? 1) - 1);
    const opens =
      window.counting === 'month-end'
        ? addMonthsMonthEnd(dueUnextended, -months)
        : addMonths(trigger.date, periodMonths - months);
    const firstValid = laterOf(opens, rule.validFrom);
    const inForce = rule.validTo === null || firstValid <= rule.validTo;
    return inForce && firstValid <= dueUnextended ? [firstValid] : [];
  });
  return openings.length === 0 ? null : openings.reduce((a, b) => (a <= b ? a : b));
}
