import { describe, expect, it } from 'vitest';
import type { CostApplication, CostFamily } from './cost-family.ts';
import { familyCosts, savingsIfAbandoned } from './family-costs.ts';
import { defaultForecastOptions, type CostPeriod, type ForecastOptions } from './fee-forecast.ts';

const TODAY = '2026-03-02';
/** Standard rates throughout, so the hand computations below read straight from the fee tables. */
const STANDARD: ForecastOptions = { inpiReducedRate: false, usptoEntity: 'large', afterGrantEP: 'none' };

function application(fields: Partial<CostApplication> & Pick<CostApplication, 'id' | 'office' | 'filingDate'>): CostApplication {
  return { applicationNumber: `${fields.office}-${fields.id}`, status: 'published', grantDate: null, statusHistory: [], ...fields };
}

const eur = (period: CostPeriod) => period.totals.find((total) => total.currency === 'EUR')?.amount;
const usd = (period: CostPeriod) => period.totals.find((total) => total.currency === 'USD')?.amount;

/**
 * Family 1: an FR application filed 2021-03-15. INPI annuities (standard rate, arrêté of 6 March 2020:
 * 38 for years 2–5, then 76, 96, 136, 180, 220, 260, 300, 350, 400, 460, 520, 580, 650, year 19 unknown,
 * 790) fall due on the last day of March, moved to the next working day (CPI R.618-3):
 *   y2 2022-03-31, y3 2023-03-31, y4 2024-04-02 (31 March a Sunday, 1 April Easter Monday), y5 2025-03-31,
 *   y6 2026-03-31, y7 2027-03-31, y8 2028-03-31, y9 2029-04-03 (Saturday, then Easter Monday),
 *   y10 2030-04-01 (Sunday), y11 2031-03-31 …
 * To date (≤ 2026-03-02): y2–y5 = 4 × 38 = 152.
 * Next 5 years (2026-03-03 to 2031-03-02): y6–y10 = 76 + 96 + 136 + 180 + 220 = 708.
 * Life: 152 + (76 + 96 + 136 + 180 + 220 + 260 + 300 + 350 + 400 + 460 + 520 + 580 + 650) + 790
 *     = 152 + 4228 + 790 = 5170, and year 19 unknown.
 */
const frOnly: CostFamily = {
  status: 'active',
  applications: [application({ id: 'fr1', office: 'FR', filingDate: '2021-03-15' })],
};

/**
 * Family 2: FR filed 2020-06-10 (granted 2022-01-20: annuities go on), EP filed 2021-06-10 claiming it,
 * mention of EP grant 2025-02-12, in patent year 4 (the 4th year runs from 2024-06-10).
 * FR annuities due 30 June: y2 2021-06-30, y3 2022-06-30, y4 2023-06-30, y5 2024-07-01 (Sunday),
 *   y6 2025-06-30, y7 2026-06-30, y8 2027-06-30, y9 2028-06-30, y10 2029-07-02, y11 2030-07-01, y12 2031-06-30.
 *   To date: 4 × 38 + 76 = 228. Next 5 years: y7–y11 = 96 + 136 + 180 + 220 + 260 = 892. Life: 5170 (as family 1).
 * EP renewal fees stop at the grant year (EPC Art. 86(2)): y3 due 2023-06-30 paid at the 2023 schedule = 530;
 *   y4 due 2024-07-01 (30 June a Sunday) at the 2024 schedule = 845. To date and life: 1375.
 *   Years 5–20 are national fees, not in the data: y5 (2025-06-30) unknown to date, y6–y10 unknown in the next 5 years.
 * Family 2 in EUR: to date 228 + 1375 = 1603; next 5 years 892; life 5170 + 1375 = 6545.
 */
const frEp: CostFamily = {
  status: 'granted',
  applications: [
    application({ id: 'fr2', office: 'FR', filingDate: '2020-06-10', status: 'granted', grantDate: '2022-01-20' }),
    application({ id: 'ep2', office: 'EP', filingDate: '2021-06-10', status: 'granted', grantDate: '2025-02-12' }),
  ],
};

