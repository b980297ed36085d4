import type { PartyName, PublicationRecord } from '#core/publication';
import { bracketCountry, cleanName, countryCode } from './record-values.ts';

/** A data row read by column name, as the header row spells it (case and surrounding spaces aside). */
export class CsvColumns {
  private readonly indexes = new Map<string, number>();

  constructor(header: readonly string[]) {
    header.forEach((name, index) => {
      const key = columnKey(name);
      if (!this.indexes.has(key)) this.indexes.set(key, index);
    });
  }

  has(name: string): boolean {
    return this.indexes.has(columnKey(name));
  }

  /** The cell under a column, trimmed; null when the column is absent or the cell empty. */
  get(cells: readonly string[], name: string): string | null {
    const index = this.indexes.get(columnKey(name));
    const value = index === undefined ? '' : (cells[index]?.trim() ?? '');
    return value === '' ? null : value;
  }
}

export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The format of one CSV export: how to know its header row, and what a data row holds. */
export interface CsvFormat {
  source: Extract<PublicationRecord['source'], 'lens-csv' | 'espacenet-csv'>;
  /** A short description of the header it expects, for the error on an unknown file. */
  expected: string;
  isHeader(columns: CsvColumns): boolean;
  /** The records of one data row. */
  records(columns: CsvColumns, cells: readonly string[]): PublicationRecord[];
}

/** Splits a multi-valued cell; empty parts are dropped. */
export function splitCell(value: string | null, separator: RegExp | string): string[] {
  if (value === null) return [];
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Names in order, with a country taken from an epodoc-style `[FR]` suffix (then the format is `epodoc`). */
export function csvParties(names: string[]): PartyName[] {
  return names.flatMap((raw, index) => {
    const name = cleanName(raw);
    if (name === null) return [];
    const country = bracketCountry(name);
    return [{ sequence: index + 1, name, format: country ? ('epodoc' as const) : ('original' as const), country }];
  });
}

/**
 * A publication number as exports write it, with or without spaces, slashes and dashes:
 * `US 2019/0123456 A1`, `EP3123456B1`, `USD967598S1`, `WO 2019/012345 A1` → country, number
 * (punctuation removed), kind.
 */
export function publicationKey(text: string | null): { country: string | null; number: string; kind: string | null } | null {
  const compact = text?.toUpperCase().replace(/[\s/,-]+/g, '') ?? '';
  const match = /^([A-Z]{2})?([A-Z]{0,2}\d+)([A-Z]\d?)?$/.exec(compact);
  if (!match) return null;
  const [, country, number = '', kind] = match;
  return { country: countryCode(country), number, kind: kind ?? null };
}
