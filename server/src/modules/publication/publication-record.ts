import { createHash } from 'node:crypto';
import type { PartyName, PublicationRecord } from '#core/publication';

/*
 * A publication as the corpus stores it: every field present, every element in one fixed shape, so the
 * same record read from a file or back from the database gives the same bytes, hence the same hash.
 */

export interface StoredParty {
  sequence: number | null;
  name: string;
  format: PartyName['format'];
  country: string | null;
  identifier: string | null;
}

export interface StoredPriority {
  country: string | null;
  number: string;
  date: string | null;
  format: 'docdb' | 'epodoc' | 'original' | null;
}

export interface StoredLegalEvent {
  code: string;
  date: string | null;
  description: string | null;
  country: string | null;
  effectiveDate: string | null;
  text: string | null;
  feeYear: number | null;
}

export interface StoredStep {
  code: string;
  description: string | null;
  date: string | null;
  year: number | null;
  dates: { type: string; date: string | null }[];
  timeLimit: { value: number; unit: string } | null;
}

export interface StoredRecord {
  country: string;
  number: string;
  /** '' when the source names no kind. */
  kind: string;
  publicationDate: string | null;
  applicationNumber: string | null;
  filingDate: string | null;
  familyId: string | null;
  titles: { lang: string | null; text: string }[];
  applicants: StoredParty[];
  inventors: StoredParty[];
  owners: StoredParty[];
  priorities: StoredPriority[];
  classifications: { scheme: string; code: string }[];
  legalEvents: StoredLegalEvent[];
  proceduralSteps: StoredStep[];
}

/** The key a publication is stored under: one row per country, number and kind. */
export function recordKey(record: Pick<StoredRecord, 'country' | 'number' | 'kind'>): string {
  return `${record.country}\u0000${record.number}\u0000${record.kind}`;
}

function party(value: StoredParty | PartyName): StoredParty {
  return { sequence: value.sequence, name: value.name, format: value.format, country: value.country, identifier: value.identifier ?? null };
}

/** Any value of the stored shape, from a reader's record or from the database's jsonb (whose key order differs). */
export function canonicalRecord(record: StoredRecord | (PublicationRecord & { kind: string | null })): StoredRecord {
  return {
    country: record.country,
    number: record.number,
    kind: record.kind ?? '',
    publicationDate: record.publicationDate,
    applicationNumber: record.applicationNumber,
    filingDate: record.filingDate,
    familyId: record.familyId,
    titles: record.titles.map((title) => ({ lang: title.lang, text: title.text })),
    applicants: record.applicants.map(party),
    inventors: record.inventors.map(party),
    owners: (record.owners ?? []).map(party),
    priorities: record.priorities.map((claim) => ({ country: claim.country, number: claim.number, date: claim.date, format: claim.format ?? null })),
    classifications: record.classifications.map((entry) => ({ scheme: entry.scheme, code: entry.code })),
    legalEvents: record.legalEvents.map((event) => ({
      code: event.code,
      date: event.date,
      description: event.description,
      country: event.country,
      effectiveDate: event.effectiveDate ?? null,
      text: event.text ?? null,
      feeYear: event.feeYear ?? null,
    })),
    proceduralSteps: record.proceduralSteps.map((step) => ({
      code: step.code,
      description: step.description,
      date: step.date,
      year: step.year,
      dates: (step.dates ?? []).map((entry) => ({ type: entry.type, date: entry.date })),
      timeLimit: step.timeLimit ? { value: step.timeLimit.value, unit: step.timeLimit.unit } : null,
    })),
  };
}

type ListField = 'titles' | 'applicants' | 'inventors' | 'owners' | 'priorities' | 'classifications' | 'legalEvents' | 'proceduralSteps';
const LIST_FIELDS: readonly ListField[] = ['titles', 'applicants', 'inventors', 'owners', 'priorities', 'classifications', 'legalEvents', 'proceduralSteps'];

/**
 * A record completed by another of the same publication: what `incoming` gives replaces what was
 * stored, and what it leaves out (null, or an empty list) keeps the stored value. Offices publish a
 * publication in parts (bibliographic data, INPADOC legal events, Register steps), so a file of legal
 * events does not erase the applicants a bibliographic file gave. Applying the same record twice
 * changes nothing the second time, which makes re-imports idempotent.
 */
export function overlay(stored: StoredRecord | null, incoming: StoredRecord): StoredRecord {
  if (stored === null) return incoming;
  const merged: StoredRecord = {
    ...stored,
    publicationDate: incoming.publicationDate ?? stored.publicationDate,
    applicationNumber: incoming.applicationNumber ?? stored.applicationNumber,
    filingDate: incoming.filingDate ?? stored.filingDate,
    familyId: incoming.familyId ?? stored.familyId,
  };
  for (const field of LIST_FIELDS) {
    if (incoming[field].length > 0) Object.assign(merged, { [field]: incoming[field] });
  }
  return merged;
}

/** SHA-256 of the canonical record, in hex. */
export function recordHash(record: StoredRecord): string {
  return createHash('sha256').update(JSON.stringify(canonicalRecord(record))).digest('hex');
}
