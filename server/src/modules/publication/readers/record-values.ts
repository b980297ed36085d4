import type { PartyName, PublicationRecord } from '#core/publication';

type Classification = PublicationRecord['classifications'][number];
type Title = PublicationRecord['titles'][number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD from the offices' `20111228` or `2011-12-28`; null when missing or not a calendar date
 * (DOCDB writes unknown days as `00`, OPS writes `00010101` for "none").
 */
export function isoDate(value: string | null | undefined): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, yearText = '', monthText = '', dayText = ''] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 && !isLeap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day > lastDay ? null : `${yearText}-${monthText}-${dayText}`;
}

/** A party name as printed, on one line: OPS joins the parts of `original` names with ", ", and leaves a trailing one. */
export function cleanName(value: string | null | undefined): string | null {
  const name = value?.replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim() ?? '';
  return name === '' ? null : name;
}

/** The country an `epodoc` name ends with: `9SOLUTIONS OY [FI]` → FI. */
export function bracketCountry(name: string): string | null {
  return /\[([A-Z]{2})\]$/.exec(name)?.[1] ?? null;
}

/** A two-letter country code, or null for the empty `<country/>` the Register writes. */
export function countryCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** `01` → 1; null when absent or not a positive whole number. */
export function positiveInteger(value: string | null | undefined): number | null {
  const text = value?.trim() ?? '';
  if (!/^\d{1,9}$/.test(text)) return null;
  const number = Number(text);
  return number > 0 ? number : null;
}

const SYMBOL = /([A-H])\s*(\d{2})\s*([A-Z])\s*(\d{1,4})\s*\/\s*(\d{1,6})/g;

/**
 * The IPC or CPC symbols in a text, written `H04W 84/20` whatever the source layout: fixed-width
 * (`H04W  84/    20            A I`), run together (`H04W84/20,  // H04W88/04`) or with the
 * edition in front (` 7A 01B  45/00`).
 */
export function classificationSymbols(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(SYMBOL)].map(([, section, group, subclass, main, sub]) => `${section}${group}${subclass} ${main}/${sub}`);
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
