import type { Random } from './demo-random.ts';

/** Calendar dates as the offices write them (YYYY-MM-DD), computed in UTC so no time zone shifts a day. */
export type IsoDay = string;

/** The demo institution's "today": everything it holds happened on or before this day. */
export const DEMO_AS_OF: IsoDay = '2026-03-01';

const DAY_MS = 86_400_000;

function toUtc(day: IsoDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function fromUtc(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return fromUtc(new Date(toUtc(day).getTime() + days * DAY_MS));
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** Month arithmetic as EPC R.131(4): the same day number, or the month's last day when it has none. */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const date = toUtc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return fromUtc(target);
}

export function lastDayOfMonth(day: IsoDay): IsoDay {
  const date = toUtc(day);
  return fromUtc(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: IsoDay): number {
  return toUtc(day).getUTCDay();
}

/** The first day on or after `day` that falls on `wantedWeekday` (offices publish on a fixed weekday). */
export function onOrAfterWeekday(day: IsoDay, wantedWeekday: number): IsoDay {
  return addDays(day, (wantedWeekday - weekday(day) + 7) % 7);
}

/** The first Monday-to-Friday day on or after `day`. */
export function workingDayOnOrAfter(day: IsoDay): IsoDay {
  const dow = weekday(day);
  return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
}

export function yearOf(day: IsoDay): number {
  return Number(day.slice(0, 4));
}

export function maxDay(...days: IsoDay[]): IsoDay {
  return days.reduce((latest, day) => (day > latest ? day : latest));
}

export function minDay(...days: IsoDay[]): IsoDay {
  return days.reduce((earliest, day) => (day < earliest ? day : earliest));
}

/** A day in [from, to], both included. */
export function randomDay(random: Random, from: IsoDay, to: IsoDay): IsoDay {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** The last Monday-to-Friday day on or before `day`. */
export function workingDayOnOrBefore(day: IsoDay): IsoDay {
  const dow = weekday(day);
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, -2) : day;
}

/** A working day in [from, to] (when the range holds one). */
export function randomWorkingDay(random: Random, from: IsoDay, to: IsoDay): IsoDay {
  const day = workingDayOnOrAfter(randomDay(random, from, to));
  return day > to ? workingDayOnOrBefore(to) : day;
}

/** Record timestamps come from the record's own dates, at 08:00 UTC, so the demo never reads a clock. */
export function stamp(day: IsoDay): string {
  return `${day}T08:00:00.000Z`;
}