/**
 * Family 3: US filed 2018-09-14, granted 2021-11-16, plus its PCT application (no renewal fees).
 * USPTO maintenance fees (large entity) at 3.5, 7.5 and 11.5 years from grant, all at the 2025-01-19
 * schedule: 2025-05-16 → 2150, 2029-05-16 → 4040, 2033-05-16 → 8280 (the term ends 2038-09-14).
 * In USD: to date 2150; next 5 years 4040; life 2150 + 4040 + 8280 = 14470.
 */
const us: CostFamily = {
  status: 'granted',
  applications: [
    application({ id: 'wo3', office: 'WO', filingDate: '2018-09-14' }),
    application({ id: 'us3', office: 'US', filingDate: '2018-09-14', status: 'granted', grantDate: '2021-11-16' }),
  ],
};

describe('familyCosts on three families computed by hand', () => {
  it('costs the FR-only family 152 to date, 708 over 5 years and 5170 for life, with the 19th annuity unknown', () => {
    const costs = familyCosts(frOnly, TODAY, STANDARD);
    expect([eur(costs.toDate), eur(costs.next5Years), eur(costs.life)]).toEqual([152, 708, 5170]);
    expect(costs.next5Years.lines.map((line) => [line.year, line.due, line.amount])).toEqual([
      [6, '2026-03-31', 76],
      [7, '2027-03-31', 96],
      [8, '2028-03-31', 136],
      [9, '2029-04-03', 180],
      [10, '2030-04-01', 220],
    ]);
    expect(costs.life.unknown).toEqual([
      expect.objectContaining({ applicationId: 'fr1', kind: 'renewal', year: 19, due: '2039-03-31', reason: 'inpi-annuities@2020-04-01 has no amount for year 19' }),
    ]);
    expect(usd(costs.life)).toBe(0);
  });

  it('costs the FR+EP family 1603 to date, 892 over 5 years and 6545 for life, EP fees stopping at the grant year', () => {
    const costs = familyCosts(frEp, TODAY, STANDARD);
    expect([eur(costs.toDate), eur(costs.next5Years), eur(costs.life)]).toEqual([1603, 892, 6545]);
    const ep = costs.life.lines.filter((line) => line.office === 'EP');
    expect(ep.map((line) => [line.year, line.due, line.amount, line.schedule])).toEqual([
      [3, '2023-06-30', 530, 'epo-renewal-fees@2023-04-01'],
      [4, '2024-07-01', 845, 'epo-renewal-fees@2024-04-01'],
    ]);
    expect(costs.toDate.unknown.map((fee) => [fee.kind, fee.year, fee.due])).toEqual([['national-renewal', 5, '2025-06-30']]);
    expect(costs.next5Years.unknown.map((fee) => fee.year)).toEqual([6, 7, 8, 9, 10]);
    expect(costs.next5Years.unknown[0]?.reason).toContain('validation states');
  });

  it('costs the US family 2150 to date, 4040 over 5 years and 14470 for life, in dollars only', () => {
    const costs = familyCosts(us, TODAY, STANDARD);
    expect([usd(costs.toDate), usd(costs.next5Years), usd(costs.life)]).toEqual([2150, 4040, 14470]);
    expect([eur(costs.toDate), eur(costs.life)]).toEqual([0, 0]);
    expect(costs.life.lines.map((line) => [line.kind, line.year, line.due, line.currency])).toEqual([
      ['maintenance-fee', 3.5, '2025-05-16', 'USD'],
      ['maintenance-fee', 7.5, '2029-05-16', 'USD'],
      ['maintenance-fee', 11.5, '2033-05-16', 'USD'],
    ]);
    expect(costs.life.unknown).toEqual([]);
  });

  it('carries the source and the [verify] flag of every amount into the lines and the totals', () => {
    const costs = familyCosts(frEp, TODAY, STANDARD);
    for (const line of costs.life.lines) {
      expect(line.source).not.toBe('');
      expect(line.verify).toBe(line.source.includes('[verify'));
    }
    expect(costs.life.totals.find((total) => total.currency === 'EUR')).toMatchObject({ verify: true, fees: 20 });
    expect(costs.life.totals.find((total) => total.currency === 'USD')).toMatchObject({ amount: 0, fees: 0, verify: false });
  });
});

