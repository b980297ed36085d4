import { z } from 'zod';
import { IsoDate } from '../common.ts';
import { CalendarId } from './docket-case.ts';
import { easterSunday } from './easter.ts';
import { addDays, daysInMonth, formatIsoDate, isoWeekday, yearOf } from './iso-date.ts';
// Calendars are data with a source on every row (see data/README.md), imported as JSON for the same
// reason as the rule table: no file IO in core, one shape for bundled and administrator-loaded data.
import calendarDocument from './data/office-calendars.json' with { type: 'json' };
import epoClosingDayRows from './data/epo-closing-days.json' with { type: 'json' };

const HolidayRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.object({ type: z.literal('easter'), offset: z.number().int() }),
  z.object({
    type: z.literal('nth-weekday'),
    month: z.number().int().min(1).max(12),
    weekday: z.number().int().min(1).max(7),
    n: z.number().int().min(-1).max(5),
  }),
]);

const Holiday = z.object({
  name: z.string(),
  rule: HolidayRule,
  /** us-federal: Saturday → Friday before, Sunday → Monday after (5 U.S.C. 6103(b), EO 11582). */
  observed: z.enum(['none', 'us-federal', 'next-monday-if-sunday']),
  fromYear: z.number().int().nullable(),
  /** Every N years counted from fromYear (Inauguration Day); null: every year. */
  everyYears: z.number().int().nullable(),
  source: z.string().min(1),
});
type Holiday = z.infer<typeof Holiday>;

const Common = { id: CalendarId, office: z.string(), extension: z.string(), source: z.string().min(1) };
const Weekend = z.array(z.number().int().min(1).max(7));

const CalendarDocument = z.object({
  calendars: z.array(
    z.discriminatedUnion('kind', [
      z.object({ ...Common, kind: z.literal('rules'), weekendDays: Weekend, holidays: z.array(Holiday) }),
      z.object({ ...Common, kind: z.literal('alias'), sameAs: CalendarId }),
      z.object({
        ...Common,
        kind: z.literal('epo'),
        weekendDays: Weekend,
        noticeYears: z.array(
          z.object({ year: z.number().int(), status: z.enum(['complete', 'partial', 'missing']), source: z.string().min(1) }),
        ),
        inferredPattern: z.array(Holiday),
      }),
    ]),
  ),
});
export type CalendarDocument = z.infer<typeof CalendarDocument>;

const EpoClosingDay = z.object({ date: IsoDate, name: z.string(), offices: z.array(z.string()).min(1), source: z.string().min(1) });
export type EpoClosingDay = z.infer<typeof EpoClosingDay>;

export interface Closure {
  closed: boolean;
  /** Why the office is closed: "Saturday", the holiday's name, the closing day's name and offices. */
  reason: string | null;
  /** True when the closing day comes from the recurring pattern, not from a notice that lists it. */
  inferred: boolean;
}

export interface OfficeCalendars {
  closure(calendar: CalendarId, date: string): Closure;
}

const OPEN: Closure = { closed: false, reason: null, inferred: false };

/** The dates a holiday rule gives in one year, observed days included. */
function holidayDates(holiday: Holiday, year: number): string[] {
  if (holiday.fromYear !== null && year < holiday.fromYear) return [];
  if (holiday.everyYears !== null && (year - (holiday.fromYear ?? 0)) % holiday.everyYears !== 0) return [];
  const rule = holiday.rule;
  let date: string;
  if (rule.type === 'fixed') date = formatIsoDate({ year, month: rule.month, day: rule.day });
  else if (rule.type === 'easter') date = addDays(easterSunday(year), rule.offset);
  else date = nthWeekday(year, rule.month, rule.weekday, rule.n);
  const weekday = isoWeekday(date);
  if (holiday.observed === 'us-federal' && weekday === 6) return [date, addDays(date, -1)];
  if (holiday.observed !== 'none' && weekday === 7) return [date, addDays(date, 1)];
  return [date];
}

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = formatIsoDate({ year, month, day: 1 });
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

