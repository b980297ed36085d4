import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketCountry, classificationSymbols, cleanName, countryCode, isCollapsed, isoDate, positiveInteger } from './record-values.ts';

/** The values as the regular expressions define them, which the functions shortcut for the common cases. */
const reference = {
  isCollapsed: (text: string) => text !== '' && text.replace(/\s+/g, ' ').trim() === text,
  cleanName: (text: string) => text.replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim() || null,
  countryCode: (text: string) => (/^[A-Z]{2}$/.test(text.trim().toUpperCase()) ? text.trim().toUpperCase() : null),
  positiveInteger: (text: string) => (/^\d{1,9}$/.test(text.trim()) && Number(text.trim()) > 0 ? Number(text.trim()) : null),
};

describe('record values', () => {
  it.each([
    ['20111228', '2011-12-28'],
    ['2011-12-28', '2011-12-28'],
    [' 20000229 ', '2000-02-29'],
    ['19000229', null],
    ['19980700', null],
    ['00010101', null],
    ['20111331', null],
    ['', null],
    [undefined, null],
  ])('writes the date %s as %s', (input, expected) => {
    expect(isoDate(input)).toBe(expected);
  });

  it.each([
    ['H04W  84/    20            A I                    ', ['H04W 84/20']],
    ['H05K   3/26        20060101AFI20090630BHEP        ', ['H05K 3/26']],
    ['H04W84/20,  // H04W88/04', ['H04W 84/20', 'H04W 88/04']],
    [' 7A 01B  45/00   A', ['A01B 45/00']],
    ['F02M2700/1358      ', ['F02M 2700/1358']],
    ['no symbol here', []],
  ])('reads the classification symbols of %j', (text, symbols) => {
    expect(classificationSymbols(text)).toEqual(symbols);
  });

  it('puts a name on one line, without the separator OPS leaves at its end', () => {
    expect(cleanName('9SOLUTIONS OY, ')).toBe('9SOLUTIONS OY');
    expect(cleanName('The Regents of the University \nof California')).toBe('The Regents of the University of California');
    expect(cleanName(' \n ')).toBeNull();
  });

  it('reads the country of an epodoc name and the number of a sequence', () => {
    expect(bracketCountry('9SOLUTIONS OY [FI]')).toBe('FI');
    expect(bracketCountry('PRIMUS GREEN ENERGY INC')).toBeNull();
    expect(positiveInteger('01')).toBe(1);
    expect(positiveInteger('0')).toBeNull();
    expect(positiveInteger('x')).toBeNull();
  });

  it('reads values as the regular expressions that define them do, fast paths included', () => {
    const characters = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', ',', 'a', 'D', 'E', '0', '1', '9', '-', 'é');
    fc.assert(
      fc.property(fc.string({ unit: characters, maxLength: 12 }), (text) => {
        expect(isCollapsed(text)).toBe(reference.isCollapsed(text));
        expect(cleanName(text)).toBe(reference.cleanName(text));
        expect(countryCode(text)).toBe(reference.countryCode(text));
        expect(positiveInteger(text)).toBe(reference.positiveInteger(text));
      }),
      { seed: 7, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', ' '), minLength: 8, maxLength: 10 }), (text) => {
        const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
        if (!match) expect(isoDate(text)).toBeNull();
        else expect(isoDate(text) === null || isoDate(text) === `${match[1]}-${match[2]}-${match[3]}`).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
    expect(isoDate('20240229')).toBe('2024-02-29');
    expect(isoDate('20230229')).toBeNull();
  });
});
