import { describe, expect, it } from 'vitest';
import { percentile } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });
  it('does not depend on the input order', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
  });
  it('refuses an empty list', () => {
    expect(() => percentile([], 50)).toThrow('no measurements');
  });
});
