import { PublicationRecord } from '#core/publication';
import { readError, type ReadItem } from './read-item.ts';
import type { XmlOrigin } from './safe-xml-parser.ts';

/**
 * Checks a finished record of a JSON or CSV file against the shared contract, as `finishRecord`
 * does for XML: a record without its publication number is reported where it starts (`what` names
 * it: `patentBag[2]`, `row 14`), never yielded half-filled.
 */
export function finishRecordAt(draft: PublicationRecord, what: string, position: XmlOrigin | null, file: string): ReadItem {
  if (draft.country === '' || draft.number === '') return readError(file, position, `${what} has no publication country and number`);
  const parsed = PublicationRecord.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return readError(file, position, `${what} ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, record: parsed.data };
}
