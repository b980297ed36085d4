import { describe, expect, it } from 'vitest';
import { formatCompactMoney, formatMoney } from './money.ts';

const numberIn = (lang: string) => (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, options).format(value);

describe('amounts in the reader’s language', () => {
  it('writes euros the French way and dollars the English way, cents only when there are some', () => {
    expect(formatMoney(numberIn('fr'), 1250, 'EUR').replace(/\s/g, ' ')).toBe('1 250 €');
    expect(formatMoney(numberIn('fr'), 1250.5, 'EUR').replace(/\s/g, ' ')).toBe('1 250,50 €');
    expect(formatMoney(numberIn('en'), 2150, 'USD')).toBe('$2,150');
    expect(formatMoney(numberIn('en'), 2150, 'EUR')).toBe('€2,150');
  });

  it('shortens large amounts on an axis', () => {
    expect(formatCompactMoney(numberIn('en'), 12_000, 'EUR')).toBe('€12K');
  });
});
