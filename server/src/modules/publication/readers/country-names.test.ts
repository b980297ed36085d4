import { describe, expect, it } from 'vitest';
import { countryFromName } from './country-names.ts';

describe('countryFromName', () => {
  it.each([
    ['JAPAN', 'JP'],
    ['FRANCE', 'FR'],
    ['UNITED STATES', 'US'],
    ['KOREA, REPUBLIC OF', 'KR'],
    ['Taiwan, Province of China', 'TW'],
    ['GERMANY', 'DE'],
    ['Côte d’Ivoire', 'CI'],
    ['fr', 'FR'],
  ])('reads %s as %s', (name, code) => {
    expect(countryFromName(name)).toBe(code);
  });

  it.each([['NULL'], [''], ['ATLANTIS'], [null]])('knows no country in %j', (name) => {
    expect(countryFromName(name)).toBeNull();
  });
});
