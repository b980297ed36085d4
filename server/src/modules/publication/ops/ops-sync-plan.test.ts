import { describe, expect, it } from 'vitest';
import { type SyncedApplication, planFamilySync } from './ops-sync-plan.ts';

const application = (values: Partial<SyncedApplication> & Pick<SyncedApplication, 'office' | 'applicationNumber'>): SyncedApplication => ({
  id: `${values.office}-${values.applicationNumber}`,
  publications: [],
  ...values,
});

const asked = (applications: SyncedApplication[]) =>
  planFamilySync(applications).map((request) => [request.operation, request.label ?? `skipped: ${request.reason}`]);

describe('what a family sync asks OPS', () => {
  it('asks a published application by its first publication, in epodoc form, whatever the portfolio writes', () => {
    expect(
      asked([
        application({ office: 'FR', applicationNumber: 'FR1851234', publications: [{ number: '3071234', kind: 'A1', date: '2019-09-27' }] }),
        application({
          office: 'WO',
          applicationNumber: 'PCT/FR2019/051234',
          publications: [
            { number: 'WO2020/123456', kind: 'A1', date: '2020-06-18' },
            { number: 'WO2019/999999', kind: 'A3', date: '2019-12-01' },
          ],
        }),
        application({ office: 'US', applicationNumber: '16/123,456', publications: [{ number: '2021/0123456', kind: 'A1', date: '2021-04-29' }] }),
      ]),
    ).toEqual([
      ['full-cycle', 'FR3071234'],
      ['legal', 'FR3071234'],
      ['full-cycle', 'WO2019999999'],
      ['legal', 'WO2019999999'],
      ['full-cycle', 'US20210123456'],
      ['legal', 'US20210123456'],
    ]);
  });

  it('asks an EP application the Register by its number without the check digit, and keeps a prefixed publication number as it is', () => {
    expect(asked([application({ office: 'EP', applicationNumber: '10167109.1', publications: [{ number: 'EP2400812', kind: 'A1', date: '2011-12-28' }] })])).toEqual([
      ['full-cycle', 'EP2400812'],
      ['legal', 'EP2400812'],
      ['register-biblio', 'application EP10167109'],
      ['register-events', 'application EP10167109'],
      ['register-procedural-steps', 'application EP10167109'],
    ]);
  });

  it('asks an unpublished EP, FR or PCT application by its number, its legal events waiting for the publication found', () => {
    const plan = planFamilySync([
      application({ office: 'FR', applicationNumber: 'FR2012345' }),
      application({ office: 'WO', applicationNumber: 'PCT/FR2021/050123' }),
    ]);
    expect(plan.map((request) => [request.operation, request.label, request.awaitsPublication])).toEqual([
      ['full-cycle', 'application FR2012345', false],
      ['legal', null, true],
      ['full-cycle', 'application WO2021FR050123', false],
      ['legal', null, true],
    ]);
  });

  it('skips an unpublished US application, and a number it cannot read, saying why', () => {
    const plan = planFamilySync([application({ office: 'US', applicationNumber: '16/123,456' }), application({ office: 'WO', applicationNumber: 'PCT/FR21/12' })]);
    expect(plan.map((request) => [request.operation, request.reference, request.reason, request.awaitsPublication])).toEqual([
      ['full-cycle', null, 'no publication number, and OPS is not asked by a US application number', false],
      ['legal', null, 'not published yet', false],
      ['full-cycle', null, 'no publication number, and OPS does not take the application number PCT/FR21/12 in this form', false],
      ['legal', null, 'not published yet', false],
    ]);
  });
});
