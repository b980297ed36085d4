import { describe, expect, it } from 'vitest';
import { computeDocket, patentYearOn } from './compute-docket.ts';
import type { Deadline, DocketCase, DocketEvent } from './docket-case.ts';
import { docketRules } from './docket-rule.ts';

function docket(docketCase: Partial<DocketCase> & Pick<DocketCase, 'office' | 'filingDate'>): Deadline[] {
  return computeDocket({ priorityDate: null, events: [], ...docketCase });
}

function only(deadlines: Deadline[], kind: string, year: number | null = null): Deadline {
  const found = deadlines.filter((deadline) => deadline.kind === kind && deadline.year === year);
  expect(found, `${kind} ${year}`).toHaveLength(1);
  return found[0] as Deadline;
}

describe('EP2400812 (EPO Register procedural data)', () => {
  const ep2400812 = docket({
    office: 'EP',
    filingDate: '2010-06-24',
    events: [{ type: 'grant-published', date: '2019-11-27' }],
  });

  it('has renewal fees for years 3 to 10 due on 30 June, extended past weekends', () => {
    const renewals = ep2400812.filter((deadline) => deadline.kind === 'renewal');
    expect(renewals.map((deadline) => [deadline.year, deadline.dueUnextended, deadline.due])).toEqual([
      [3, '2012-06-30', '2012-07-02'],
      [4, '2013-06-30', '2013-07-01'],
      [5, '2014-06-30', '2014-06-30'],
      [6, '2015-06-30', '2015-06-30'],
      [7, '2016-06-30', '2016-06-30'],
      [8, '2017-06-30', '2017-06-30'],
      [9, '2018-06-30', '2018-07-02'],
      [10, '2019-06-30', '2019-07-01'],
    ]);
  });

  it('stops the EP renewal fees at the year in which the mention of grant is published (EPC Art. 86(2))', () => {
    expect(ep2400812.some((deadline) => deadline.kind === 'renewal' && deadline.year === 11)).toBe(false);
    expect(patentYearOn('2010-06-24', '2019-11-27')).toBe(10);
  });

  it('accepts every real payment day of the Register', () => {
    const paid: [number, string][] = [
      [3, '2012-06-20'],
      [4, '2013-06-12'],
      [5, '2014-03-31'],
      [6, '2015-06-12'],
      [7, '2016-06-20'],
      [8, '2017-06-29'],
      [9, '2018-06-20'],
      [10, '2019-06-24'],
    ];
    for (const [year, day] of paid) {
      const renewal = only(ep2400812, 'renewal', year);
      expect((renewal.windowOpens ?? '9999-12-31') <= day && day <= renewal.due, `year ${year} paid ${day}`).toBe(true);
    }
  });

  it('opens the year-5 prepayment window exactly on the day the fee was paid', () => {
    expect(only(ep2400812, 'renewal', 5).windowOpens).toBe('2014-03-31');
  });

  it('runs the year-3 grace period to 31 December 2012, then past the closing days', () => {
    const year3 = only(ep2400812, 'renewal', 3);
    expect(year3.graceEndUnextended).toBe('2012-12-31');
    // 31 December and 1 January are recurring all-office closing days; the 2012 notice was not seen.
    expect(year3.graceEnd).toBe('2013-01-02');
    expect(year3.inferredClosingDays).toEqual(['2012-12-31', '2013-01-01']);
    expect(year3.surchargePercent).toBe(50);
  });

  it('counts the grace period from the unextended due date (J 4/91), not from 2 July', () => {
    // From 2 July the sixth month would end on 2 January; from the month-end due date it ends 31 December.
    expect(only(ep2400812, 'renewal', 3).graceEndUnextended).toBe('2012-12-31');
    expect(only(ep2400812, 'renewal', 9).graceEndUnextended).toBe('2018-12-31');
  });

  it('ends the opposition period on 27 August 2020', () => {
    const opposition = only(ep2400812, 'opposition-end');
    expect(opposition.due).toBe('2020-08-27');
    expect(opposition.basis).toContain('Art. 99(1)');
  });

  it('gives no unitary effect request for a grant mentioned before the Unitary Patent existed', () => {
    expect(ep2400812.some((deadline) => deadline.kind === 'unitary-effect-request')).toBe(false);
    expect(only(ep2400812, 'validation').due).toBe('2020-02-27');
  });
});

