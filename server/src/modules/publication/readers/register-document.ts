import type { PartyName, PublicationRecord } from '#core/publication';
import { addClassifications, addTitle, countryCode, emptyRecord, isoDate, partyName, positiveInteger } from './record-values.ts';
import { childAt, childrenOf, textAt, textOf, type XmlElement } from './xml-element.ts';

/*
 * The EP Register (`register-document`, namespace http://www.epo.org/register) as OPS serves it:
 * bibliographic data with its history (each group of parties or titles dated by `change-date`, newest
 * first), dossier events and procedural steps. One application, possibly several publications.
 */

type ProceduralStep = PublicationRecord['proceduralSteps'][number];
type LegalEvent = PublicationRecord['legalEvents'][number];

/** A publication named by the request when the answer carries no bibliographic data (events, procedural steps). */
export interface RequestedPublication {
  country: string;
  number: string;
  kind: string | null;
}

/** `publication=EP2400812` (or `pn=EP2400812B1`) in an OPS query: the publication the answer is about. */
export function requestedPublication(query: string | null): RequestedPublication | null {
  const match = /\b(?:publication|pn|num)\s*=\s*"?([A-Z]{2})(\d+)([A-Z]\d?)?\b/i.exec(query ?? '');
  if (!match) return null;
  const [, country = '', number = '', kind] = match;
  return { country: country.toUpperCase(), number, kind: kind?.toUpperCase() ?? null };
}

/**
 * One record per publication of the application (A1, then B1…), each with the application's current
 * parties, titles, events and steps: the same shape as an OPS full cycle, which lists each publication.
 */
export function registerDocumentRecords(document: XmlElement, requested: RequestedPublication | null): PublicationRecord[] {
  const biblio = childAt(document, 'bibliographic-data');
  const shared = emptyRecord('ops');
  const application = childAt(biblio, 'application-reference', 'document-id');
  shared.applicationNumber = textAt(application, 'doc-number');
  shared.filingDate = isoDate(textAt(application, 'date'));
  shared.priorities = childrenOf(childAt(biblio, 'priority-claims'), 'priority-claim').flatMap((claim) => {
    const id = childAt(claim, 'document-id') ?? claim;
    const number = textAt(id, 'doc-number');
    return number ? [{ country: countryCode(textAt(id, 'country')), number, date: isoDate(textAt(id, 'date')) }] : [];
  });
  const parties = childAt(biblio, 'parties');
  shared.applicants = registerParties(latest(childrenOf(parties, 'applicants')), 'applicant');
  shared.inventors = registerParties(latest(childrenOf(parties, 'inventors')), 'inventor');
  for (const title of latestPerLanguage(childrenOf(biblio, 'invention-title'))) addTitle(shared.titles, title.attributes.lang, textOf(title));
  for (const ipcr of childrenOf(latest(childrenOf(biblio, 'classifications-ipcr')), 'classification-ipcr')) {
    addClassifications(shared.classifications, 'IPC', textAt(ipcr, 'text'));
  }
  shared.legalEvents = childrenOf(document, 'events-data').flatMap((events) => childrenOf(events, 'dossier-event').map(dossierEvent));
  shared.proceduralSteps = childrenOf(childAt(document, 'procedural-data'), 'procedural-step').map(proceduralStep);

  const publications = childrenOf(biblio, 'publication-reference').map((reference) => childAt(reference, 'document-id'));
  if (publications.length === 0) {
    return requested ? [{ ...shared, country: requested.country, number: requested.number, kind: requested.kind }] : [shared];
  }
  return publications.map((id) => ({
    ...shared,
    country: countryCode(textAt(id, 'country')) ?? '',
    number: textAt(id, 'doc-number') ?? '',
    kind: textAt(id, 'kind'),
    publicationDate: isoDate(textAt(id, 'date')),
  }));
}

/** The newest of dated groups (`change-date`); the Register lists them newest first, which breaks ties. */
function latest(groups: XmlElement[]): XmlElement | undefined {
  let newest: XmlElement | undefined;
  for (const group of groups) {
    if (!newest || (group.attributes['change-date'] ?? '') > (newest.attributes['change-date'] ?? '')) newest = group;
  }
  return newest;
}

function latestPerLanguage(titles: XmlElement[]): XmlElement[] {
  const byLanguage = new Map<string, XmlElement[]>();
  for (const title of titles) {
    const lang = title.attributes.lang ?? '';
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), title]);
  }
  return [...byLanguage.values()].flatMap((group) => latest(group) ?? []);
}

/** Register names are the ones the applicant gave (`original`); residence, else the address, gives the country. */
function registerParties(group: XmlElement | undefined, party: 'applicant' | 'inventor'): PartyName[] {
  return childrenOf(group, party).flatMap((element) => {
    const entry = partyName({
      sequence: positiveInteger(element.attributes.sequence),
      name: textAt(element, 'addressbook', 'name'),
      format: 'original',
      country: countryCode(textAt(element, 'residence', 'country')) ?? countryCode(textAt(element, 'addressbook', 'address', 'country')),
    });
    return entry ? [entry] : [];
  });
}

function dossierEvent(event: XmlElement): LegalEvent {
  const description = childrenOf(event, 'event-text').find((text) => (text.attributes['event-text-type'] ?? 'DESCRIPTION') === 'DESCRIPTION');
  return {
    code: textAt(event, 'event-code') ?? '',
    date: isoDate(textAt(event, 'event-date', 'date')),
    description: textOf(description),
    country: null,
  };
}

/** A step such as RFEE (renewal fee): its YEAR text gives the patent year, its dates each carry their kind. */
function proceduralStep(step: XmlElement): ProceduralStep {
  const texts = childrenOf(step, 'procedural-step-text');
  const textOfType = (type: string) => textOf(texts.find((text) => text.attributes['step-text-type'] === type));
  const dates = childrenOf(step, 'procedural-step-date').map((date) => ({
    type: date.attributes['step-date-type'] ?? '',
    date: isoDate(textAt(date, 'date')),
  }));
  const timeLimit = childAt(step, 'time-limit');
  const limitValue = positiveInteger(textOf(timeLimit));
  return {
    code: textAt(step, 'procedural-step-code') ?? '',
    description: textOfType('STEP_DESCRIPTION'),
    date: dates[0]?.date ?? null,
    year: positiveInteger(textOfType('YEAR')),
    dates,
    timeLimit: limitValue === null ? null : { value: limitValue, unit: timeLimit?.attributes['time-limit-unit'] ?? 'months' },
  };
}
