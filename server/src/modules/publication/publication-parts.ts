import { createHash } from 'node:crypto';
import { type StoredRecord, canonicalRecord, overlay, recordHash } from './publication-record.ts';

/**
 * What one file said about a publication. Offices publish a publication in parts (bibliographic data,
 * INPADOC legal events, Register steps) and several files may give it: each file's record is kept as
 * a part under the file's name, and the publication is the parts laid over each other in the order
 * they were last changed (see overlay).
 *
 * So a file read again with the same content changes nothing, whatever was read in between (the part
 * is the same); a file that now says something else replaces its part and comes last, so a corrected
 * record wins; and a new file (next week's delivery) adds a part that wins over the older ones.
 */
export interface Part {
  /** The file, named as the import gave it (relative to the folder imported, or the uploaded file's name). */
  origin: string;
  hash: string;
  record: StoredRecord;
}

/**
 * The parts as stored: with a single part the record is the row's own columns, so it is not stored
 * twice (most publications come from one file only).
 */
export type StoredPart = { origin: string; hash: string; record?: StoredRecord };

/** The parts of a stored publication, from its `parts` column and its own record. */
export function partsOf(stored: StoredPart[], ownRecord: StoredRecord): Part[] {
  if (stored.length === 1 && stored[0]) return [{ origin: stored[0].origin, hash: stored[0].hash, record: ownRecord }];
  return stored.map((part) => ({ origin: part.origin, hash: part.hash, record: canonicalRecord(part.record ?? ownRecord) }));
}

/** Does this file already say exactly this of the publication? */
export function hasPart(stored: StoredPart[], origin: string, hash: string): boolean {
  return stored.some((part) => part.origin === origin && part.hash === hash);
}

/** The parts with what `origin` says now (the same array when it says the same as before). */
export function withPart(parts: Part[], origin: string, record: StoredRecord, hash: string = recordHash(record)): Part[] {
  if (hasPart(parts, origin, hash)) return parts;
  return [...parts.filter((part) => part.origin !== origin), { origin, hash, record }];
}

export function mergedRecord(parts: Part[]): StoredRecord {
  const merged = parts.reduce<StoredRecord | null>((result, part) => overlay(result, part.record), null);
  if (merged === null) throw new Error('a publication has at least one part');
  return merged;
}

export function storedParts(parts: Part[]): StoredPart[] {
  if (parts.length === 1 && parts[0]) return [{ origin: parts[0].origin, hash: parts[0].hash }];
  return parts.map((part) => ({ origin: part.origin, hash: part.hash, record: part.record }));
}

/**
 * The publication's hash: the SHA-256 of its normalised record when one file gave it, else of its parts'
 * origins and hashes in order (which determine the merged record).
 */
export function partsHash(parts: Part[]): string {
  if (parts.length === 1 && parts[0]) return parts[0].hash;
  return createHash('sha256')
    .update(JSON.stringify(parts.map((part) => [part.origin, part.hash])))
    .digest('hex');
}
