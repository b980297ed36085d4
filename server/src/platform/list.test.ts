import { describe, expect, it } from 'vitest';
import { prefixTsQuery, toPage } from './list.ts';

describe('prefixTsQuery', () => {
  it('turns each word into a prefix match', () => {
    expect(prefixTsQuery('Graph sens')).toBe('graph:* & sens:*');
  });
  it('drops tsquery operators typed by the user', () => {
    expect(prefixTsQuery("a & b | !c:* 'd'")).toBe('a:* & b:* & c:* & d:*');
  });
  it('keeps accented letters', () => {
    expect(prefixTsQuery('procédé')).toBe('procédé:*');
  });
  it('returns null when nothing searchable is left', () => {
    expect(prefixTsQuery(' &&& ')).toBeNull();
  });
});

describe('toPage', () => {
  it('gives the next offset while rows remain', () => {
    expect(toPage([1, 2], 5, { limit: 2, offset: 2 }).nextOffset).toBe(4);
  });
  it('gives no next offset on the last page', () => {
    expect(toPage([1], 5, { limit: 2, offset: 4 }).nextOffset).toBeNull();
  });
});
