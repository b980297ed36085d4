import { describe, expect, it } from 'vitest';
import { patentYearOn } from '../docket/compute-docket.ts';
import { addDays } from '../docket/iso-date.ts';
import { caseKey, grantYearOf } from './case-fees.ts';

describe('grantYearOf', () => {
  it('counts patent years as the docket does, 29 February filings included', () => {
    for (const filingDate of ['2012-02-29', '2015-01-31', '2016-06-30', '2019-12-31', '2020-02-29', '2021-03-15']) {
      for (let days = 0; days < 9 * 366; days += 37) {
        const grantDate = addDays(filingDate, days);
        expect(grantYearOf(filingDate, grantDate), `${filingDate} → ${grantDate}`).toBe(patentYearOn(filingDate, grantDate));
      }
      // The day before and the day of anniversaries.
      for (const grantDate of ['2021-02-28', '2021-03-01', '2024-02-28', '2024-02-29', '2026-06-29', '2026-06-30']) {
        if (grantDate >= filingDate) expect(grantYearOf(filingDate, grantDate), `${filingDate} → ${grantDate}`).toBe(patentYearOn(filingDate, grantDate));
      }
    }
  });
});

describe('caseKey', () => {
  const ep = { office: 'EP', filingDate: '2021-06-10', status: 'granted' as const, grantDate: '2025-02-12', statusHistory: [] };

  it('tells EP cases apart by grant year only, and by whether the grant could take unitary effect', () => {
    expect(caseKey({ ...ep, grantDate: '2025-03-20' })).toBe(caseKey(ep));
    expect(caseKey({ ...ep, grantDate: '2025-06-10' })).not.toBe(caseKey(ep));
    expect(caseKey({ ...ep, filingDate: '2019-06-10', grantDate: '2023-05-31' })).not.toBe(caseKey({ ...ep, filingDate: '2019-06-10', grantDate: '2023-06-01' }));
  });

  it('tells a granted case with no grant date from a pending one', () => {
    expect(caseKey({ ...ep, grantDate: null })).not.toBe(caseKey({ ...ep, grantDate: null, status: 'published' }));
    expect(caseKey({ ...ep, office: 'US', grantDate: null })).not.toBe(caseKey({ ...ep, office: 'US', grantDate: null, status: 'published' }));
  });

  it('keys FR annuities on the filing date alone', () => {
    expect(caseKey({ ...ep, office: 'FR' })).toBe(caseKey({ ...ep, office: 'FR', grantDate: null, status: 'published' }));
  });
});
