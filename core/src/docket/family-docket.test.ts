import { describe, expect, it } from 'vitest';
import { type DocketFamily, type FamilyApplication, type FamilyDeadline, caseOf, docketFamily } from './family-docket.ts';

function application(overrides: Partial<FamilyApplication> & Pick<FamilyApplication, 'id' | 'office' | 'filingDate'>): FamilyApplication {
  return { isLive: true, grantDate: null, priorityDates: [], events: [], ...overrides };
}

const fr = application({ id: 'fr', office: 'FR', filingDate: '2023-05-16' });
const ep = application({ id: 'ep', office: 'EP', filingDate: '2024-05-15', priorityDates: ['2023-05-16'] });
const wo = application({ id: 'wo', office: 'WO', filingDate: '2024-05-15', priorityDates: ['2023-05-16'] });

function family(...applications: FamilyApplication[]): DocketFamily {
  return { assetId: 'asset', applications };
}

function keysOf(deadlines: FamilyDeadline[], kind: string): string[] {
  return deadlines.filter((entry) => entry.deadline.kind === kind).map((entry) => entry.key);
}

describe('the deadlines of a patent family', () => {
  it('counts EP renewals from the EP filing and the priority year on the FR first filing only', () => {
    const deadlines = docketFamily(family(fr, ep));
    const renewal3 = deadlines.find((entry) => entry.key === 'ep:ep-renewal:3');
    expect(renewal3?.deadline).toMatchObject({ kind: 'renewal', year: 3, dueUnextended: '2026-05-31' });
    // 2024-05-16 + 12 months: the FR first filing's priority year; the EP member claiming it has none.
    expect(deadlines.find((entry) => entry.key === 'fr:fr-priority:-')?.deadline.due).toBe('2024-05-16');
    expect(keysOf(deadlines, 'priority')).toEqual(['fr:fr-priority:-']);
    expect(deadlines.find((entry) => entry.key === 'fr:fr-annuity:2')?.deadline.dueUnextended).toBe('2024-05-31');
  });

  it('records the priority year as used when a member claiming it was filed in time, and a publication once recorded', () => {
    const deadlines = docketFamily(family({ ...fr, publishedOn: '2024-11-22' }, ep));
    const priority = deadlines.find((entry) => entry.key === 'fr:fr-priority:-');
    expect(priority?.metBy).toEqual({ date: '2024-05-15', reason: 'priority claimed by the EP application filed on 2024-05-15' });
    expect(deadlines.find((entry) => entry.key === 'fr:fr-publication:-')?.metBy?.date).toBe('2024-11-22');
    // Not published yet at the EPO, and renewals are never met by the record (no payments recorded).
    expect(deadlines.find((entry) => entry.key === 'ep:ep-publication:-')?.metBy).toBeNull();
    expect(deadlines.find((entry) => entry.key === 'ep:ep-renewal:3')?.metBy).toBeNull();
  });

  it('shows the examination request and the R.71(3) reply done by the grant that followed them', () => {
    const events = [
      { type: 'search-report-published' as const, date: '2025-01-08' },
      { type: 'r71-3-notified' as const, date: '2025-09-10' },
    ];
    const granted = docketFamily(family({ ...ep, events, grantDate: '2026-02-25' }));
    const done = (kind: string) => granted.find((entry) => entry.deadline.kind === kind)?.metBy;
    expect(done('examination-request')).toEqual({ date: '2026-02-25', reason: 'granted on 2026-02-25, which this step comes before' });
    expect(done('r71-3-reply')?.date).toBe('2026-02-25');
    // Renewals and validation stay the office's and the states' business: a grant pays none of them.
    expect(done('validation')).toBeNull();
    const pending = docketFamily(family({ ...ep, events }));
    expect(pending.find((entry) => entry.deadline.kind === 'examination-request')?.metBy).toBeNull();
  });

  it('leaves the priority year open when the member abroad was filed too late', () => {
    const late = application({ id: 'ep', office: 'EP', filingDate: '2024-05-20', priorityDates: ['2023-05-16'] });
    expect(docketFamily(family(fr, late)).find((entry) => entry.key === 'fr:fr-priority:-')?.metBy).toBeNull();
  });

  it('takes the family’s first filing as the priority date of a member recorded without its claims', () => {
    const docketCase = caseOf({ ...ep, priorityDates: [] }, '2023-05-16', []);
    expect(docketCase?.priorityDate).toBe('2023-05-16');
    expect(caseOf(fr, '2023-05-16', [])?.priorityDate).toBeNull();
  });

  it('keeps the PCT national and regional phases once, on the WO member, though every member has the PCT filing', () => {
    const deadlines = docketFamily(family(fr, ep, wo));
    expect(keysOf(deadlines, 'national-phase')).toEqual(['wo:pct-national-phase:-']);
    expect(keysOf(deadlines, 'regional-phase')).toEqual(['wo:ep-regional-phase:-']);
    expect(deadlines.find((entry) => entry.key === 'wo:pct-national-phase:-')?.deadline.dueUnextended).toBe('2025-11-16');
  });

  it('stops EP renewals at the grant year and adds opposition, validation and unitary effect from the grant date', () => {
    const deadlines = docketFamily(family({ ...ep, grantDate: '2026-02-25' }));
    expect(keysOf(deadlines, 'renewal')).toEqual([]);
    expect(deadlines.filter((entry) => entry.deadline.trigger.type === 'grant-published').map((entry) => [entry.deadline.kind, entry.deadline.due])).toEqual([
      ['unitary-effect-request', '2026-03-25'],
      ['validation', '2026-05-25'],
      ['opposition-end', '2026-11-25'],
    ]);
  });

  it('prefers a recorded grant event to the grant date of the application', () => {
    const docketCase = caseOf({ ...ep, grantDate: '2026-02-25', events: [{ type: 'grant-published', date: '2026-03-04' }] }, null, []);
    expect(docketCase?.events).toEqual([{ type: 'grant-published', date: '2026-03-04' }]);
  });

  it('gives nothing for an application that is no longer live, or at an office without rules', () => {
    expect(docketFamily(family({ ...ep, isLive: false }))).toEqual([]);
    expect(docketFamily(family(application({ id: 'jp', office: 'JP', filingDate: '2024-05-15' })))).toEqual([]);
  });

  it('keeps a task key when an event is corrected, and numbers a second event of the same kind', () => {
    const before = docketFamily(family({ ...ep, events: [{ type: 'r71-3-notified', date: '2026-01-10' }] }));
    const after = docketFamily(family({ ...ep, events: [{ type: 'r71-3-notified', date: '2026-01-20' }] }));
    expect(keysOf(before, 'r71-3-reply')).toEqual(['ep:ep-r71-3-reply:-']);
    expect(keysOf(after, 'r71-3-reply')).toEqual(['ep:ep-r71-3-reply:-']);
    const twice = docketFamily(
      family({
        ...ep,
        events: [
          { type: 'r71-3-notified', date: '2026-01-20' },
          { type: 'r71-3-notified', date: '2025-06-02' },
        ],
      }),
    );
    expect(
      twice.filter((entry) => entry.deadline.kind === 'r71-3-reply').map((entry) => [entry.key, entry.deadline.trigger.date]),
    ).toEqual([
      ['ep:ep-r71-3-reply:-', '2025-06-02'],
      ['ep:ep-r71-3-reply:-:2', '2026-01-20'],
    ]);
  });

  it('gives one family-wide co-owners’ notice for an abandonment planned on several members', () => {
    const planned = { type: 'abandonment-planned' as const, date: '2026-07-02' };
    const deadlines = docketFamily(family({ ...fr, events: [planned] }, { ...ep, events: [planned] }));
    const notices = deadlines.filter((entry) => entry.deadline.kind === 'abandonment-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key: 'asset:coownership-abandonment-notice:2026-07-02', applicationId: null });
    expect(notices[0]?.deadline.due).toBe('2026-03-02');
  });
});
