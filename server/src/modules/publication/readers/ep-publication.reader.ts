import type { PartyName, PublicationRecord } from '#core/publication';
import { finishRecord, type ReadItem, type ReaderOptions } from './read-item.ts';
import { addClassifications, addTitle, countryCode, emptyRecord, isoDate, partyName, positiveInteger } from './record-values.ts';
import type { RecordSelection, XmlElement } from './xml-element.ts';
import { childAt, childrenOf, descendantsOf, textAt, textOf } from './xml-element.ts';
import { readXmlRecords } from './xml-record-stream.ts';

/*
 * The European Publication Server's `ep-patent-document` (ST.36 based, DTD 1.0 to 1.5.1): one
 * publication per file. Its bibliography (`SDOBI`) uses the INID-style tags: B110 number, B130 kind,
 * B140 date, B190 country, B210 application, B220 filing date, B310–B330 priorities, B510EP/B520EP
 * classifications, B540 titles, B711 applicants, B721 inventors, B731 proprietors.
 */

const selection: RecordSelection = {
  isRecord: (path, name) => path.length === 0 && name === 'ep-patent-document',
  // The description, claims and drawings can run to megabytes: only the bibliography is kept.
  isSkipped: (path, name) => path.length === 1 && name !== 'SDOBI',
};

export function readEpPublication(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  return readXmlRecords(texts, selection, (element) => [finishRecord(epPublicationRecord(element), element, options.fileName)], options);
}

export function epPublicationRecord(document: XmlElement): PublicationRecord {
  const record = emptyRecord('ep-publication');
  const bibliography = childAt(document, 'SDOBI');
  const publication = childAt(bibliography, 'B100');
  record.country = countryCode(textAt(publication, 'B190')) ?? countryCode(document.attributes.country) ?? '';
  record.number = textAt(publication, 'B110') ?? document.attributes['doc-number']?.trim() ?? '';
  record.kind = textAt(publication, 'B130') ?? (document.attributes.kind?.trim() || null);
  record.publicationDate = isoDate(textAt(publication, 'B140', 'date')) ?? isoDate(document.attributes['date-publ']);

  const application = childAt(bibliography, 'B200');
  record.applicationNumber = textAt(application, 'B210');
  record.filingDate = isoDate(textAt(application, 'B220', 'date'));
  record.priorities = prioritiesOf(childAt(bibliography, 'B300'));

  const technical = childAt(bibliography, 'B500');
  for (const ipcr of descendantsOf(childAt(technical, 'B510EP'), 'text')) addClassifications(record.classifications, 'IPC', textOf(ipcr));
  for (const ipc of childrenOf(childAt(technical, 'B510'), 'B511')) addClassifications(record.classifications, 'IPC', textOf(ipc));
  for (const cpc of descendantsOf(childAt(technical, 'B520EP'), 'text')) addClassifications(record.classifications, 'CPC', textOf(cpc));
  let lang: string | null = null;
  for (const part of childrenOf(childAt(technical, 'B540'))) {
    if (part.name === 'B541') lang = textOf(part);
    else if (part.name === 'B542') addTitle(record.titles, lang, textOf(part));
  }

  const parties = childAt(bibliography, 'B700');
  // A B publication names proprietors (B731) rather than applicants: the applicants as of grant.
  record.applicants = [
    ...partiesOf(childrenOf(childAt(parties, 'B710'), 'B711')),
    ...partiesOf(childrenOf(childAt(parties, 'B730'), 'B731')),
  ];
  record.inventors = partiesOf(childrenOf(childAt(parties, 'B720'), 'B721'));
  return record;
}

/** B300 repeats B310 (number), B320 (date), B330 (country) once per claim, each group starting with B310. */
function prioritiesOf(group: XmlElement | undefined): PublicationRecord['priorities'] {
  const priorities: PublicationRecord['priorities'] = [];
  for (const part of childrenOf(group)) {
    const current = priorities.at(-1);
    if (part.name === 'B310') {
      const number = textOf(part);
      if (number) priorities.push({ country: null, number, date: null });
    } else if (part.name === 'B320' && current) current.date = isoDate(textAt(part, 'date'));
    else if (part.name === 'B330' && current) current.country = countryCode(textAt(part, 'ctry'));
  }
  return priorities;
}

/** Names as published (`snm`, "Surname, Given names" for people); the address country is the residence. */
function partiesOf(parties: XmlElement[]): PartyName[] {
  return parties.flatMap((party, index) => {
    const entry = partyName({
      sequence: positiveInteger(party.attributes.sequence) ?? index + 1,
      name: textAt(party, 'snm'),
      format: 'original',
      country: countryCode(textAt(party, 'adr', 'ctry')),
    });
    return entry ? [entry] : [];
  });
}
