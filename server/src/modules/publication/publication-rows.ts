import { keysOf } from './publication-match.ts';
import { normaliseName } from './publication-keys.ts';
import { type Part, mergedRecord, partsHash, storedParts } from './publication-parts.ts';
import { type StoredRecord, canonicalRecord } from './publication-record.ts';
import type { StoredState } from './publication-batch.repository.ts';
import type { PublicationRow } from './publication.repository.ts';

/** A SIREN number (INPI's `iid` for a legal entity): nine digits. */
const SIREN = /^\d{9}$/;

/** The record held in a stored row, in canonical form. */
export function storedRecordOf(row: PublicationRow): StoredRecord {
  return canonicalRecord(row);
}

/**
 * The applicants' names for searching: every name in every format normalised (see normaliseName), each
 * once, as one text for full-text search and as exact keys, with `SIREN:<number>` for INPI's identifiers.
 */
export function applicantSearchValues(record: StoredRecord): { applicantNames: string; applicantKeys: string[] } {
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const applicant of record.applicants) {
    const name = normaliseName(applicant.name);
    if (name !== '') names.add(name);
    if (applicant.identifier !== null && SIREN.test(applicant.identifier)) keys.add(`SIREN:${applicant.identifier}`);
  }
  return { applicantNames: [...names].join(' | '), applicantKeys: [...names, ...keys] };
}

/** The row to write for a publication's parts: a new one, or the stored one with the merged record's values. */
export function rowOf(
  parts: Part[],
  values: { id: string; source: string; runId: string; now: string; existing: StoredState | null },
): PublicationRow {
  const { existing } = values;
  const record = mergedRecord(parts);
  const keys = keysOf(record);
  return {
    id: values.id,
    ...record,
    applicationKey: keys.applicationKey,
    priorityKeys: keys.priorityKeys,
    ...applicantSearchValues(record),
    source: values.source,
    parts: storedParts(parts),
    recordHash: partsHash(parts),
    firstRunId: existing ? existing.firstRunId : values.runId,
    lastRunId: values.runId,
    dismissedAt: existing?.dismissedAt ?? null,
    dismissedBy: existing?.dismissedBy ?? null,
    createdAt: existing?.createdAt ?? values.now,
    updatedAt: values.now,
  };
}
