import { describe, expect, it } from 'vitest';
import { feeFor, type FeeQuery, type FeeQuote } from './fee-for.ts';
import type { FeeData } from './fee-table.ts';

function quote(query: FeeQuery, data?: FeeData): FeeQuote {
  const result = feeFor(query, data);
  if (!result.known) throw new Error(`expected a known fee: ${result.reason}`);
  return result;
}

describe('feeFor picks the schedule in force on the payment date', () => {
  it('charges the EPO third-year fee at the 2023 rate on 31 March 2024 and at the 2024 rate from 1 April', () => {
    expect(quote({ office: 'EPO', year: 3, paymentDate: '2024-03-31' })).toMatchObject({ amount: 530, schedule: 'epo-renewal-fees@2023-04-01' });
    expect(quote({ office: 'EPO', year: 3, paymentDate: '2024-04-01' })).toMatchObject({ amount: 690, schedule: 'epo-renewal-fees@2024-04-01' });
  });

  it('lowered the EPO sixth-year fee in 2024 (1180 → 1155) and kept years 10+ at 1775', () => {
    expect(quote({ office: 'EPO', year: 6, paymentDate: '2024-03-31' }).amount).toBe(1180);
    expect(quote({ office: 'EPO', year: 6, paymentDate: '2024-04-01' }).amount).toBe(1155);
    expect(quote({ office: 'EPO', year: 15, paymentDate: '2023-05-01' }).amount).toBe(1775);
    expect(quote({ office: 'EPO', year: 20, paymentDate: '2030-01-01' }).amount).toBe(1775);
  });

  it('walks the EPO tenth-year fee through every schedule', () => {
    const tenth = ['2016-04-01', '2020-04-01', '2022-04-01', '2023-04-01'].map((date) => quote({ office: 'EPO', year: 10, paymentDate: date }).amount);
    expect(tenth).toEqual([1575, 1640, 1690, 1775]);
    expect(quote({ office: 'EPO', year: 10, paymentDate: '2020-03-31' }).amount).toBe(1575);
  });

  it('switches the USPTO 3.5-year fee on 19 January 2025', () => {
    expect(quote({ office: 'USPTO', year: 3.5, paymentDate: '2025-01-18' })).toMatchObject({ amount: 2000, currency: 'USD' });
    expect(quote({ office: 'USPTO', year: 3.5, paymentDate: '2025-01-19' })).toMatchObject({
      amount: 2150,
      schedule: 'uspto-maintenance-fees@2025-01-19/large',
    });
  });

  it('answers unknown before the first schedule of the data rather than guessing', () => {
    const before = feeFor({ office: 'EPO', year: 3, paymentDate: '2016-03-31' });
    expect(before).toMatchObject({ known: false, currency: 'EUR' });
    expect(before.known ? '' : before.reason).toContain('no epo-renewal-fees schedule in force on 2016-03-31');
  });

  it('answers unknown for the INPI 19th annuity, which the data does not have', () => {
    const nineteenth = feeFor({ office: 'INPI', year: 19, paymentDate: '2039-06-30' });
    expect(nineteenth).toMatchObject({ known: false, reason: 'inpi-annuities@2020-04-01 has no amount for year 19' });
    expect(quote({ office: 'INPI', year: 20, paymentDate: '2039-06-30' }).amount).toBe(790);
  });

  it('answers unknown for a year an office does not charge (no EPO renewal fee for year 2)', () => {
    expect(feeFor({ office: 'EPO', year: 2, paymentDate: '2025-01-01' }).known).toBe(false);
  });
});

