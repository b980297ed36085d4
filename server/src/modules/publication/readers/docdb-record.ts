import { exchangeDocumentRecord } from './exchange-document.ts';
import { finishRecord, type ReadItem, type ReaderOptions } from './read-item.ts';
import { keptElements } from './kept-elements.ts';
import type { XmlElement } from './xml-element.ts';
import { mapSafely } from './xml-record-stream.ts';

/** What both DOCDB readers (bytes and saxes) share: what a record keeps and how it becomes an item. */

export interface DocdbReaderOptions extends ReaderOptions {
  /** The prefix the file writes its elements with, e.g. `exch:` (declared or not), or `` for none. */
  prefix: string;
}

// Bibliographic data is all a record keeps; abstracts and citations are the bulk of DOCDB.
export const DOCDB_SKIPPED: ReadonlySet<string> = new Set(['abstract', 'references-cited', 'description', 'claims']);

const DOCUMENT_ID = { 'document-id': { country: 'all', 'doc-number': 'all', kind: 'all', date: 'all' } } as const;
const PARTY = { 'applicant-name': { name: 'all' }, 'inventor-name': { name: 'all' }, addressbook: { name: 'all' }, residence: { country: 'all' } } as const;

/**
 * The elements of an `exchange-document` that exchangeDocumentRecord (exchange-document.ts) reads,
 * and nothing else: the byte scanner builds only these, which gives the mapping the same values as the
 * whole tree at a fraction of the cost. A value the mapping starts to read must be added here; the
 * equivalence test (docdb.reader.test.ts) compares the records of both readers.
 */
export const DOCDB_KEPT = keptElements(
  {
    'bibliographic-data': {
      'publication-reference': DOCUMENT_ID,
      'application-reference': DOCUMENT_ID,
      'priority-claims': { 'priority-claim': DOCUMENT_ID },
      parties: { applicants: { applicant: PARTY }, inventors: { inventor: PARTY } },
      'invention-title': 'all',
      'classification-ipc': { text: 'all' },
      'classifications-ipcr': { 'classification-ipcr': { text: 'all' } },
      'patent-classifications': {
        'patent-classification': {
          'classification-scheme': {},
          'classification-symbol': 'all',
          section: 'all',
          class: 'all',
          subclass: 'all',
          'main-group': 'all',
          subgroup: 'all',
        },
      },
    },
  },
  DOCDB_SKIPPED,
);

/** The item a finished `exchange-document` gives: its record, or why it cannot be read. */
export function docdbItems(element: XmlElement, fileName: string): ReadItem[] {
  return mapSafely((record) => [finishRecord(exchangeDocumentRecord(record, 'docdb'), record, fileName)], element, [], fileName);
}
