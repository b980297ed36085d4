import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDocket } from './compute-docket.ts';
import { DocketCaseEventType, DocketOffice, type DocketCase, type DocketEvent } from './docket-case.ts';
import { docketRules, type DocketRule } from './docket-rule.ts';
import { addDays, fromDayNumber, toDayNumber } from './iso-date.ts';
import { officeCalendars } from './office-calendar.ts';

const isoDate = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

const docketCase: fc.Arbitrary<DocketCase> = fc
  .record({
    office: fc.constantFrom(...DocketOffice.options),
    filingDate: isoDate('2000-01-01', '2050-12-31'),
    priorityDaysBefore: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
    events: fc.array(
      fc.record({ type: fc.constantFrom(...DocketCaseEventType.options), daysAfter: fc.integer({ min: 0, max: 4000 }) }),
      { maxLength: 5 },
    ),
  })
  .map(({ office, filingDate, priorityDaysBefore, events }) => ({
    office,
    filingDate,
    priorityDate: priorityDaysBefore === null ? null : addDays(filingDate, -priorityDaysBefore),
    events: events.map(({ type, daysAfter }): DocketEvent => ({ type, date: addDays(filingDate, daysAfter) })),
  }));

describe('computeDocket properties', () => {
  it('never ends a deadline on a day its office is closed', () => {
    fc.assert(
      fc.property(docketCase, (input) => {
        for (const deadline of computeDocket(input)) {
          if (deadline.calendar === null) continue;
          expect(officeCalendars.closure(deadline.calendar, deadline.due).closed).toBe(false);
          if (deadline.graceEnd) expect(officeCalendars.closure(deadline.calendar, deadline.graceEnd).closed).toBe(false);
        }
      }),
    );
  });

  it('never ends a deadline before its trigger, nor a grace period before the due date', () => {
    fc.assert(
      fc.property(docketCase, (input) => {
        for (const deadline of computeDocket(input)) {
          expect(deadline.due >= deadline.trigger.date).toBe(true);
          expect(deadline.due >= deadline.dueUnextended).toBe(true);
          if (deadline.graceEnd) expect(deadline.graceEnd >= deadline.due).toBe(true);
          if (deadline.windowOpens) expect(deadline.windowOpens <= deadline.dueUnextended).toBe(true);
        }
      }),
    );
  });

  /** A case whose only date that matters to `rule` is `date`. */
  function caseTriggering(rule: DocketRule, date: string): DocketCase {
    const office = rule.trigger === 'pct-priority' ? 'WO' : (rule.offices[0] ?? 'EP');
    switch (rule.trigger) {
      case 'filing':
      case 'earliest-priority':
      case 'pct-priority':
        return { office, filingDate: date, priorityDate: null, events: [] };
      default:
        return { office, filingDate: '1999-01-04', priorityDate: null, events: [{ type: rule.trigger, date }] };
    }
  }

  const rulesById = [...new Map(docketRules.map((rule) => [rule.id, rule])).values()];

  it.each(rulesById.map((rule) => [rule.id, rule] as const))('%s moves forward, never back, with its trigger date', (id, rule) => {
    fc.assert(
      fc.property(isoDate('2000-01-01', '2050-12-31'), fc.integer({ min: 0, max: 400 }), (first, gap) => {
        const second = addDays(first, gap);
        const byYear = (date: string) =>
          new Map(
            computeDocket(caseTriggering(rule, date))
              .filter((deadline) => deadline.ruleId.startsWith(`${id}@`))
              .map((deadline) => [deadline.year, deadline]),
          );
        const earlier = byYear(first);
        for (const [year, later] of byYear(second)) {
          const before = earlier.get(year);
          if (!before) continue;
          expect(later.due >= before.due).toBe(true);
          if (later.graceEnd && before.graceEnd) expect(later.graceEnd >= before.graceEnd).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
