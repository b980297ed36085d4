import type { PartyName, PublicationRecord } from '#core/publication';
import { finishRecord, type ReadItem, type ReaderOptions } from './read-item.ts';
import { addClassifications, addTitle, countryCode, emptyRecord, isoDate, partyName, positiveInteger } from './record-values.ts';
import { addressbookName, documentReference, fieldSymbol, partyCountry, priorityClaims } from './st36-values.ts';
import { childAt, childrenOf, descendantsOf, textAt, textOf, type XmlElement } from './xml-element.ts';
import { readXmlDocuments } from './xml-document-stream.ts';

/*
 * INPI's open-data XML (`fr-patent-document`, DTD v1.5.x): one French publication per document, a
 * file holding one document or several in a row. Besides the ST.36-style bibliography, INPI gives:
 * - legal entities' names in `last-name` (no first name) and their SIREN number in `iid`;
 * - the current owners (`fr-owners`), who may differ from the applicants once the right changed hands;
 * - the life of the right (`fr-patent-life`): each entry of the national patent register
 *   (`fr-inscription`: transfers, changes of name or address, lapses and their withdrawal) and the
 *   dates the right became available (`fr-date-availability`: search report, grant).
 */

const ROOT = 'fr-patent-document';

// The full text (abstract, description, claims) can be long: only the bibliography and the life are kept.
const KEPT: ReadonlySet<string> = new Set(['fr-bibliographic-data', 'fr-patent-life']);

export function readInpi(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  return readXmlDocuments(
    texts,
    { isSkipped: (path, name) => path.length === 1 && !KEPT.has(name) },
    (element) => [finishRecord(inpiRecord(element), element, options.fileName)],
    { ...options, root: ROOT },
  );
}

export function inpiRecord(document: XmlElement): PublicationRecord {
  const record = emptyRecord('inpi');
  const bibliography = childAt(document, 'fr-bibliographic-data');
  const publication = documentReference(publicationReference(document, bibliography));
  record.country = publication.country ?? countryCode(document.attributes.country) ?? '';
  record.number = publication.number ?? document.attributes['doc-number']?.trim() ?? '';
  record.kind = publication.kind ?? (document.attributes.kind?.trim() || null);
  record.publicationDate = publication.date;

  const application = documentReference(childAt(bibliography, 'application-reference'));
  record.applicationNumber = application.number;
  record.filingDate = application.date;
  record.priorities = priorityClaims(childAt(bibliography, 'priority-claims'));

  for (const title of childrenOf(bibliography, 'invention-title')) addTitle(record.titles, title.attributes.lang, textOf(title));
  // Older files list `main-classification` / `further-classification`; newer ones ST.36 `classification-ipcr`.
  addClassifications(record.classifications, 'IPC', textOf(childAt(bibliography, 'classification-ipc')));
  for (const ipcr of descendantsOf(childAt(bibliography, 'classifications-ipcr'), 'classification-ipcr')) {
    addClassifications(record.classifications, 'IPC', textAt(ipcr, 'text') ?? fieldSymbol(ipcr));
  }

  const parties = childAt(bibliography, 'parties');
  record.applicants = inpiParties(childrenOf(childAt(parties, 'applicants'), 'applicant'));
  record.inventors = inpiParties(childrenOf(childAt(parties, 'inventors'), 'inventor'));
  const owners = inpiParties(childrenOf(childAt(bibliography, 'fr-owners'), 'fr-owner'));
  if (owners.length > 0) record.owners = owners;
  record.legalEvents = lifeEvents(childAt(document, 'fr-patent-life'));
  return record;
}

/** The publication reference of the document's own kind, when the file lists several. */
function publicationReference(document: XmlElement, bibliography: XmlElement | undefined): XmlElement | undefined {
  const references = childrenOf(childAt(bibliography, 'fr-publication-data'), 'fr-publication-reference');
  const kind = document.attributes.kind?.trim();
  return references.find((reference) => textAt(reference, 'document-id', 'kind') === kind) ?? references[0];
}

/** Parties with their sequence, country and, for legal entities, their 9-digit SIREN (`iid`). */
function inpiParties(parties: XmlElement[]): PartyName[] {
  return parties.flatMap((party, index) => {
    const book = childAt(party, 'addressbook');
    const entry = partyName({
      sequence: positiveInteger(party.attributes.sequence) ?? index + 1,
      name: addressbookName(book),
      format: 'original',
      country: partyCountry(party),
    });
    if (!entry) return [];
    const iid = textAt(book, 'iid')?.replace(/\s/g, '') ?? '';
    return [{ ...entry, identifier: /^\d{9}$/.test(iid) ? iid : null }];
  });
}

/**
 * Register entries keep INPI's code (TO transfer of ownership, CD change of name, CA change of
 * address, DA withdrawal of a lapse decision…) and its wording; the register number and the BOPI
 * issue that announced the entry go in `text`. Availability dates take their element's name as code.
 */
function lifeEvents(life: XmlElement | undefined): PublicationRecord['legalEvents'] {
  const events: PublicationRecord['legalEvents'] = [];
  for (const inscription of childrenOf(life, 'fr-inscription')) {
    const code = textAt(inscription, 'fr-code-inscription');
    if (!code) continue;
    const number = textAt(inscription, 'registered-number');
    const bulletin = textAt(inscription, 'fr-bopinum');
    events.push({
      code,
      date: isoDate(textAt(inscription, 'date')),
      description: textAt(inscription, 'fr-nature-inscription'),
      country: null,
      text: joined([number && `inscription ${number}`, bulletin && `BOPI ${bulletin}`]),
    });
  }
  for (const availability of childrenOf(childAt(life, 'fr-date-availability'))) {
    const date = isoDate(textAt(availability, 'date') ?? textAt(availability, 'document-id', 'date'));
    if (date === null) continue;
    const bulletin = textAt(availability, 'fr-bopinum');
    events.push({ code: availability.name, date, description: null, country: null, text: bulletin && `BOPI ${bulletin}` });
  }
  return events;
}

function joined(parts: (string | null)[]): string | null {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length === 0 ? null : present.join(', ');
}
