import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsMonthEnd,
  addYears,
  fromDayNumber,
  isoWeekday,
  lastDayOfMonth,
  parseIsoDate,
  toDayNumber,
} from './iso-date.ts';

describe('EPC R.131(4): periods in months', () => {
  it('ends on the same day number in the later month', () => {
    expect(addMonths('2019-11-27', 9)).toBe('2020-08-27');
    expect(addMonths('2024-03-15', 1)).toBe('2024-04-15');
  });

  it('ends on the last day of February when 31 January is the event (non-leap year)', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  });

  it('ends on 29 February when 31 January is the event (leap year)', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('ends on the 30th when the later month has no 31st', () => {
    expect(addMonths('2021-03-31', 6)).toBe('2021-09-30');
    expect(addMonths('2022-08-31', 2)).toBe('2022-10-31');
  });

  it('crosses year ends and counts backwards with the same clipping', () => {
    expect(addMonths('2021-11-30', 3)).toBe('2022-02-28');
    expect(addMonths('2024-06-30', -4)).toBe('2024-02-29');
    expect(addMonths('2014-06-30', -3)).toBe('2014-03-30');
  });
});

describe('EPC R.131(3): periods in years', () => {
  it('ends on 28 February when the event was 29 February', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('J 13/88: the 12-month priority period from 5 May 1986 expires on 5 May 1987', () => {
    // Case Law of the Boards III.D.1.1: the Legal Board applied R.83(2) and (4) EPC 1973 (now R.131).
    expect(addMonths('1986-05-05', 12)).toBe('1987-05-05');
  });
});

describe('month-end periods', () => {
  it('J 4/91: the grace period after a renewal fee due on 28 February runs to 31 August', () => {
    // Filed 24 February 1987, third-year fee due 28 February 1989, paid in time on 31 August 1989.
    expect(lastDayOfMonth(addMonths('1987-02-24', 24))).toBe('1989-02-28');
    expect(addMonthsMonthEnd('1989-02-28', 6)).toBe('1989-08-31');
  });

  it('counts from a month-end backwards to a month-end (Guidelines A-X, 5.2.4 prepayment)', () => {
    expect(addMonthsMonthEnd('2010-11-30', -3)).toBe('2010-08-31');
    expect(addMonthsMonthEnd('2011-05-31', -3)).toBe('2011-02-28');
    expect(addMonthsMonthEnd('2014-06-30', -3)).toBe('2014-03-31');
  });
});

describe('ISO dates', () => {
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('2021-04-31')).toBeNull();
    expect(parseIsoDate('2021-13-01')).toBeNull();
    expect(parseIsoDate('2021/01/01')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('turns dates into day numbers and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (const date of ['1899-12-31', '2000-02-29', '2012-06-30', '2099-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(addDays('2012-12-31', 2)).toBe('2013-01-02');
  });

  it('knows the weekday', () => {
    expect(isoWeekday('2012-06-30')).toBe(6);
    expect(isoWeekday('2013-06-30')).toBe(7);
    expect(isoWeekday('2014-03-31')).toBe(1);
    expect(isoWeekday('2020-08-27')).toBe(4);
  });
});
