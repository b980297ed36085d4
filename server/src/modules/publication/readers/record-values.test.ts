import { describe, expect, it } from 'vitest';
import { bracketCountry, classificationSymbols, cleanName, isoDate, positiveInteger } from './record-values.ts';

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
});
