import { describe, expect, it } from 'vitest';
import { describeSchedules, feeData, hasVerifyMark, type FeeTableId } from './fee-table.ts';

function table(id: FeeTableId) {
  const found = feeData.tables.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

function yearsOf(id: FeeTableId, validFrom: string, entity = 'all'): number[] {
  return table(id)
    .rows.filter((row) => row.validFrom === validFrom && row.entity === entity)
    .map((row) => row.year);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('the bundled fee data', () => {
  it('has the five EPO schedules, each for years 3 to 20', () => {
    const schedules = [...new Set(table('epo-renewal-fees').rows.map((row) => row.validFrom))];
    expect(schedules).toEqual(['2016-04-01', '2020-04-01', '2022-04-01', '2023-04-01', '2024-04-01']);
    for (const validFrom of schedules) expect(yearsOf('epo-renewal-fees', validFrom), validFrom).toEqual(range(3, 20));
  });

  it('has the INPI annuities for years 2 to 20 except the 19th, which was not found', () => {
    expect(yearsOf('inpi-annuities', '2020-04-01')).toEqual(range(2, 20).filter((year) => year !== 19));
    expect(yearsOf('inpi-annuities-reduced', '2024-04-01', 'reduced')).toEqual(range(2, 7));
  });

  it('has the Unitary Patent fees for years 2 to 20', () => {
    expect(yearsOf('up-renewal-fees', '2023-06-01')).toEqual(range(2, 20));
  });

  it('has the three USPTO maintenance fees for each entity in each of the four schedules', () => {
    for (const validFrom of ['2018-01-16', '2020-10-02', '2022-12-29', '2025-01-19']) {
      for (const entity of ['large', 'small', 'micro']) expect(yearsOf('uspto-maintenance-fees', validFrom, entity), `${validFrom} ${entity}`).toEqual([3.5, 7.5, 11.5]);
    }
  });

  it('keeps a source on every row and the [verify] marks of the reference files', () => {
    const rows = feeData.tables.flatMap((each) => each.rows);
    expect(rows).toHaveLength(90 + 19 + 18 + 6 + 36);
    for (const row of rows) expect(row.source.trim()).not.toBe('');
    expect(rows.filter((row) => hasVerifyMark(row.source))).toHaveLength(rows.length);
    expect(feeData.lateSurcharges).toHaveLength(15);
    expect(feeData.lateSurcharges.filter((row) => hasVerifyMark(row.source)).map((row) => row.office)).not.toContain('EPO');
  });

  it('recognises every form of the mark', () => {
    expect(hasVerifyMark('secondary only [verify]')).toBe(true);
    expect(hasVerifyMark('(secondary) [verify start date]')).toBe(true);
    expect(hasVerifyMark('OJ EPO 2024, A8')).toBe(false);
  });

  it('describes the schedules used, with their distinct sources', () => {
    const [epo2016] = describeSchedules(['epo-renewal-fees@2016-04-01']);
    expect(epo2016).toMatchObject({ office: 'EPO', currency: 'EUR', validFrom: '2016-04-01', verify: true });
    // Years 3–4 and years 5–20 of the 2016 schedule come from different sources.
    expect(epo2016?.sources).toHaveLength(2);
    expect(describeSchedules(['uspto-maintenance-fees@2025-01-19/small'])[0]).toMatchObject({ entity: 'small', currency: 'USD' });
    expect(describeSchedules(['no-such@2020-01-01'])).toEqual([]);
  });
});
