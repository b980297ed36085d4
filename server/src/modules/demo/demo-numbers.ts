import { daysBetween, yearOf, type IsoDay } from './demo-dates.ts';
import type { Random } from './demo-random.ts';

/**
 * Application, publication and grant numbers in each office's own format, unique across the demo.
 * Serial numbers grow with the date the way the offices' do, so a number looks its age.
 */
export interface Numbering {
  /** INPI: FR + two-digit year + five digits (FR1851234). */
  frApplication(filingDate: IsoDay): string;
  /** INPI publication (and grant) number: seven digits (3071234). */
  frPublication(date: IsoDay): string;
  /** PCT application at the French receiving office: PCT/FR2018/051234. */
  pctApplication(filingDate: IsoDay): string;
  /** WIPO publication: WO2019/123456. */
  woPublication(date: IsoDay): string;
  /** EPO: EP + two-digit year + six digits (EP18123456). */
  epApplication(year: number): string;
  /** EPO publication (and grant) number: seven digits. */
  epPublication(date: IsoDay): string;
  /** USPTO: series code / six digits (16/123,456). */
  usApplication(entryDate: IsoDay): string;
  /** USPTO pre-grant publication: 2021/0123456. */
  usPublication(date: IsoDay): string;
  /** USPTO patent number: eight digits in the years the demo covers. */
  usGrant(date: IsoDay): string;
  /** DOCDB simple family id. */
  docdbFamily(date: IsoDay): string;
  /** Software deposit at the APP (Agence pour la protection des programmes): an IDDN number. */
  iddn(date: IsoDay): string;
  /** INPI e-Soleau envelope, dating confidential know-how. */
  soleau(date: IsoDay): string;
}

export function createNumbering(random: Random): Numbering {
  const used = new Set<string>();
  /** The first free number from `start` upwards, so numbers stay unique and keep their order. */
  const claimSerial = (scope: string, start: number): number => {
    let serial = start;
    while (used.has(`${scope}:${serial}`)) serial++;
    used.add(`${scope}:${serial}`);
    return serial;
  };
  /** A random free number in [min, max]. */
  const claimRandom = (scope: string, min: number, max: number): number => {
    for (;;) {
      const serial = random.int(min, max);
      if (!used.has(`${scope}:${serial}`)) {
        used.add(`${scope}:${serial}`);
        return serial;
      }
    }
  };
  const yy = (year: number) => String(year % 100).padStart(2, '0');

  return {
    frApplication: (date) => `FR${yy(yearOf(date))}${claimRandom(`FR${yearOf(date)}`, 50_000, 63_999)}`,
    frPublication: (date) => String(claimSerial('FRpub', 3_000_000 + Math.floor(daysBetween('2014-06-01', date) * 40) + random.int(0, 35))),
    pctApplication: (date) => `PCT/FR${yearOf(date)}/05${String(claimRandom(`PCT${yearOf(date)}`, 0, 2_999)).padStart(4, '0')}`,
    woPublication: (date) => `WO${yearOf(date)}/${String(claimRandom(`WO${yearOf(date)}`, 10_000, 250_000)).padStart(6, '0')}`,
    epApplication: (year) => `EP${yy(year)}${claimRandom(`EP${year}`, 700_000, 899_999)}`,
    epPublication: (date) => String(claimSerial('EPpub', 3_000_000 + Math.floor(daysBetween('2016-03-23', date) * 466) + random.int(0, 400))),
    usApplication: (date) => {
      const series = date < '2017-12-05' ? 15 : date < '2019-12-20' ? 16 : date < '2021-12-28' ? 17 : date < '2024-08-01' ? 18 : 19;
      const serial = String(claimRandom(`US${series}`, 0, 999_999)).padStart(6, '0');
      return `${series}/${serial.slice(0, 3)},${serial.slice(3)}`;
    },
    usPublication: (date) => `${yearOf(date)}/0${claimRandom(`USpub${yearOf(date)}`, 100_000, 399_999)}`,
    usGrant: (date) => String(claimSerial('USgrant', 10_000_000 + Math.floor(daysBetween('2018-06-19', date) * 1_000) + random.int(0, 900))),
    docdbFamily: (date) => String(claimSerial('docdb', 54_000_000 + Math.floor(daysBetween('2015-01-01', date) * 9_000) + random.int(0, 8_000))),
    iddn: (date) =>
      `IDDN.FR.001.${String(claimRandom('IDDN', 100_000, 499_999))}.000.S.P.${yearOf(date)}.000.${random.pick(['10000', '20600', '30000', '31230'])}`,
    soleau: (date) => `DSO${yearOf(date)}${String(claimRandom(`DSO${yearOf(date)}`, 0, 99_999)).padStart(6, '0')}`,
  };
}
