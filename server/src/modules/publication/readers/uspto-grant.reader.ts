import type { PartyName, PublicationRecord } from '#core/publication';
import { finishRecord, type ReadItem, type ReaderOptions } from './read-item.ts';
import { addClassifications, addTitle, emptyRecord, partyName, positiveInteger } from './record-values.ts';
import { addressbookName, documentReference, fieldSymbol, partyCountry, priorityClaims } from './st36-values.ts';
import { childAt, childrenOf, descendantsOf, textAt, textOf, type XmlElement } from './xml-element.ts';
import { readXmlDocuments } from './xml-document-stream.ts';

/*
 * USPTO patent grants (`us-patent-grant`, DTD v4.0 to v4.7): the weekly files (ipg, ipgb) hold every
 * grant of the week as whole documents one after the other, each with its XML declaration and a
 * DOCTYPE naming a DTD that is never fetched. Utility (B1/B2), design (S1), plant (P2/P3) and reissue
 * (E1) grants share the layout.
 *
 * Parties: since v4.3 (2012) `us-parties` lists the applicants (`us-applicants`, often the assignee
 * after the AIA) and the inventors apart; before, `parties/applicants` held the inventors as
 * `applicant-inventor`s. The assignees at issue (`assignees`) are the owners.
 */

const ROOT = 'us-patent-grant';
const BIBLIOGRAPHY = 'us-bibliographic-data-grant';

// Citations, claims and description make most of a grant's size; only the bibliography is kept.
const SKIPPED_IN_BIBLIOGRAPHY: ReadonlySet<string> = new Set(['us-references-cited', 'references-cited', 'us-field-of-classification-search']);

export function readUsptoGrants(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  return readXmlDocuments(
    texts,
    { isSkipped: (path, name) => (path.length === 1 && name !== BIBLIOGRAPHY) || SKIPPED_IN_BIBLIOGRAPHY.has(name) },
    (element) => [finishRecord(usGrantRecord(element), element, options.fileName)],
    { ...options, root: ROOT },
  );
}

export function usGrantRecord(grant: XmlElement): PublicationRecord {
  const record = emptyRecord('uspto-grant');
  const bibliography = childAt(grant, BIBLIOGRAPHY);
  const publication = documentReference(childAt(bibliography, 'publication-reference'));
  record.country = publication.country ?? 'US';
  record.number = publication.number ?? '';
  record.kind = publication.kind;
  record.publicationDate = publication.date;

  const application = documentReference(childAt(bibliography, 'application-reference'));
  record.applicationNumber = application.number;
  record.filingDate = application.date;
  record.priorities = [...priorityClaims(childAt(bibliography, 'priority-claims')), ...provisionals(bibliography)];

  const lang = grant.attributes.lang ?? null;
  for (const title of childrenOf(bibliography, 'invention-title')) addTitle(record.titles, lang, textOf(title));
  record.classifications = classificationsOf(bibliography);

  const parties = childAt(bibliography, 'us-parties') ?? childAt(bibliography, 'parties');
  const applicants = childrenOf(childAt(parties, 'us-applicants') ?? childAt(parties, 'applicants'));
  record.applicants = usParties(applicants);
  const inventors = childrenOf(childAt(parties, 'inventors'), 'inventor');
  record.inventors = usParties(
    inventors.length > 0 ? inventors : applicants.filter((applicant) => applicant.attributes['app-type'] === 'applicant-inventor'),
  );
  const owners = usParties(childrenOf(childAt(bibliography, 'assignees'), 'assignee'));
  if (owners.length > 0) record.owners = owners;
  return record;
}

/**
 * US provisional applications whose benefit the grant claims (35 U.S.C. 119(e)) count as priorities,
 * as they do in the EPO's data; continuations and divisions do not.
 */
function provisionals(bibliography: XmlElement | undefined): PublicationRecord['priorities'] {
  return childrenOf(childAt(bibliography, 'us-related-documents'), 'us-provisional-application').flatMap((provisional) => {
    const reference = documentReference(provisional);
    if (!reference.number) return [];
    return [{ country: reference.country ?? 'US', number: reference.number, date: reference.date, format: 'original' as const }];
  });
}

/** IPC and CPC symbols (written in fields), and the Locarno class of a design (`0101` → `01-01`). */
function classificationsOf(bibliography: XmlElement | undefined): PublicationRecord['classifications'] {
  const classifications: PublicationRecord['classifications'] = [];
  for (const ipcr of descendantsOf(childAt(bibliography, 'classifications-ipcr'), 'classification-ipcr')) {
    addClassifications(classifications, 'IPC', fieldSymbol(ipcr));
  }
  for (const cpc of descendantsOf(childAt(bibliography, 'classifications-cpc'), 'classification-cpc')) {
    addClassifications(classifications, 'CPC', fieldSymbol(cpc));
  }
  const locarno = /^(\d{2})-?(\d{2})$/.exec(textAt(bibliography, 'classification-locarno', 'main-classification') ?? '');
  if (locarno) classifications.push({ scheme: 'LOCARNO', code: `${locarno[1]}-${locarno[2]}` });
  return classifications;
}

/** Applicants, inventors or assignees as printed, with their sequence (`001` → 1) and country. */
function usParties(parties: XmlElement[]): PartyName[] {
  return parties.flatMap((party, index) => {
    // An assignee may carry its name directly rather than in an addressbook.
    const entry = partyName({
      sequence: positiveInteger(party.attributes.sequence) ?? index + 1,
      name: addressbookName(childAt(party, 'addressbook') ?? party),
      format: 'original',
      country: partyCountry(party),
    });
    return entry ? [entry] : [];
  });
}