describe('familyCosts and the life of an application', () => {
  it('costs a lapsed application nothing ahead, and counts only the fees due before its lapse', () => {
    const lapsed: CostFamily = {
      status: 'active',
      applications: [
        application({ id: 'fr1', office: 'FR', filingDate: '2021-03-15', status: 'lapsed', statusHistory: [{ status: 'lapsed', date: '2024-08-01' }] }),
      ],
    };
    const costs = familyCosts(lapsed, TODAY, STANDARD);
    // y2, y3, y4 (due 2024-04-02) fell due before the lapse on 2024-08-01; y5 (2025-03-31) did not.
    expect([eur(costs.toDate), eur(costs.next5Years), eur(costs.life)]).toEqual([114, 0, 114]);
    expect(costs.life.unknown).toEqual([]);
  });

  it('costs a lapsed or abandoned family nothing ahead, whatever its applications say', () => {
    for (const status of ['lapsed', 'abandoned', 'transferred'] as const) {
      const costs = familyCosts({ ...frEp, status }, TODAY, STANDARD);
      expect(costs.next5Years.lines, status).toEqual([]);
      expect(costs.next5Years.unknown, status).toEqual([]);
      expect(eur(costs.life), status).toBe(1603);
    }
  });

  it('stops withdrawn and refused applications on the day recorded', () => {
    for (const status of ['withdrawn', 'refused'] as const) {
      const ended = { ...frOnly, applications: [{ ...frOnly.applications[0]!, status, statusHistory: [{ status, date: '2023-01-01' }] }] };
      expect(eur(familyCosts(ended, TODAY, STANDARD).life), status).toBe(38);
    }
  });

  it('lists the maintenance fees of a US application not yet granted as unknown, with no date, in the future only', () => {
    const pending: CostFamily = { status: 'active', applications: [application({ id: 'us9', office: 'US', filingDate: '2024-05-02' })] };
    const costs = familyCosts(pending, TODAY, STANDARD);
    expect(costs.toDate.unknown).toEqual([]);
    expect(costs.next5Years.unknown).toEqual([expect.objectContaining({ kind: 'maintenance-fee', due: null, year: null })]);
    expect(costs.life.unknown).toHaveLength(1);
  });

  it('says that an office without a fee table has fees it cannot price', () => {
    const japan: CostFamily = { status: 'active', applications: [application({ id: 'jp1', office: 'JP', filingDate: '2022-01-10' })] };
    expect(familyCosts(japan, TODAY, STANDARD).next5Years.unknown).toEqual([
      expect.objectContaining({ kind: 'office-fees', reason: 'no fee table for office JP' }),
    ]);
  });

  it('drops a maintenance fee that would fall due after the 20-year term', () => {
    const late: CostFamily = {
      status: 'granted',
      applications: [application({ id: 'us8', office: 'US', filingDate: '2015-01-05', status: 'granted', grantDate: '2024-02-06' })],
    };
    // 11.5 years after grant is 2035-08-06, after the term ends on 2035-01-05.
    expect(familyCosts(late, TODAY, STANDARD).life.lines.map((line) => line.year)).toEqual([3.5, 7.5]);
  });

  it('prices the EP2400812 renewals of years 7–10 and says years 3–6 predate the fee data', () => {
    const ep2400812: CostFamily = {
      status: 'granted',
      applications: [application({ id: 'ep', office: 'EP', filingDate: '2010-06-24', status: 'granted', grantDate: '2019-11-27' })],
    };
    const costs = familyCosts(ep2400812, TODAY, STANDARD);
    // Paid on the due dates 2016-06-30, 2017-06-30, 2018-07-02, 2019-07-01, all at the 2016 schedule.
    expect(costs.toDate.lines.map((line) => [line.year, line.amount])).toEqual([
      [7, 1165],
      [8, 1280],
      [9, 1395],
      [10, 1575],
    ]);
    expect(costs.toDate.unknown.filter((fee) => fee.kind === 'renewal').map((fee) => fee.year)).toEqual([3, 4, 5, 6]);
    // Grant in year 10: the EPO is paid nothing more; years 11–20 are national fees.
    expect(costs.life.unknown.filter((fee) => fee.kind === 'national-renewal').map((fee) => fee.year)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });
});

describe('familyCosts options', () => {
  it('uses the INPI reduced rate by default, and the standard rate before the first reduced listing', () => {
    const costs = familyCosts(frOnly, TODAY, defaultForecastOptions);
    // y2, y3 paid before 2024-04-01: 38 each (no reduced rate known); y4 (paid 2024-04-02) and y5: 19 each.
    expect(costs.toDate.lines.map((line) => line.amount)).toEqual([38, 38, 19, 19]);
    expect(costs.toDate.lines[0]?.note).toContain('no reduced-rate schedule known');
    // y6 57 + y7 72, then the standard rate from year 8: 136 + 180 + 220.
    expect(eur(costs.next5Years)).toBe(57 + 72 + 136 + 180 + 220);
  });

  it('follows an EP grant with Unitary Patent renewal fees when asked', () => {
    const costs = familyCosts(frEp, TODAY, { ...STANDARD, afterGrantEP: 'unitary' });
    const unitary = costs.life.lines.filter((line) => line.kind === 'unitary-renewal');
    expect(unitary.map((line) => line.year)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(unitary[0]).toMatchObject({ due: '2025-06-30', amount: 315, schedule: 'up-renewal-fees@2023-06-01', verify: true });
    // y6–y10 of the Unitary Patent: 475 + 630 + 815 + 990 + 1175.
    expect(eur(costs.next5Years)).toBe(892 + 475 + 630 + 815 + 990 + 1175);
    expect(costs.life.unknown.filter((fee) => fee.kind === 'national-renewal')).toEqual([]);
  });

  it('keeps national fees unknown after a grant mentioned before the Unitary Patent existed', () => {
    const old: CostFamily = {
      status: 'granted',
      applications: [application({ id: 'ep', office: 'EP', filingDate: '2018-02-01', status: 'granted', grantDate: '2022-09-14' })],
    };
    const costs = familyCosts(old, TODAY, { ...STANDARD, afterGrantEP: 'unitary' });
    expect(costs.life.lines.some((line) => line.kind === 'unitary-renewal')).toBe(false);
    expect(costs.next5Years.unknown[0]?.reason).toContain('no unitary effect');
  });

  it('charges a small entity at the USPTO when asked', () => {
    const costs = familyCosts(us, TODAY, { ...STANDARD, usptoEntity: 'small' });
    expect(usd(costs.life)).toBe(860 + 1616 + 3312);
  });
});

describe('savingsIfAbandoned', () => {
  it('saves the future annuities of an abandoned FR application', () => {
    const savings = savingsIfAbandoned(frEp, ['fr2'], TODAY, STANDARD);
    expect(savings.applicationIds).toEqual(['fr2']);
    expect(savings.next5Years.find((total) => total.currency === 'EUR')?.amount).toBe(892);
    // Life 5170 less the 228 already due.
    expect(savings.untilExpiry.find((total) => total.currency === 'EUR')?.amount).toBe(4942);
    expect(savings.lines.every((line) => line.applicationId === 'fr2' && line.due > TODAY)).toBe(true);
  });

  it('saves the US maintenance fees still to come', () => {
    const savings = savingsIfAbandoned(us, ['us3'], TODAY, STANDARD);
    expect(savings.untilExpiry.find((total) => total.currency === 'USD')?.amount).toBe(4040 + 8280);
  });

  it('saves nothing the data can price on a granted EP application, and lists the national fees avoided', () => {
    const savings = savingsIfAbandoned(frEp, ['ep2'], TODAY, STANDARD);
    expect(savings.lines).toEqual([]);
    expect(savings.unknown.map((fee) => fee.year)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('saves nothing on an application that has already lapsed', () => {
    const lapsed = { ...frOnly, applications: [{ ...frOnly.applications[0]!, status: 'lapsed' as const, statusHistory: [{ status: 'lapsed' as const, date: '2025-01-01' }] }] };
    const savings = savingsIfAbandoned(lapsed, ['fr1'], TODAY, STANDARD);
    expect(savings.lines).toEqual([]);
    expect(savings.untilExpiry.every((total) => total.amount === 0)).toBe(true);
  });
});