describe('feeFor by entity', () => {
  it('charges USPTO small and micro entities their discounted amounts, large by default', () => {
    expect(quote({ office: 'USPTO', year: 7.5, paymentDate: '2026-01-01' }).amount).toBe(4040);
    expect(quote({ office: 'USPTO', year: 7.5, paymentDate: '2026-01-01', entity: 'small' }).amount).toBe(1616);
    expect(quote({ office: 'USPTO', year: 7.5, paymentDate: '2026-01-01', entity: 'micro' }).amount).toBe(808);
    // Before the UAIA (2022-12-29) the small-entity discount was 50 %.
    expect(quote({ office: 'USPTO', year: 11.5, paymentDate: '2022-12-28', entity: 'small' }).amount).toBe(3850);
    expect(quote({ office: 'USPTO', year: 11.5, paymentDate: '2022-12-29', entity: 'small' }).amount).toBe(3080);
  });

  it('gives the INPI reduced rate for years 2 to 7 and the standard rate from year 8', () => {
    expect(quote({ office: 'INPI', year: 5, paymentDate: '2025-03-31', reduced: true })).toMatchObject({
      amount: 19,
      schedule: 'inpi-annuities-reduced@2024-04-01',
      note: null,
    });
    expect(quote({ office: 'INPI', year: 7, paymentDate: '2025-03-31', reduced: true }).amount).toBe(72);
    expect(quote({ office: 'INPI', year: 8, paymentDate: '2025-03-31', reduced: true })).toMatchObject({
      amount: 136,
      schedule: 'inpi-annuities@2020-04-01',
      note: 'no reduced rate for year 8: standard rate',
    });
  });

  it('uses the standard INPI rate, marked [verify], before the first reduced-rate listing', () => {
    const early = quote({ office: 'INPI', year: 2, paymentDate: '2024-03-29', reduced: true });
    expect(early).toMatchObject({ amount: 38, schedule: 'inpi-annuities@2020-04-01', verify: true });
    expect(early.note).toContain('no reduced-rate schedule known on 2024-03-29');
  });
});

describe('feeFor with a late-payment surcharge', () => {
  it('adds 50 % of the belated EPO renewal fee (EPC R.51(2))', () => {
    expect(quote({ office: 'EPO', year: 10, paymentDate: '2019-06-30', late: true })).toMatchObject({ amount: 1575, surcharge: 787.5, total: 2362.5 });
  });

  it('adds 50 % of the INPI annuity, of the reduced one too, and keeps the [verify] of that rule', () => {
    const late = quote({ office: 'INPI', year: 3, paymentDate: '2025-09-30', reduced: true, late: true });
    expect(late).toMatchObject({ amount: 19, surcharge: 9.5, total: 28.5, verify: true });
    expect(late.surchargeSource).toContain('[verify]');
  });

  it('adds the fixed USPTO surcharge of the entity, from the schedule in force on the payment date (37 CFR 1.20(h))', () => {
    expect(quote({ office: 'USPTO', year: 3.5, paymentDate: '2025-03-31', entity: 'small', late: true })).toMatchObject({ surcharge: 216, total: 1076 });
    expect(quote({ office: 'USPTO', year: 3.5, paymentDate: '2024-03-31', entity: 'small', late: true })).toMatchObject({ amount: 800, surcharge: 200 });
    expect(quote({ office: 'USPTO', year: 3.5, paymentDate: '2020-10-01', late: true })).toMatchObject({ amount: 1600, surcharge: 160 });
  });

  it('adds 50 % of the Unitary Patent renewal fee (Rule 13(3) UPR)', () => {
    expect(quote({ office: 'EPO-UP', year: 5, paymentDate: '2025-06-30', late: true })).toMatchObject({ amount: 315, surcharge: 157.5 });
  });
});

describe('feeFor and the [verify] mark', () => {
  const data: FeeData = {
    tables: [
      {
        id: 'epo-renewal-fees',
        office: 'EPO',
        currency: 'EUR',
        fee: 'renewal fee',
        basis: 'Art. 86 EPC',
        notes: '',
        derivedFrom: 'test',
        rows: [
          { validFrom: '2030-04-01', year: 3, entity: 'all', amount: 700, source: 'OJ EPO 2030, A1' },
          { validFrom: '2030-04-01', year: 4, entity: 'all', amount: 850, source: 'a law firm [verify]' },
        ],
      },
    ],
    lateSurcharges: [
      { office: 'EPO', fee: 'renewal fee', validFrom: '2030-04-01', entity: 'all', kind: 'percent_of_fee', value: 50, unit: 'percent', source: 'Rule 51(2) EPC' },
    ],
  };

  it('is false for an amount read in an official text and true when the source carries [verify]', () => {
    expect(quote({ office: 'EPO', year: 3, paymentDate: '2031-01-01' }, data)).toMatchObject({ amount: 700, verify: false });
    expect(quote({ office: 'EPO', year: 4, paymentDate: '2031-01-01' }, data)).toMatchObject({ amount: 850, verify: true });
  });

  it('stays false with a surcharge whose rule is confirmed', () => {
    expect(quote({ office: 'EPO', year: 3, paymentDate: '2031-01-01', late: true }, data)).toMatchObject({ surcharge: 350, verify: false });
  });

  it('marks every amount of the bundled data, none of which was read in an official text', () => {
    expect(quote({ office: 'EPO', year: 3, paymentDate: '2025-01-01' }).verify).toBe(true);
    expect(quote({ office: 'EPO', year: 5, paymentDate: '2017-01-01' }).source).toContain('[verify start date]');
  });
});