describe('EP renewal prepayment (Guidelines A-X, 5.2.4)', () => {
  it('Example A (R.51(1) from 1 April 2018): third year from 31.05.2018, fourth year from 31.08.2019', () => {
    const deadlines = docket({ office: 'EP', filingDate: '2016-11-15' });
    expect(only(deadlines, 'renewal', 3)).toMatchObject({ windowOpens: '2018-05-31', dueUnextended: '2018-11-30' });
    expect(only(deadlines, 'renewal', 4)).toMatchObject({ windowOpens: '2019-08-31', dueUnextended: '2019-11-30' });
    // 30 November 2019 is a Saturday.
    expect(only(deadlines, 'renewal', 4).due).toBe('2019-12-02');
  });

  it('earlier edition: due 30 November 2010 payable from 31 August 2010, due 31 May 2011 from 28 February 2011', () => {
    expect(only(docket({ office: 'EP', filingDate: '2008-11-12' }), 'renewal', 3)).toMatchObject({
      dueUnextended: '2010-11-30',
      windowOpens: '2010-08-31',
    });
    expect(only(docket({ office: 'EP', filingDate: '2009-05-20' }), 'renewal', 3)).toMatchObject({
      dueUnextended: '2011-05-31',
      windowOpens: '2011-02-28',
    });
  });

  it('lets a fee due just after the 2018 change be paid under the rule in force on the payment day', () => {
    // Due 30 June 2018: 3 months early was allowed on 31 March 2018 (old R.51(1)).
    const deadlines = docket({ office: 'EP', filingDate: '2016-06-10' });
    expect(only(deadlines, 'renewal', 3).windowOpens).toBe('2018-03-31');
  });
});

describe('EP prosecution events', () => {
  it('extends the examination request past the 2021 Christmas closure to 3 January 2022', () => {
    const deadlines = docket({ office: 'EP', filingDate: '2020-01-15', events: [{ type: 'search-report-published', date: '2021-06-30' }] });
    expect(only(deadlines, 'examination-request')).toMatchObject({ dueUnextended: '2021-12-30', due: '2022-01-03' });
  });

  it('gives 4 months to reply to a R.71(3) communication, extended past a Sunday', () => {
    const deadlines = docket({ office: 'EP', filingDate: '2020-01-15', events: [{ type: 'r71-3-notified', date: '2023-11-10' }] });
    expect(only(deadlines, 'r71-3-reply')).toMatchObject({ dueUnextended: '2024-03-10', due: '2024-03-11' });
  });

  it('extends the one-month unitary effect request under R.134(1) (UPR R.20(2)(g))', () => {
    const deadlines = docket({ office: 'EP', filingDate: '2020-01-15', events: [{ type: 'grant-published', date: '2023-11-29' }] });
    expect(only(deadlines, 'unitary-effect-request')).toMatchObject({ dueUnextended: '2023-12-29', due: '2024-01-02' });
    expect(only(deadlines, 'validation')).toMatchObject({ due: '2024-02-29', calendar: null });
    expect(deadlines.filter((deadline) => deadline.kind === 'renewal').map((deadline) => deadline.year)).toEqual([3, 4]);
  });
});

describe('FR cases', () => {
  it('charges annuities from year 2, payable a year early, with 6 months of grace', () => {
    const deadlines = docket({ office: 'FR', filingDate: '2020-03-15' });
    const annuities = deadlines.filter((deadline) => deadline.kind === 'renewal');
    expect(annuities.map((deadline) => deadline.year)).toEqual([...Array(19).keys()].map((index) => index + 2));
    expect(only(deadlines, 'renewal', 2)).toMatchObject({
      due: '2021-03-31',
      windowOpens: '2020-03-31',
      graceEnd: '2021-09-30',
      surchargePercent: 50,
    });
  });

  it('moves an annuity due on Easter Sunday past Easter Monday (CPI R.618-3)', () => {
    expect(only(docket({ office: 'FR', filingDate: '2019-03-04' }), 'renewal', 6)).toMatchObject({
      dueUnextended: '2024-03-31',
      due: '2024-04-02',
    });
  });

  it('extends the priority year past Bastille Day', () => {
    expect(only(docket({ office: 'FR', filingDate: '2020-07-14' }), 'priority')).toMatchObject({
      dueUnextended: '2021-07-14',
      due: '2021-07-15',
    });
  });

  it('gives the PCT national and EP regional phases when a PCT was filed within the priority year', () => {
    const deadlines = docket({ office: 'FR', filingDate: '2020-05-04', events: [{ type: 'pct-filed', date: '2021-05-04' }] });
    expect(only(deadlines, 'national-phase').due).toBe('2022-11-04');
    expect(only(deadlines, 'regional-phase')).toMatchObject({ dueUnextended: '2022-12-04', due: '2022-12-05', calendar: 'EP' });
  });

  it('counts the PCT phases from the PCT filing when it came too late to claim priority', () => {
    const deadlines = docket({ office: 'FR', filingDate: '2020-05-04', events: [{ type: 'pct-filed', date: '2021-06-01' }] });
    expect(only(deadlines, 'national-phase').dueUnextended).toBe('2023-12-01');
  });

  it('opens the INPI opposition period only for grants mentioned from 1 April 2020', () => {
    const recent = docket({ office: 'FR', filingDate: '2019-01-10', events: [{ type: 'grant-published', date: '2021-02-12' }] });
    expect(only(recent, 'opposition-end').due).toBe('2021-11-12');
    const older = docket({ office: 'FR', filingDate: '2017-01-10', events: [{ type: 'grant-published', date: '2019-02-12' }] });
    expect(older.some((deadline) => deadline.kind === 'opposition-end')).toBe(false);
  });
});

