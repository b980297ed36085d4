import { describe, expect, it } from 'vitest';
import { applicationKey, isApplicationKind, isGrantKind, normaliseName, publicationKey, publishesSearchReport } from './publication-keys.ts';

describe('applicationKey', () => {
  it.each([
    ['EP', '10167109.1'],
    ['EP', '10167109'],
    ['EP', 'EP10167109'],
    ['EP', 'ep 10167109.1'],
    ['EP', '20100167109'],
    ['EP', 'EP20100167109'],
    [null, 'EP10167109'],
  ])('gives one key to the EPO forms of an application number: %s %s', (office, number) => {
    expect(applicationKey(office, number)).toBe('EP:10167109');
  });

  it.each([
    ['WO', 'PCT/FR2018/051234', 'WO:FR2018051234'],
    ['WO', 'pct/fr2018/051234', 'WO:FR2018051234'],
    ['WO', 'FR2018/051234', 'WO:FR2018051234'],
    [null, 'PCT/FR2018/051234', 'WO:FR2018051234'],
    ['WO', 'WO2022IB55385', 'WO:IB2022055385'],
    ['WO', 'IB2022/055385', 'WO:IB2022055385'],
    ['WO', 'PCT/FR03/00123', 'WO:FR2003000123'],
  ])('reads the receiving office, year and serial of a PCT application: %s %s', (office, number, key) => {
    expect(applicationKey(office, number)).toBe(key);
  });

  it('gives no key to a PCT number without its receiving office, whose serial another office also uses', () => {
    expect(applicationKey('WO', '2022055385')).toBeNull();
  });

  it.each([
    ['16/123,456'],
    ['16123456'],
    ['US16123456'],
    ['201816123456'],
  ])('gives one key to the USPTO forms of an application number: %s', (number) => {
    expect(applicationKey('US', number)).toBe('US:16123456');
  });

  it.each([
    ['FR1851234'],
    ['1851234'],
    ['FR 18 51234'],
    ['FR20180051234'],
  ])('gives one key to the INPI forms of an application number: %s', (number) => {
    expect(applicationKey('FR', number)).toBe('FR:1851234');
  });

  it('keeps the letters and digits of other offices', () => {
    expect(applicationKey('DE', 'B0077613')).toBe('DE:B0077613');
    expect(applicationKey('JP', 'JP2005-505120')).toBe('JP:2005505120');
  });

  it('gives no key without a number or an office', () => {
    expect(applicationKey('EP', null)).toBeNull();
    expect(applicationKey(null, '12345')).toBeNull();
    expect(applicationKey('EP', '/')).toBeNull();
  });
});

describe('publicationKey', () => {
  it.each([
    ['EP', '2400812', 'EP:2400812'],
    ['EP', 'EP2400812', 'EP:2400812'],
    ['EP', 'EP 2400812 A1', 'EP:2400812'],
    ['WO', 'WO2019/123456', 'WO:2019123456'],
    ['WO', '2019123456', 'WO:2019123456'],
    ['US', '2021/0123456', 'US:2021123456'],
    ['US', '2021123456', 'US:2021123456'],
    ['US', 'D0967598', 'US:D967598'],
    ['FR', 'FR3100001', 'FR:3100001'],
  ])('%s %s → %s', (country, number, key) => {
    expect(publicationKey(country, number)).toBe(key);
  });
});

describe('normaliseName', () => {
  it('drops accents, case, punctuation and the epodoc country suffix', () => {
    expect(normaliseName('Institut Mines-Télécom')).toBe('INSTITUT MINES TELECOM');
    expect(normaliseName("Commissariat à l'Energie Atomique")).toBe('COMMISSARIAT A L ENERGIE ATOMIQUE');
    expect(normaliseName('9SOLUTIONS OY [FI]')).toBe('9SOLUTIONS OY');
    expect(normaliseName('  IMT  Atlantique, ')).toBe('IMT ATLANTIQUE');
  });
});

describe('kind codes', () => {
  it('tells grants from applications, office by office', () => {
    expect(isGrantKind('EP', 'B1')).toBe(true);
    expect(isGrantKind('FR', 'B1')).toBe(true);
    expect(isGrantKind('US', 'S1')).toBe(true);
    expect(isGrantKind('US', 'E1')).toBe(true);
    expect(isGrantKind('EP', 'A1')).toBe(false);
    expect(isApplicationKind('EP', 'A3')).toBe(true);
    expect(isApplicationKind('US', 'A')).toBe(false);
    expect(isApplicationKind('WO', 'A1')).toBe(true);
  });

  it('knows which EP publications carry the search report', () => {
    expect(publishesSearchReport('EP', 'A1')).toBe(true);
    expect(publishesSearchReport('EP', 'A3')).toBe(true);
    expect(publishesSearchReport('EP', 'A2')).toBe(false);
    expect(publishesSearchReport('FR', 'A1')).toBe(false);
  });
});
