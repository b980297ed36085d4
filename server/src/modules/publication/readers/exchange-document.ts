import type { PartyName, PublicationRecord } from '#core/publication';
import {
  addClassifications,
  addTitle,
  countryCode,
  emptyRecord,
  isoDate,
  partyName,
  positiveInteger,
} from './record-values.ts';
import { childAt, childrenOf, textAt, textOf, type XmlElement } from './xml-element.ts';

/*
 * The EPO exchange format (`exchange-document`), shared by OPS published data and DOCDB bulk files.
 * They differ in one habit: OPS puts every numbering of a reference in one element, each
 * `document-id` typed by `document-id-type`; DOCDB repeats the reference element once per numbering,
 * typed by its `data-format`. Both are read as one list of typed identifiers.
 */

type PriorityClaim = PublicationRecord['priorities'][number];

/** A reference in one numbering: `docdb` (EP10167109), `epodoc` (EP20100167109) or `original` (10167109). */
export interface DocumentId {
  format: string;
  country: string | null;
  number: string | null;
  kind: string | null;
  date: string | null;
}

export function documentIdsOf(references: XmlElement[]): DocumentId[] {
  const ids: DocumentId[] = [];
  for (const reference of references) {
    for (const id of childrenOf(reference, 'document-id')) {
      ids.push({
        format: id.attributes['document-id-type'] ?? reference.attributes['data-format'] ?? 'docdb',
        country: countryCode(textAt(id, 'country')),
        number: textAt(id, 'doc-number'),
        kind: textAt(id, 'kind'),
        date: isoDate(textAt(id, 'date')),
      });
    }
  }
  return ids;
}

export function inFormat(ids: DocumentId[], format: string): DocumentId | undefined {
  return ids.find((id) => id.format === format && id.number !== null);
}

/** The first date any numbering gives: OPS dates the application only in its `epodoc` form. */
export function firstDate(ids: DocumentId[]): string | null {
  return ids.find((id) => id.date !== null)?.date ?? null;
}

/** The application number, preferring the `docdb` numbering that links publications of one application. */
export function applicationOf(ids: DocumentId[]): { number: string | null; date: string | null } {
  const id = inFormat(ids, 'docdb') ?? inFormat(ids, 'original') ?? inFormat(ids, 'epodoc');
  return { number: id?.number ?? null, date: firstDate(ids) };
}

/**
 * One claim per `sequence`, in the best numbering given: `docdb`, else `original`, else `epodoc`
 * (whose number starts with the country, which is then split off: EP20100167109 → EP, 20100167109).
 */
export function priorityClaimsOf(claims: XmlElement[]): PriorityClaim[] {
  const bySequence = new Map<string, DocumentId[]>();
  claims.forEach((claim, index) => {
    const key = claim.attributes.sequence ?? `#${index}`;
    const ids = bySequence.get(key);
    if (ids) ids.push(...documentIdsOf([claim]));
    else bySequence.set(key, documentIdsOf([claim]));
  });
  const priorities: PriorityClaim[] = [];
  for (const ids of bySequence.values()) {
    const date = firstDate(ids);
    const docdb = inFormat(ids, 'docdb');
    const original = inFormat(ids, 'original');
    const epodoc = inFormat(ids, 'epodoc');
    const epodocCountry = countryCode(epodoc?.number?.slice(0, 2));
    if (docdb?.number) {
      priorities.push({ country: docdb.country, number: docdb.number, date, format: 'docdb' });
    } else if (original?.number) {
      priorities.push({ country: original.country ?? epodocCountry, number: original.number, date, format: 'original' });
    } else if (epodoc?.number) {
      const number = epodocCountry ? epodoc.number.slice(2) : epodoc.number;
      priorities.push({ country: epodocCountry, number, date, format: 'epodoc' });
    }
  }
  return priorities;
}

const NAME_FORMATS: ReadonlySet<string> = new Set<PartyName['format']>(['docdb', 'docdba', 'epodoc', 'original', 'standard']);
const NAME_ELEMENT = { applicant: 'applicant-name', inventor: 'inventor-name' } as const;

/** Applicants or inventors: one entry per name format, as the source lists them. */
export function partiesOf(group: XmlElement | undefined, party: 'applicant' | 'inventor'): PartyName[] {
  const names: PartyName[] = [];
  for (const element of childrenOf(group, party)) {
    const format = element.attributes['data-format'] ?? 'original';
    if (!NAME_FORMATS.has(format)) continue;
    const entry = partyName({
      sequence: positiveInteger(element.attributes.sequence),
      name: textAt(element, NAME_ELEMENT[party], 'name') ?? textAt(element, 'addressbook', 'name'),
      format: format as PartyName['format'],
      country: countryCode(textAt(element, 'residence', 'country')),
    });
    if (entry) names.push(entry);
  }
  return names;
}

/** IPC (`classification-ipc`, `classifications-ipcr`) and CPC (`patent-classifications`) symbols. */
export function classificationsOf(biblio: XmlElement | undefined): PublicationRecord['classifications'] {
  const classifications: PublicationRecord['classifications'] = [];
  for (const text of childrenOf(childAt(biblio, 'classification-ipc'), 'text')) addClassifications(classifications, 'IPC', textOf(text));
  for (const ipcr of childrenOf(childAt(biblio, 'classifications-ipcr'), 'classification-ipcr')) {
    addClassifications(classifications, 'IPC', textAt(ipcr, 'text'));
  }
  for (const entry of childrenOf(childAt(biblio, 'patent-classifications'), 'patent-classification')) {
    const scheme = childAt(entry, 'classification-scheme')?.attributes.scheme?.toUpperCase() ?? '';
    const symbol =
      textAt(entry, 'classification-symbol') ??
      ['section', 'class', 'subclass', 'main-group'].map((part) => textAt(entry, part) ?? '').join('') + `/${textAt(entry, 'subgroup') ?? ''}`;
    if (scheme.startsWith('CPC')) addClassifications(classifications, 'CPC', symbol);
    else if (scheme.startsWith('IPC')) addClassifications(classifications, 'IPC', symbol);
  }
  return classifications;
}

/** The record of one `exchange-document`: its attributes name the publication, its biblio the rest. */
export function exchangeDocumentRecord(document: XmlElement, source: PublicationRecord['source']): PublicationRecord {
  const record = emptyRecord(source);
  const biblio = childAt(document, 'bibliographic-data');
  const publication = documentIdsOf(childrenOf(biblio, 'publication-reference'));
  const docdb = inFormat(publication, 'docdb');
  record.country = countryCode(document.attributes.country) ?? docdb?.country ?? '';
  record.number = document.attributes['doc-number']?.trim() || docdb?.number || '';
  record.kind = document.attributes.kind?.trim() || docdb?.kind || null;
  record.publicationDate = docdb?.date ?? isoDate(document.attributes['date-publ']) ?? firstDate(publication);
  record.familyId = document.attributes['family-id']?.trim() || null;

  const application = applicationOf(documentIdsOf(childrenOf(biblio, 'application-reference')));
  record.applicationNumber = application.number;
  record.filingDate = application.date;
  record.priorities = priorityClaimsOf(childrenOf(childAt(biblio, 'priority-claims'), 'priority-claim'));

  const parties = childAt(biblio, 'parties');
  record.applicants = partiesOf(childAt(parties, 'applicants'), 'applicant');
  record.inventors = partiesOf(childAt(parties, 'inventors'), 'inventor');
  for (const title of childrenOf(biblio, 'invention-title')) addTitle(record.titles, title.attributes.lang, textOf(title));
  record.classifications = classificationsOf(biblio);
  return record;
}
