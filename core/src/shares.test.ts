import { describe, expect, it } from 'vitest';
import { firstDuplicate, sumsToHundred } from './shares.ts';

describe('sumsToHundred', () => {
  it('accepts thirds written with two decimals', () => {
    expect(sumsToHundred([33.33, 33.33, 33.34])).toBe(true);
  });
  it('rejects a sum of 99.99', () => {
    expect(sumsToHundred([33.33, 33.33, 33.33])).toBe(false);
  });
  it('rejects an empty list', () => {
    expect(sumsToHundred([])).toBe(false);
  });
  it('accepts a single owner at 100', () => {
    expect(sumsToHundred([100])).toBe(true);
  });
});

describe('firstDuplicate', () => {
  it('finds the repeated value', () => {
    expect(firstDuplicate(['a', 'b', 'a'])).toBe('a');
  });
  it('returns undefined when all differ', () => {
    expect(firstDuplicate([1, 2, 3])).toBeUndefined();
  });
});
