import { describe, expect, it } from 'vitest';
import type { CostApplication } from './cost-family.ts';
import { defaultForecastOptions } from './fee-forecast.ts';
import { createFeePricer } from './fee-pricer.ts';

const ep: CostApplication = {
  id: 'one',
  applicationNumber: 'EP1',
  office: 'EP',
  filingDate: '2021-06-10',
  status: 'granted',
  grantDate: '2025-02-12',
  statusHistory: [],
};

describe('createFeePricer', () => {
  it('shares one computation between applications filed and granted alike, and keeps their identities apart', () => {
    const pricer = createFeePricer('2026-03-02', defaultForecastOptions);
    // Granted another day of the same patent year: the same EP fees.
    const second = { ...ep, id: 'two', applicationNumber: 'EP2', grantDate: '2025-03-20' };
    expect(pricer.caseFees(second)).toBe(pricer.caseFees(ep));
    const family = { status: 'granted' as const, applications: [ep, second] };
    expect(pricer.applicationFees(family, ep).lines.map((line) => line.applicationNumber)).toEqual(['EP1', 'EP1']);
    expect(pricer.applicationFees(family, second).lines.map((line) => [line.applicationId, line.applicationNumber])).toEqual([
      ['two', 'EP2'],
      ['two', 'EP2'],
    ]);
  });

  it('prices one more EPO renewal fee for a grant in the next patent year', () => {
    const pricer = createFeePricer('2026-03-02', defaultForecastOptions);
    expect(pricer.caseFees({ ...ep, grantDate: '2025-06-10' }).lines.map((line) => line.year)).toEqual([3, 4, 5]);
  });
});
