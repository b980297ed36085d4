import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import { easterSunday } from './easter.ts';
import { createOfficeCalendars, nextOpenDay, officeCalendars } from './office-calendar.ts';
import calendarDocument from './data/office-calendars.json' with { type: 'json' };

const closed = (calendar: 'FR' | 'EP' | 'US' | 'WO', date: string) => officeCalendars.closure(calendar, date).closed;

describe('INPI calendar (Code du travail L.3133-1)', () => {
  // Easter Monday, Ascension and Whit Monday from the reference list, several years.
  const movable: [string, string, string][] = [
    ['2015-04-06', '2015-05-14', '2015-05-25'],
    ['2019-04-22', '2019-05-30', '2019-06-10'],
    ['2024-04-01', '2024-05-09', '2024-05-20'],
    ['2027-03-29', '2027-05-06', '2027-05-17'],
    ['2030-04-22', '2030-05-30', '2030-06-10'],
  ];

  it.each(movable)('closes on Easter Monday %s, Ascension %s and Whit Monday %s', (monday, ascension, whitMonday) => {
    for (const date of [monday, ascension, whitMonday]) expect(closed('FR', date)).toBe(true);
    expect(officeCalendars.closure('FR', whitMonday).reason).toBe('Lundi de Pentecôte');
  });

  it('closes on the fixed national days but not on Good Friday (Alsace-Moselle only)', () => {
    for (const date of ['2021-07-14', '2021-05-08', '2021-11-11', '2021-11-01', '2021-12-25', '2021-01-01']) {
      expect(closed('FR', date)).toBe(true);
    }
    expect(closed('FR', addDays(easterSunday(2021), -2))).toBe(false);
    expect(closed('FR', '2022-12-26')).toBe(false); // a Monday: Saint-Étienne is local only
  });

  it('does not move a holiday that falls on a weekend', () => {
    // 14 July 2024 is a Sunday; Monday 15 July is a working day in France.
    expect(closed('FR', '2024-07-15')).toBe(false);
  });

  it('serves the PCT calendar through the INPI one', () => {
    expect(closed('WO', '2024-05-20')).toBe(true);
    expect(closed('WO', '2024-05-21')).toBe(false);
  });
});

describe('EPO calendar (EPC R.134(1))', () => {
  it('is closed when any one filing office is closed', () => {
    // King's Day: The Hague only.
    expect(officeCalendars.closure('EP', '2023-04-27')).toEqual({
      closed: true,
      reason: "King's Day (The Hague)",
      inferred: false,
    });
    expect(closed('EP', '2017-06-15')).toBe(true); // Corpus Christi, Munich only
  });

  it('is open on a weekday a complete year does not list', () => {
    expect(closed('EP', '2017-10-31')).toBe(false);
    expect(closed('EP', '2015-01-05')).toBe(false);
  });

  it('infers the all-office closing days of a year whose notice was not seen', () => {
    expect(officeCalendars.closure('EP', '2016-03-25')).toMatchObject({ closed: true, inferred: true }); // Good Friday
    expect(officeCalendars.closure('EP', '2012-12-31')).toMatchObject({ closed: true, inferred: true });
    expect(officeCalendars.closure('EP', '2016-06-15')).toMatchObject({ closed: false });
    // In a complete year a listed day is not inferred, and an unlisted pattern day would not be added.
    expect(officeCalendars.closure('EP', '2015-12-31')).toMatchObject({ closed: true, inferred: false });
  });

  it('keeps the listed closures of a partly seen year', () => {
    expect(officeCalendars.closure('EP', '2012-12-27')).toMatchObject({ closed: true, inferred: false });
    expect(officeCalendars.closure('EP', '2021-12-30')).toMatchObject({ closed: true, inferred: false });
  });
});

describe('USPTO calendar (35 U.S.C. 21(b), 5 U.S.C. 6103)', () => {
  it('closes on Monday holidays', () => {
    expect(closed('US', '2024-01-15')).toBe(true); // Martin Luther King, Jr.
    expect(closed('US', '2024-05-27')).toBe(true); // Memorial Day, last Monday of May
    expect(closed('US', '2024-11-28')).toBe(true); // Thanksgiving
    expect(closed('US', '2024-11-21')).toBe(false);
  });

  it('closes on the observed day of a weekend holiday', () => {
    expect(closed('US', '2020-07-03')).toBe(true); // 4 July 2020 was a Saturday
    expect(closed('US', '2021-07-05')).toBe(true); // 4 July 2021 was a Sunday
    expect(closed('US', '2021-12-31')).toBe(true); // 1 January 2022 was a Saturday
    expect(closed('US', '2021-06-18')).toBe(true); // first Juneteenth, 19 June 2021 a Saturday
    expect(closed('US', '2019-06-19')).toBe(false); // before Juneteenth became a holiday
  });

  it('closes on Inauguration Day, the 21st when the 20th is a Sunday', () => {
    expect(closed('US', '2009-01-20')).toBe(true);
    expect(closed('US', '2013-01-21')).toBe(true);
    expect(closed('US', '2010-01-20')).toBe(false);
  });
});

describe('nextOpenDay', () => {
  it('moves a Saturday to the Monday', () => {
    expect(nextOpenDay(officeCalendars, 'EP', '2012-06-30')).toEqual({ date: '2012-07-02', inferredClosingDays: [] });
  });

  it('reports the inferred closing days it relied on', () => {
    expect(nextOpenDay(officeCalendars, 'EP', '2012-12-31')).toEqual({
      date: '2013-01-02',
      inferredClosingDays: ['2012-12-31', '2013-01-01'],
    });
  });

  it('keeps a day on which the office is open', () => {
    expect(nextOpenDay(officeCalendars, 'FR', '2021-07-13').date).toBe('2021-07-13');
  });

  it('takes a calendar loaded as data', () => {
    const calendars = createOfficeCalendars(calendarDocument, [
      { date: '2030-03-06', name: 'Extra closure', offices: ['Berlin'], source: 'test' },
    ]);
    expect(nextOpenDay(calendars, 'EP', '2030-03-06').date).toBe('2030-03-07');
    expect(() => createOfficeCalendars(calendarDocument, [{ date: '2030-02-30', name: 'x', offices: [], source: '' }])).toThrow();
  });
});
