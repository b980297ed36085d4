import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.ts';

describe('easterSunday', () => {
  // The Easter Sundays of the reference list of French public holidays (calendars/fr-public-holidays.md),
  // which match the Easter-based days of the EPO notices for 2015, 2017, 2020, 2023 and 2024.
  const table: [number, string][] = [
    [2015, '2015-04-05'],
    [2016, '2016-03-27'],
    [2017, '2017-04-16'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ];

  it.each(table)('gives Easter Sunday %i as %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('reaches the earliest and latest possible dates', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
});
