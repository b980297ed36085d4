import { describe, expect, it } from 'vitest';
import { isCounted, stopDate, type CostApplication } from './cost-family.ts';

const TODAY = '2026-03-02';

function application(fields: Partial<CostApplication>): CostApplication {
  return { id: 'a', applicationNumber: 'N', office: 'FR', filingDate: '2021-03-15', status: 'published', grantDate: null, statusHistory: [], ...fields };
}

describe('stopDate', () => {
  it('keeps an application alive until a final status', () => {
    expect(stopDate({ status: 'active' }, application({ status: 'granted' }), TODAY)).toBeNull();
  });

  it('stops on the day the final status was recorded, or tomorrow when no day was recorded', () => {
    const lapsed = application({ status: 'lapsed', statusHistory: [{ status: 'filed', date: '2021-03-15' }, { status: 'lapsed', date: '2024-08-01' }] });
    expect(stopDate({ status: 'active' }, lapsed, TODAY)).toBe('2024-08-01');
    expect(stopDate({ status: 'active' }, { ...lapsed, statusHistory: [] }, TODAY)).toBe('2026-03-03');
  });

  it('stops every application of a stopped family tomorrow at the latest', () => {
    expect(stopDate({ status: 'transferred' }, application({}), TODAY)).toBe('2026-03-03');
    const lapsed = application({ status: 'lapsed', statusHistory: [{ status: 'lapsed', date: '2024-08-01' }] });
    expect(stopDate({ status: 'abandoned' }, lapsed, TODAY)).toBe('2024-08-01');
  });
});

describe('isCounted', () => {
  it('counts a fee due before the stop, and a fee of unknown date only while alive', () => {
    expect(isCounted('2024-08-01', '2024-07-31')).toBe(true);
    expect(isCounted('2024-08-01', '2024-08-01')).toBe(false);
    expect(isCounted(null, '2040-01-01')).toBe(true);
    expect(isCounted(null, null)).toBe(true);
    expect(isCounted('2024-08-01', null)).toBe(false);
  });
});
