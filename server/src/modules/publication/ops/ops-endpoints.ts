import { DomainError } from '../../../platform/errors.ts';
import type { OpsService } from './ops-throttle.ts';

/*
 * OPS request paths (reference guide 2.1.1): `rest-services/<service>/<reference type>/<input format>/
 * <input>/<endpoint>/<constituents>`. Numbers go in the docdb format (`EP.2400812.A1`, country, number,
 * kind, joined by dots) or the epodoc one (`EP2400812`); the Register takes epodoc only (3.4).
 */

/** What one client call asks OPS for. */
export type OpsOperation =
  | 'biblio'
  | 'full-cycle'
  | 'family'
  | 'legal'
  | 'register-biblio'
  | 'register-events'
  | 'register-procedural-steps'
  | 'search';

export type OpsReferenceType = 'publication' | 'application';
export type OpsNumberFormat = 'epodoc' | 'docdb';

/** A publication or application number taken apart: `EP2400812A1` is EP, 2400812, A1. */
export interface OpsNumber {
  type: OpsReferenceType;
  country: string;
  number: string;
  kind: string | null;
}

/** A request to send: its path under `rest-services`, the throttled service it counts against, the type to accept. */
export interface OpsRequestTarget {
  path: string;
  service: OpsService;
  accept: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long an answer is used before OPS is asked again. Bibliographic data changes only with a new
 * publication; legal events and the Register move daily (fees, lapses, communications).
 */
export const DEFAULT_MAX_AGE_MS: Readonly<Record<OpsOperation, number>> = {
  biblio: 7 * DAY_MS,
  'full-cycle': 7 * DAY_MS,
  family: 7 * DAY_MS,
  legal: DAY_MS,
  'register-biblio': DAY_MS,
  'register-events': DAY_MS,
  'register-procedural-steps': DAY_MS,
  search: DAY_MS,
};

/**
 * Reads `EP2400812`, `EP2400812A1`, `EP 2400812 A1` or `EP.2400812.A1`. A number with other characters
 * (a slash, a comma) is refused rather than guessed at: OPS would need it bracketed (2.1.3).
 */
export function parseOpsNumber(text: string, type: OpsReferenceType = 'publication'): OpsNumber {
  let compact = text.trim().toUpperCase().replace(/[\s.]+/g, '.');
  // An EP application number is often written with its check digit (10167109.1), which OPS does not take.
  if (type === 'application') compact = compact.replace(/\.\d$/, '');
  const match = /^([A-Z]{2})\.?([A-Z]{0,2}\d[\dA-Z]*?)(?:\.?([A-Z]\d?))?$/.exec(compact);
  if (!match) {
    throw DomainError.invalid('number', `"${text}" is not a patent number such as EP2400812, EP2400812A1 or EP.2400812.A1`);
  }
  const [, country = '', number = '', kind] = match;
  return { type, country, number, kind: kind ?? null };
}

/** `EP.2400812.A1` (docdb) or `EP2400812` (epodoc, which needs no kind). */
export function formatOpsNumber(number: OpsNumber, format: OpsNumberFormat): string {
  if (format === 'epodoc') return `${number.country}${number.number}`;
  return number.kind ? `${number.country}.${number.number}.${number.kind}` : `${number.country}.${number.number}`;
}

/** docdb when the kind is known (it names one publication), else epodoc. */
function defaultFormat(number: OpsNumber): OpsNumberFormat {
  return number.kind ? 'docdb' : 'epodoc';
}

export function opsTarget(operation: Exclude<OpsOperation, 'search'>, number: OpsNumber, format?: OpsNumberFormat): OpsRequestTarget {
  const input = (chosen: OpsNumberFormat) => `${number.type}/${chosen}/${encodeURIComponent(formatOpsNumber(number, chosen))}`;
  const published = input(format ?? defaultFormat(number));
  const register = input('epodoc');
  switch (operation) {
    case 'biblio':
      return { path: `published-data/${published}/biblio`, service: 'retrieval', accept: 'application/exchange+xml' };
    case 'full-cycle':
      return { path: `published-data/${published}/biblio/full-cycle`, service: 'retrieval', accept: 'application/exchange+xml' };
    case 'family':
      return { path: `family/${published}/biblio`, service: 'inpadoc', accept: 'application/ops+xml' };
    case 'legal':
      return { path: `legal/${published}`, service: 'inpadoc', accept: 'application/ops+xml' };
    case 'register-biblio':
      return { path: `register/${register}/biblio`, service: 'other', accept: 'application/register+xml' };
    case 'register-events':
      return { path: `register/${register}/events`, service: 'other', accept: 'application/register+xml' };
    case 'register-procedural-steps':
      return { path: `register/${register}/procedural-steps`, service: 'other', accept: 'application/register+xml' };
  }
}

export interface OpsSearchOptions {
  /** With the bibliographic data of each hit (`/biblio`), or publication references only. */
  biblio?: boolean;
  /** 1-based, inclusive; OPS answers at most 100 at a time. */
  range?: { begin: number; end: number };
}

/** A CQL query (`pa=IBM`, `pn=EP2400812`) on published data. */
export function opsSearchTarget(query: string, options: OpsSearchOptions = {}): OpsRequestTarget {
  if (query.trim() === '') throw DomainError.invalid('query', 'is empty');
  const range = options.range;
  if (range && !(Number.isInteger(range.begin) && Number.isInteger(range.end) && range.begin >= 1 && range.end >= range.begin && range.end - range.begin < 100)) {
    throw DomainError.invalid('range', 'must be begin..end with 1 <= begin <= end and at most 100 hits');
  }
  const parameters = new URLSearchParams({ q: query.trim() });
  if (range) parameters.set('Range', `${range.begin}-${range.end}`);
  return {
    path: `published-data/search${options.biblio ? '/biblio' : ''}?${parameters.toString()}`,
    service: 'search',
    accept: 'application/ops+xml',
  };
}
