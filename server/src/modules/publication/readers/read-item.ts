import { PublicationRecord } from '#core/publication';
import type { XmlLimits, XmlOrigin } from './safe-xml-parser.ts';
import type { XmlElement } from './xml-element.ts';

/** A record that could not be read: the file and the 1-based position, so a person can open it there. */
export interface ReadError {
  file: string;
  /** null when the position is unknown, e.g. bytes that are not text; the message then says where. */
  line: number | null;
  column: number | null;
  message: string;
}

/** What a reader yields, one per publication: a good record, or the reason one was skipped. */
export type ReadItem = { ok: true; record: PublicationRecord } | { ok: false; error: ReadError };

export interface ReaderOptions {
  /** Named in every error, e.g. `docdb/DE-0074.xml` or, later, `bulk.zip!/DE-0074.xml`. */
  fileName: string;
  limits?: XmlLimits;
}

export function readError(file: string, position: XmlOrigin | null, message: string): ReadItem {
  return { ok: false, error: { file, line: position?.line ?? null, column: position?.column ?? null, message } };
}

/**
 * Checks a finished record against the shared contract: a record without its publication number is
 * reported where its element starts, never yielded half-filled.
 */
export function finishRecord(draft: PublicationRecord, element: XmlElement, file: string): ReadItem {
  if (draft.country === '' || draft.number === '') {
    return readError(file, element.position, `<${element.name}> has no publication country and number`);
  }
  const parsed = PublicationRecord.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return readError(file, element.position, `<${element.name}> ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, record: parsed.data };
}