/** Builds the calendars from their data (the bundled files, or tables an administrator loaded). */
export function createOfficeCalendars(document: unknown, epoClosingDays: unknown): OfficeCalendars {
  const { calendars } = CalendarDocument.parse(document);
  const listed = new Map(z.array(EpoClosingDay).parse(epoClosingDays).map((day) => [day.date, day]));
  const byId = new Map(calendars.map((calendar) => [calendar.id, calendar]));
  // Holidays by calendar and year; a year's observed days may fall in the year before (1 January on a
  // Saturday is kept on 31 December), so a date is looked up in its own year and the next.
  const cache = new Map<string, Map<string, string>>();
  const holidaysOf = (id: string, holidays: Holiday[], year: number): Map<string, string> => {
    const key = `${id}:${year}`;
    let dates = cache.get(key);
    if (!dates) {
      dates = new Map();
      for (const holiday of holidays) for (const date of holidayDates(holiday, year)) dates.set(date, holiday.name);
      cache.set(key, dates);
    }
    return dates;
  };
  const holidayName = (id: string, holidays: Holiday[], date: string): string | undefined => {
    const year = yearOf(date);
    return holidaysOf(id, holidays, year).get(date) ?? holidaysOf(id, holidays, year + 1).get(date);
  };

  const closure = (id: CalendarId, date: string, depth = 0): Closure => {
    const calendar = byId.get(id);
    if (!calendar) throw new RangeError(`no calendar ${id}`);
    if (calendar.kind === 'alias') {
      if (depth > 3) throw new RangeError(`calendar ${id} is an alias loop`);
      return closure(calendar.sameAs, date, depth + 1);
    }
    const weekday = isoWeekday(date);
    if (calendar.weekendDays.includes(weekday)) return { closed: true, reason: weekday === 6 ? 'Saturday' : 'Sunday', inferred: false };
    if (calendar.kind === 'rules') {
      const name = holidayName(id, calendar.holidays, date);
      return name ? { closed: true, reason: name, inferred: false } : OPEN;
    }
    // EPC R.134(1): closed when at least one filing office is closed, so any listed office counts.
    const day = listed.get(date);
    if (day) return { closed: true, reason: `${day.name} (${day.offices.join(', ')})`, inferred: false };
    const status = calendar.noticeYears.find((entry) => entry.year === yearOf(date))?.status ?? 'missing';
    if (status === 'complete') return OPEN;
    const name = holidayName(id, calendar.inferredPattern, date);
    return name ? { closed: true, reason: `${name} (recurring all-office closing day, inferred)`, inferred: true } : OPEN;
  };
  return { closure: (id, date) => closure(id, date) };
}

/** The calendars bundled with Valo. */
export const officeCalendars: OfficeCalendars = createOfficeCalendars(calendarDocument, epoClosingDayRows);

const LONGEST_CLOSURE_DAYS = 60;

/**
 * The day a period that ends on `date` really ends: the same day when the office is open, else the
 * next open day (EPC R.134(1); PCT R.80.5; Paris Convention art. 4C(3); CPI R.618-3; 35 U.S.C. 21(b)).
 */
export function nextOpenDay(
  calendars: OfficeCalendars,
  calendar: CalendarId,
  date: string,
): { date: string; inferredClosingDays: string[] } {
  const inferredClosingDays: string[] = [];
  let day = date;
  for (let step = 0; step <= LONGEST_CLOSURE_DAYS; step += 1) {
    const closure = calendars.closure(calendar, day);
    if (!closure.closed) return { date: day, inferredClosingDays };
    if (closure.inferred) inferredClosingDays.push(day);
    day = addDays(day, 1);
  }
  throw new RangeError(`calendar ${calendar} has no open day within ${LONGEST_CLOSURE_DAYS} days of ${date}`);
}