describe('WO cases', () => {
  const deadlines = docket({ office: 'WO', filingDate: '2021-03-10', priorityDate: '2020-03-12' });

  it('counts the national phase (30 months) and the EP regional phase (31 months) from the priority date', () => {
    expect(only(deadlines, 'national-phase')).toMatchObject({ due: '2022-09-12', calendar: 'WO' });
    expect(only(deadlines, 'regional-phase')).toMatchObject({ due: '2022-10-12', calendar: 'EP' });
  });

  it('expects publication at 18 months from the priority date, never extended', () => {
    expect(only(deadlines, 'publication')).toMatchObject({ due: '2021-09-12', calendar: null });
  });

  it('has no renewal fees', () => {
    expect(deadlines.some((deadline) => deadline.kind === 'renewal')).toBe(false);
  });
});

describe('US maintenance fees (35 U.S.C. 41(b), 37 CFR 1.362)', () => {
  const deadlines = docket({ office: 'US', filingDate: '2008-03-03', events: [{ type: 'grant-published', date: '2010-01-05' }] });

  it('falls due 3.5, 7.5 and 11.5 years after grant with a window 6 months before', () => {
    expect(only(deadlines, 'maintenance-fee', 3.5)).toMatchObject({
      windowOpens: '2013-01-05',
      due: '2013-07-05',
      graceEndUnextended: '2014-01-05',
      graceEnd: '2014-01-06',
    });
    expect(only(deadlines, 'maintenance-fee', 7.5)).toMatchObject({ due: '2017-07-05', graceEnd: '2018-01-05' });
  });

  it('extends a due date that falls on an observed Federal holiday', () => {
    // 4 July 2021 was a Sunday, kept on Monday 5 July.
    expect(only(deadlines, 'maintenance-fee', 11.5)).toMatchObject({ dueUnextended: '2021-07-05', due: '2021-07-06' });
  });
});

describe('workflow periods', () => {
  const at = (type: DocketEvent['type'], date: string) =>
    docket({ office: 'FR', filingDate: '2023-01-10', events: [{ type, date }] });

  it('gives the mandataire 2 months to inform the co-owners of a decision', () => {
    expect(only(at('co-ownership-decision', '2024-01-31'), 'co-owner-information').due).toBe('2024-03-31');
  });

  it('requires notice to the co-owners 4 months before an abandonment', () => {
    expect(only(at('abandonment-planned', '2024-06-30'), 'abandonment-notice').due).toBe('2024-02-29');
  });

  it('gives the employer 2 months to answer on the classification and 4 to claim the invention (CPI L.611-7)', () => {
    const deadlines = at('invention-declaration-received', '2023-12-31');
    expect(only(deadlines, 'classification-answer').due).toBe('2024-02-29');
    expect(only(deadlines, 'attribution-claim').due).toBe('2024-04-30');
  });

  it('extends the INPI search report reply past Assumption Day', () => {
    expect(only(at('search-report-notified', '2024-05-15'), 'search-report-reply').due).toBe('2024-08-16');
  });
});

describe('the rule table', () => {
  it('has a source, a basis and consistent versions on every row', () => {
    for (const rule of docketRules) {
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      const versions = docketRules.filter((other) => other.id === rule.id);
      expect(new Set(versions.map((version) => version.trigger)).size, rule.id).toBe(1);
      expect(new Set(versions.map((version) => version.validFrom)).size, rule.id).toBe(versions.length);
    }
  });

  it('can be replaced by a table loaded as data', () => {
    const oppositionOnly = docketRules.filter((rule) => rule.id === 'ep-opposition-end');
    const deadlines = computeDocket(
      { office: 'EP', filingDate: '2010-06-24', priorityDate: null, events: [{ type: 'grant-published', date: '2019-11-27' }] },
      { rules: oppositionOnly },
    );
    expect(deadlines.map((deadline) => deadline.kind)).toEqual(['opposition-end']);
  });
});
