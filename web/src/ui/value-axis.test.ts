import { describe, expect, it } from 'vitest';
import { valueAxis } from './value-axis.ts';

describe('the value axis of a chart', () => {
  it('draws 0 and 1 when there is nothing to show, or nothing above one unit', () => {
    expect(valueAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(-5)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(0.4)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('tops the axis at 1, 2 or 5 times a power of ten, at or above the largest value', () => {
    expect(valueAxis(1.5).max).toBe(2);
    expect(valueAxis(3).max).toBe(5);
    expect(valueAxis(7).max).toBe(10);
    expect(valueAxis(10).max).toBe(10);
    expect(valueAxis(11).max).toBe(20);
    expect(valueAxis(4_321).max).toBe(5_000);
    expect(valueAxis(120_000).max).toBe(200_000);
  });

  it('puts the lines at quarters of a 1 or a 2, leaving out those between whole units', () => {
    expect(valueAxis(2).ticks).toEqual([0, 1, 2]);
    expect(valueAxis(9).ticks).toEqual([0, 5, 10]);
    expect(valueAxis(150).ticks).toEqual([0, 50, 100, 150, 200]);
    expect(valueAxis(1_000).ticks).toEqual([0, 250, 500, 750, 1_000]);
  });

  it('puts the lines at fifths of a 5, so each one stands on a round number', () => {
    expect(valueAxis(4).ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueAxis(32).ticks).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueAxis(2_400).ticks).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000]);
  });

  it('keeps round lines for very large values', () => {
    expect(valueAxis(3.2e9)).toEqual({ max: 5e9, ticks: [0, 1e9, 2e9, 3e9, 4e9, 5e9] });
    expect(valueAxis(1.2e21)).toEqual({ max: 2e21, ticks: [0, 5e20, 1e21, 1.5e21, 2e21] });
    expect(valueAxis(Number.MAX_SAFE_INTEGER).max).toBe(1e16);
  });
});
