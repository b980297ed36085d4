/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), as the offices count: whole days, no time of day, no
 * time zone. Dates are turned into day numbers with integer arithmetic only (no `Date`), so the result
 * never depends on the machine's zone or clock.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}


/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses `YYYY-MM-DD`; null when the text is not a real calendar date (2021-02-29, 2021-13-01…). */
export function parseIsoDate(text: string): CalendarDate | null {
  // Read digit by digit: the docket parses millions of dates for a large portfolio, and this is several
  // times faster than a regular expression.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The number written by the decimal digits text[from, to), or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`not an ISO date: ${text}`);
  return date;
}

/** Day number since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(text: string): number {
  const { year, month, day } = toDate(text);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber (H. Hinnant's civil_from_days). */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(text: string, days: number): string {
  return fromDayNumber(toDayNumber(text) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(text: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(text) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds calendar months the way EPC R.131(4) counts a period in months: the period ends in the relevant
 * later month on the day with the same number as the event's day, or on that month's last day when it
 * has no such day (31 January + 1 month = 28 or 29 February). A period in years (R.131(3)) is the same
 * with 12 months a year (29 February + 1 year = 28 February). PCT R.80.2/80.3 and the French rule
 * count the same way. Negative months count backwards with the same clipping.
 */
export function addMonths(text: string, months: number): string {
  const { year, month, day } = toDate(text);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

export function addYears(text: string, years: number): string {
  return addMonths(text, years * 12);
}

export function lastDayOfMonth(text: string): string {
  const { year, month } = toDate(text);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/**
 * A period "from the last day of the month to the last day of the month": the renewal-fee grace period
 * runs from a due date that is a month's last day to the last day of the sixth month after (J 4/91,
 * applying R.83(4) EPC 1973, now R.131(4), in the light of the month-end due date). The same month-end
 * counting gives the first day of the renewal-fee prepayment window (Guidelines A-X, 5.2.4: due
 * 30 November → payable from 31 August).
 */
export function addMonthsMonthEnd(text: string, months: number): string {
  return lastDayOfMonth(addMonths(text, months));
}

/** The later of two ISO dates (ISO dates with four-digit years sort as text). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Whole years of a date: handy for calendars built per year. */
export function yearOf(text: string): number {
  return toDate(text).year;
}
