import type { PartyName, PublicationRecord } from '#core/publication';

type Classification = PublicationRecord['classifications'][number];
type Title = PublicationRecord['titles'][number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD from the offices' `20111228` or `2011-12-28`; null when missing or not a calendar date
 * (DOCDB writes unknown days as `00`, OPS writes `00010101` for "none").
 */
export function isoDate(value: string | null | undefined): string | null {
  // Most dates come as eight digits: read without a regular expression (this runs for every date read).
  if (value?.length === 8 && isDigits(value)) return calendarDate(value.slice(0, 4), value.slice(4, 6), value.slice(6, 8));
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, yearText = '', monthText = '', dayText = ''] = match;
  return calendarDate(yearText, monthText, dayText);
}

function calendarDate(yearText: string, monthText: string, dayText: string): string | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 && !isLeap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day > lastDay ? null : `${yearText}-${monthText}-${dayText}`;
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** A party name as printed, on one line: OPS joins the parts of `original` names with ", ", and leaves a trailing one. */
export function cleanName(value: string | null | undefined): string | null {
  // A name already on one line, without a separator at its end, is returned as it is.
  if (value && isCollapsed(value) && value.charCodeAt(value.length - 1) !== 0x2c) return value;
  const name = value?.replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim() ?? '';
  return name === '' ? null : name;
}

/** The country an `epodoc` name ends with: `9SOLUTIONS OY [FI]` → FI. */
export function bracketCountry(name: string): string | null {
  return /\[([A-Z]{2})\]$/.exec(name)?.[1] ?? null;
}

/** A two-letter country code, or null for the empty `<country/>` the Register writes. */
export function countryCode(value: string | null | undefined): string | null {
  if (value?.length === 2 && isCapital(value.charCodeAt(0)) && isCapital(value.charCodeAt(1))) return value;
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** `01` → 1; null when absent or not a positive whole number. */
export function positiveInteger(value: string | null | undefined): number | null {
  if (value && value.length <= 9 && isDigits(value)) return Number(value) > 0 ? Number(value) : null;
  const text = value?.trim() ?? '';
  if (!/^\d{1,9}$/.test(text)) return null;
  const number = Number(text);
  return number > 0 ? number : null;
}

function isCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/**
 * True when the text has no white space to collapse or trim: no leading or trailing space, no run
 * of two, no white space but the plain space (`\s` also matches tabs, line breaks and the Unicode
 * spaces). Most values are already so, and checking is cheaper than replacing.
 */
export function isCollapsed(text: string): boolean {
  let previousIsSpace = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (previousIsSpace) return false;
      previousIsSpace = true;
    } else if (isOtherSpace(code)) {
      return false;
    } else {
      previousIsSpace = false;
    }
  }
  return !previousIsSpace;
}

/** The white space `\s` matches besides the plain space. */
function isOtherSpace(code: number): boolean {
  if (code < 0xa0) return code >= 0x09 && code <= 0x0d;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const SYMBOL = /([A-H])\s*(\d{2})\s*([A-Z])\s*(\d{1,4})\s*\/\s*(\d{1,6})/g;

/**
 * The IPC or CPC symbols in a text, written `H04W 84/20` whatever the source layout: fixed-width
 * (`H04W  84/    20            A I`), run together (`H04W84/20,  // H04W88/04`) or with the
 * edition in front (` 7A 01B  45/00`).
 */
export function classificationSymbols(text: string | null | undefined): string[] {
  if (!text) return [];
  // An `exec` loop rather than `matchAll`: the same matches without an iterator and copies, for every symbol read.
  const symbols: string[] = [];
  SYMBOL.lastIndex = 0;
  for (let match = SYMBOL.exec(text); match !== null; match = SYMBOL.exec(text)) {
    const [, section, group, subclass, main, sub] = match;
    symbols.push(`${section}${group}${subclass} ${main}/${sub}`);
  }
  return symbols;
}

export function addClassifications(into: Classification[], scheme: 'IPC' | 'CPC', text: string | null | undefined): void {
  for (const code of classificationSymbols(text)) {
    if (!into.some((known) => known.scheme === scheme && known.code === code)) into.push({ scheme, code });
  }
}

export function addTitle(into: Title[], lang: string | null | undefined, text: string | null): void {
  if (text === null) return;
  const language = lang?.trim().toLowerCase() || null;
  if (!into.some((known) => known.lang === language && known.text === text)) into.push({ lang: language, text });
}

/** A party entry, or null when it carries no name. */
export function partyName(input: {
  sequence: number | null;
  name: string | null;
  format: PartyName['format'];
  country: string | null;
}): PartyName | null {
  const name = cleanName(input.name);
  if (name === null) return null;
  const country = input.format === 'epodoc' ? (bracketCountry(name) ?? input.country) : input.country;
  return { sequence: input.sequence, name, format: input.format, country };
}

/** An empty record to fill: every list empty, every value not yet known. */
export function emptyRecord(source: PublicationRecord['source']): PublicationRecord {
  return {
    source,
    country: '',
    number: '',
    kind: null,
    publicationDate: null,
    applicationNumber: null,
    filingDate: null,
    familyId: null,
    priorities: [],
    titles: [],
    applicants: [],
    inventors: [],
    classifications: [],
    legalEvents: [],
    proceduralSteps: [],
  };
}
