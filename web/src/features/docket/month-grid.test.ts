import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, groupByDate, isMonth, localToday, monthWeeks, moveDate, weekdayIndex } from './month-grid.ts';

describe('the month grid', () => {
  it('starts on the Monday of the week holding the 1st and ends on the Sunday of the week holding the last day', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks[0]?.[6]).toBe('2026-11-01');
    expect(weeks.at(-1)?.[0]).toBe('2026-11-30');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('needs only four weeks for a February that starts on a Monday', () => {
    const weeks = monthWeeks('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });

  it('holds 29 February in a leap year and crosses the year end', () => {
    expect(monthWeeks('2028-02').flat()).toContain('2028-02-29');
    const december = monthWeeks('2026-12');
    expect(december.at(-1)?.[6]).toBe('2027-01-03');
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and the leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-29', '2026-12-29')).toBe(30);
    expect(daysBetween('2026-11-29', '2026-11-20')).toBe(-9);
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', -11)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('reads the local calendar day, not the UTC one', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('accepts only real months', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});

describe('keyboard moves in the grid', () => {
  it('moves by a day, a week, to the week ends, by a month and by a year', () => {
    expect(moveDate('2026-11-30', 'ArrowLeft')).toBe('2026-11-29');
    expect(moveDate('2026-11-30', 'ArrowRight')).toBe('2026-12-01');
    expect(moveDate('2026-11-30', 'ArrowUp')).toBe('2026-11-23');
    expect(moveDate('2026-11-30', 'ArrowDown')).toBe('2026-12-07');
    expect(moveDate('2026-11-26', 'Home')).toBe('2026-11-23');
    expect(moveDate('2026-11-26', 'End')).toBe('2026-11-29');
    expect(moveDate('2027-01-31', 'PageDown')).toBe('2027-02-28');
    expect(moveDate('2026-03-31', 'PageUp')).toBe('2026-02-28');
    expect(moveDate('2028-02-29', 'PageDown', true)).toBe('2029-02-28');
  });

  it('leaves other keys to the page', () => {
    expect(moveDate('2026-11-30', 'Enter')).toBeNull();
    expect(moveDate('2026-11-30', 'a')).toBeNull();
  });
});

describe('grouping by date', () => {
  it('keeps the order of the items within a day', () => {
    const groups = groupByDate(
      [
        { id: 'a', due: '2026-12-01' },
        { id: 'b', due: '2026-12-02' },
        { id: 'c', due: '2026-12-01' },
      ],
      (item) => item.due,
    );
    expect(groups.get('2026-12-01')?.map((item) => item.id)).toEqual(['a', 'c']);
    expect(groups.get('2026-12-03')).toBeUndefined();
  });
});
