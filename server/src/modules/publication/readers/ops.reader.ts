import type { PublicationRecord } from '#core/publication';
import {
  applicationOf,
  documentIdsOf,
  exchangeDocumentRecord,
  firstDate,
  inFormat,
  priorityClaimsOf,
} from './exchange-document.ts';
import { finishRecord, type ReadItem, type ReaderOptions } from './read-item.ts';
import { countryCode, emptyRecord, isoDate, positiveInteger } from './record-values.ts';
import { registerDocumentRecords, requestedPublication } from './register-document.ts';
import type { RecordSelection, XmlElement } from './xml-element.ts';
import { childrenOf, textOf } from './xml-element.ts';
import { readXmlRecords } from './xml-record-stream.ts';

/*
 * EPO Open Patent Services answers (`world-patent-data`): published-data biblio and full cycle
 * (`exchange-document`), INPADOC families with or without biblio and legal events (`family-member`),
 * search results (`publication-reference` or `exchange-document`), and the EP Register
 * (`register-document`).
 */

type LegalEvent = PublicationRecord['legalEvents'][number];

// Text the normalised record does not use: left out of memory as it streams past.
const SKIPPED: ReadonlySet<string> = new Set([
  'abstract',
  'description',
  'claims',
  'references-cited',
  'pre',
  'designation-of-states',
  'term-of-grant',
  'search-reports-information',
]);

const selection: RecordSelection = {
  isRecord: (path, name) =>
    name === 'exchange-document' ||
    name === 'family-member' ||
    name === 'register-document' ||
    name === 'query' ||
    (name === 'publication-reference' && path.at(-1) === 'search-result'),
  isSkipped: (_path, name) => SKIPPED.has(name),
};

export function readOps(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const file = options.fileName;
  let query: string | null = null;
  return readXmlRecords(
    texts,
    selection,
    (element) => {
      switch (element.name) {
        case 'query':
          query = textOf(element);
          return [];
        case 'register-document':
          return registerDocumentRecords(element, requestedPublication(query)).map((record) => finishRecord(record, element, file));
        case 'family-member':
          return [finishRecord(familyMemberRecord(element), element, file)];
        case 'publication-reference':
          return [finishRecord(searchResultRecord(element), element, file)];
        default:
          return [finishRecord(exchangeDocumentRecord(element, 'ops'), element, file)];
      }
    },
    options,
  );
}

/**
 * A family member: its own references and priority claims, the biblio of its `exchange-document` when
 * the family was asked with biblio, and its INPADOC legal events when asked with legal data.
 */
function familyMemberRecord(member: XmlElement): PublicationRecord {
  const document = childrenOf(member, 'exchange-document')[0];
  const record = document ? exchangeDocumentRecord(document, 'ops') : emptyRecord('ops');
  const publication = documentIdsOf(childrenOf(member, 'publication-reference'));
  const docdb = inFormat(publication, 'docdb');
  record.country ||= docdb?.country ?? '';
  record.number ||= docdb?.number ?? '';
  record.kind ??= docdb?.kind ?? null;
  record.publicationDate ??= docdb?.date ?? firstDate(publication);
  record.familyId ??= member.attributes['family-id']?.trim() || null;
  const application = applicationOf(documentIdsOf(childrenOf(member, 'application-reference')));
  record.applicationNumber ??= application.number;
  record.filingDate ??= application.date;
  // The member's own claims are in the docdb numbering; the biblio's often only in epodoc.
  const claims = priorityClaimsOf(childrenOf(member, 'priority-claim'));
  if (claims.length > 0) record.priorities = claims;
  record.legalEvents = childrenOf(member, 'legal').map(legalEvent);
  return record;
}

/** A search answer without biblio names the publication and its family only. */
function searchResultRecord(reference: XmlElement): PublicationRecord {
  const record = emptyRecord('ops');
  const docdb = inFormat(documentIdsOf([reference]), 'docdb');
  record.country = docdb?.country ?? '';
  record.number = docdb?.number ?? '';
  record.kind = docdb?.kind ?? null;
  record.publicationDate = docdb?.date ?? null;
  record.familyId = reference.attributes['family-id']?.trim() || null;
  return record;
}

/**
 * An INPADOC event. Its fields are numbered (L007EP gazette date, L501EP the state concerned, L525EP
 * effective date…), the main ones directly inside, the others inside L500EP; the suffix names the
 * office that keeps the table, so fields are found by number alone.
 */
function legalEvent(event: XmlElement): LegalEvent {
  const fields = childrenOf(event).flatMap((child) => (/^L500/.test(child.name) ? childrenOf(child) : [child]));
  const field = (number: string) => textOf(fields.find((child) => child.name.startsWith(number)));
  return {
    code: event.attributes.code?.trim() || field('L008') || '',
    date: isoDate(field('L007')),
    description: event.attributes.desc?.replace(/\s+/g, ' ').trim() || null,
    country: countryCode(field('L501')),
    effectiveDate: isoDate(field('L525')) ?? isoDate(field('L518')),
    text: field('L510'),
    feeYear: positiveInteger(field('L520')),
  };
}
