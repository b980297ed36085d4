/*
 * Calendar arithmetic for the month grid, on ISO dates (`YYYY-MM-DD`) as the API writes them: whole days
 * in UTC, so a day never shifts with the reader's time zone. Weeks start on Monday (ISO 8601), as in
 * France and at the European offices.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function toUtc(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The reader's own calendar day (their clock, their zone), as an ISO date. */
export function localToday(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The same day `months` months later, or the last day of that month when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** `2026-11` for any day of November 2026. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function isMonth(text: string | null | undefined): text is string {
  if (!text) return false;
  const match = ISO_MONTH.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

/** Monday 0 … Sunday 6. */
export function weekdayIndex(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

/**
 * The weeks shown for a month: Monday to Sunday, from the week holding the 1st to the week holding the
 * last day, with the neighbouring months' days filling the first and last weeks.
 */
export function monthWeeks(month: string): string[][] {
  const first = firstOfMonth(month);
  const last = addDays(addMonths(first, 1), -1);
  let day = addDays(first, -weekdayIndex(first));
  const end = addDays(last, 6 - weekdayIndex(last));
  const weeks: string[][] = [];
  while (day <= end) {
    const week: string[] = [];
    for (let index = 0; index < 7; index++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/**
 * Where the focus goes in a date grid on a key (WAI-ARIA date picker pattern): arrows by a day or a
 * week, Home and End to the week's ends, Page Up and Page Down by a month (by a year with Shift).
 * Null for a key the grid does not handle.
 */
export function moveDate(date: string, key: string, shiftKey = false): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekdayIndex(date));
    case 'End':
      return addDays(date, 6 - weekdayIndex(date));
    case 'PageUp':
      return addMonths(date, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(date, shiftKey ? 12 : 1);
    default:
      return null;
  }
}

/** Items grouped by an ISO date key, each group in the order given. */
export function groupByDate<T>(items: readonly T[], dateOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const date = dateOf(item);
    const group = groups.get(date);
    if (group) group.push(item);
    else groups.set(date, [item]);
  }
  return groups;
}
