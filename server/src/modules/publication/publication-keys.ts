/*
 * Numbers and names in one form per office, so that what different sources write for the same
 * application compares equal: the office's own form typed by a person (EP "10167109.1", WO
 * "PCT/FR2018/051234", US "16/123,456"), DOCDB's (US "201816123456") and epodoc's (EP "EP20100167109").
 */

/** Upper-case, no spaces, NFKC: what a person may type with spaces and lower case. */
function clean(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}

/** The number without a leading office code: `EP10167109` → `10167109` for office EP. */
function withoutOffice(text: string, office: string): string {
  return text.startsWith(office) && /^[A-Z]{2}[^A-Z]/.test(text) ? text.slice(2) : text;
}

/** Is this a four-digit year of the offices' numbering (epodoc and DOCDB put it first)? */
function startsWithYear(digits: string): boolean {
  return /^(19|20)\d{2}/.test(digits);
}

/**
 * EPO application numbers: two-digit year and six digits, the check digit after the dot dropped
 * ("10167109.1" → 10167109); epodoc writes the four-digit year and seven digits ("20100167109").
 */
function epKey(text: string): string | null {
  const digits = withoutOffice(text, 'EP').replace(/\.\d$/, '').replace(/\D/g, '');
  if (digits.length === 11 && startsWithYear(digits)) return `${digits.slice(2, 4)}${digits.slice(5)}`;
  return digits;
}

/**
 * PCT applications: receiving office, four-digit year and six-digit serial ("PCT/FR2018/051234" →
 * FR2018051234); before 2004 the year had two digits and the serial five ("PCT/FR03/00123"); epodoc
 * writes "WO2022IB55385". A number without its receiving office (DOCDB gives only "2022055385") has
 * no key: serials restart at each office, so the year and serial alone name a dozen applications.
 */
function woKey(text: string): string | null {
  const body = text.replace(/^PCT\/?/, '').replace(/^WO(?=\d{4}[A-Z]{2})/, '');
  const epodoc = /^(\d{4})([A-Z]{2})(\d{1,6})$/.exec(body);
  if (epodoc) return `${epodoc[2]}${epodoc[1]}${epodoc[3]!.padStart(6, '0')}`;
  const office = /^([A-Z]{2})\/?(\d{2}|\d{4})\/?(\d{1,6})$/.exec(body.replace(/[^A-Z0-9/]/g, ''));
  if (!office) return null;
  const [, receiving = '', year = '', serial = ''] = office;
  const fullYear = year.length === 2 ? `${Number(year) > 50 ? '19' : '20'}${year}` : year;
  return `${receiving}${fullYear}${serial.padStart(6, '0')}`;
}

/**
 * USPTO applications: series code and six-digit serial ("16/123,456" → 16123456); DOCDB puts the
 * filing year first ("201816123456").
 */
function usKey(text: string): string | null {
  const digits = withoutOffice(text, 'US').replace(/[^0-9A-Z]/g, '');
  if (/^\d{12}$/.test(digits) && startsWithYear(digits)) return digits.slice(4);
  return digits;
}

/**
 * INPI applications: two-digit year and five digits ("FR1851234", "9307182"); epodoc writes the
 * four-digit year and seven digits ("FR20180051234"); DOCDB may end with a letter.
 */
function frKey(text: string): string | null {
  const digits = withoutOffice(text, 'FR').replace(/(\d)[A-Z]$/, '$1').replace(/\D/g, '');
  if (digits.length === 11 && startsWithYear(digits)) return `${digits.slice(2, 4)}${digits.slice(6)}`;
  return digits;
}

/**
 * The key of an application number at an office, `EP:10167109`, or null when the number has no
 * form that can be compared safely. A number in no form known here (other offices, older series) keeps
 * its letters and digits as written.
 */
export function applicationKey(office: string | null, number: string | null): string | null {
  if (number === null) return null;
  const text = clean(number);
  const code = office ?? officeOf(text);
  if (code === null || text === '') return null;
  const key = keyAt(code, text);
  return key === null || key === '' ? null : `${code}:${key}`;
}

function keyAt(office: string, text: string): string | null {
  switch (office) {
    case 'EP':
      return epKey(text);
    case 'WO':
      return woKey(text);
    case 'US':
      return usKey(text);
    case 'FR':
      return frKey(text);
    default:
      return withoutOffice(text, office).replace(/[^0-9A-Z]/g, '');
  }
}

/** The office a number names itself: `EP10167109`, `PCT/FR2018/051234`. */
function officeOf(text: string): string | null {
  if (text.startsWith('PCT')) return 'WO';
  return /^([A-Z]{2})\d/.exec(text)?.[1] ?? null;
}

/**
 * The key of a publication number, `EP:2400812`: the office prefix, the kind code after it, slashes
 * and leading zeros dropped. A US pre-grant number is written with seven digits after the year by
 * the office ("2021/0123456") and six by DOCDB ("2021123456").
 */
export function publicationKey(country: string, number: string): string | null {
  let text = withoutOffice(clean(number), country).replace(/[^0-9A-Z]/g, '');
  text = text.replace(/(\d)[A-Z]\d?$/, '$1');
  if (country === 'US' && /^(19|20)\d{2}0\d{6}$/.test(text)) text = `${text.slice(0, 4)}${text.slice(5)}`;
  text = text.replace(/^([A-Z]*)0+(?=\d)/, '$1');
  return text === '' ? null : `${country}:${text}`;
}

/**
 * A party's name for comparison: upper case, no accents, the epodoc country suffix ("[FR]") dropped,
 * any run of punctuation and spaces made one space. "Institut Mines-Télécom" → INSTITUT MINES TELECOM.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/\s*\[[A-Z]{2}\]\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Kind codes that publish a granted patent (WIPO ST.16): B and C at most offices (EP B1/B2/B3, FR B1,
 * DE B3/B4/C, NL C2, CA C), and at the USPTO also designs (S), plant patents (P2, P3) and reissues (E).
 */
export function isGrantKind(country: string, kind: string): boolean {
  if (/^[BC]\d?$/.test(kind)) return true;
  return country === 'US' && /^(S\d?|P[23]|E\d?)$/.test(kind);
}

/** Kind codes that publish an application before grant (A1, A2, A3, A9…; US A1, A2; not the USPTO's pre-2001 A grants). */
export function isApplicationKind(country: string, kind: string): boolean {
  if (country === 'US') return /^A[12]$/.test(kind);
  return /^A\d?$/.test(kind);
}

/** EP publications that carry the European search report: A1 (with the application) and A3 (alone). */
export function publishesSearchReport(country: string, kind: string): boolean {
  return country === 'EP' && (kind === 'A1' || kind === 'A3');
}
