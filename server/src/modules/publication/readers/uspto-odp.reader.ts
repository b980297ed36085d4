import type { PartyName, PublicationRecord } from '#core/publication';
import { countryFromName } from './country-names.ts';
import { finishRecordAt } from './finish-record.ts';
import { jsonRecords, type JsonObject, type JsonRecord, type JsonValue } from './json-record-stream.ts';
import { readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { addClassifications, addTitle, countryCode, isoDate, partyName } from './record-values.ts';
import { assignmentEvent, earliestDate, usApplicationRecord, usPublicationNumber, type UsDocument } from './us-record-values.ts';
import { failure } from './xml-record-stream.ts';

/*
 * USPTO Open Data Portal (ODP) patent file wrapper JSON: one element per application, in
 * `patentFileWrapperDataBag` (the current API and its bulk files) or `patentBag` (the earlier API),
 * or in a top-level array. The current API nests the bibliography in `applicationMetaData`; the
 * earlier one put it on the element itself. Both are read. The text is streamed (json-record-stream),
 * so a bulk file of any size reads one application at a time.
 *
 * Each application yields one record, keyed by its patent when granted, else its earliest pre-grant
 * publication, else the application (us-record-values). Its prosecution events (`eventDataBag`, or
 * `transactionContentBag` earlier) become procedural steps; its recorded assignments AS legal events.
 */

const RECORD_ARRAYS: ReadonlySet<string> = new Set(['patentFileWrapperDataBag', 'patentBag']);

export async function* readUsptoOdp(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  let records = 0;
  try {
    const elements = jsonRecords(texts, { limits: options.limits, isRecordArray: (key) => key === null || RECORD_ARRAYS.has(key) });
    for await (const element of elements) {
      records += 1;
      yield odpItem(element, options.fileName);
    }
  } catch (error) {
    yield failure(error, options.fileName);
    return;
  }
  if (records === 0) yield readError(options.fileName, null, 'no application in the file: an ODP answer lists them in patentFileWrapperDataBag');
}

function odpItem(element: JsonRecord, file: string): ReadItem {
  const what = `${element.key ?? ''}[${element.index}]`;
  if (!isObject(element.value)) return readError(file, element.position, `${what} is not an object`);
  const applicationNumber = text(element.value.applicationNumberText);
  if (applicationNumber === null) {
    return readError(
      file,
      element.position,
      `${what} has no applicationNumberText, so the application it describes is unknown ` +
        '(earlier ODP answers of the per-application endpoints name it only in the request)',
    );
  }
  try {
    return finishRecordAt(odpRecord(element.value, applicationNumber), what, element.position, file);
  } catch (error) {
    return readError(file, element.position, `cannot read ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function odpRecord(wrapper: JsonObject, applicationNumber: string): PublicationRecord {
  const meta = isObject(wrapper.applicationMetaData) ? wrapper.applicationMetaData : wrapper;
  const publication = usPublicationNumber(text(meta.earliestPublicationNumber));
  const patentNumber = text(meta.patentNumber);
  const document = (number: string, kind: string | null, date: JsonValue | undefined): UsDocument => ({ country: 'US', number, kind, date: isoDate(text(date)) });
  const record = usApplicationRecord('uspto-odp', {
    application: document(applicationNumber, null, meta.filingDate),
    publication: publication && document(publication.number, publication.kind, meta.earliestPublicationDate),
    patent: patentNumber ? document(patentNumber, patentKind(meta, publication !== null), meta.grantDate) : null,
  });
  addTitle(record.titles, null, text(meta.inventionTitle));
  for (const symbol of list(meta.cpcClassificationBag)) addClassifications(record.classifications, 'CPC', text(symbol));
  // The earlier API names an applicant in `applicant`, the current one in `applicantNameText`.
  record.applicants = parties(list(meta.applicantBag), ['applicantNameText', 'applicant']);
  if (record.applicants.length === 0) record.applicants = parties([{ applicant: meta.firstApplicantName ?? null }], ['applicant']);
  record.inventors = parties(list(meta.inventorBag), ['inventorNameText']);
  record.priorities = [...foreignPriorities(wrapper), ...provisionalPriorities(wrapper)];
  record.legalEvents = list(wrapper.assignmentBag ?? meta.assignmentBag).filter(isObject).map(assignment);
  record.proceduralSteps = events(wrapper);
  return record;
}

/**
 * The kind of a utility patent follows from its history (WIPO ST.16, US kind codes): B2 when a
 * pre-grant publication came first, B1 when none did. Other application types are left unknown.
 */
function patentKind(meta: JsonObject, wasPublished: boolean): string | null {
  const type = text(meta.applicationTypeCode) ?? text(meta.applicationTypeLabelName);
  if (type !== 'UTL' && type !== 'Utility') return null;
  return wasPublished ? 'B2' : 'B1';
}

/** Applicants or inventors: "Last, First Middle" when the name comes in parts, else the name as written. */
function parties(entries: JsonValue[], nameFields: string[]): PartyName[] {
  return entries.filter(isObject).flatMap((entry, index) => {
    const last = text(entry.lastName);
    const given = [text(entry.firstName), text(entry.middleName)].filter((part) => part !== null).join(' ');
    const written = nameFields.map((field) => text(entry[field])).find((name) => name !== null) ?? null;
    const name = last ? (given === '' ? last : `${last}, ${given}`) : written;
    const address = list(entry.correspondenceAddressBag).find(isObject);
    const party = partyName({
      sequence: index + 1,
      name,
      format: 'original',
      country: countryCode(text(entry.countryCode)) ?? countryCode(text(address?.countryCode)),
    });
    return party ? [party] : [];
  });
}

function foreignPriorities(wrapper: JsonObject): PublicationRecord['priorities'] {
  return list(wrapper.foreignPriorityBag)
    .filter(isObject)
    .flatMap((claim) => {
      const number = text(claim.applicationNumberText) ?? text(claim.priorityNumberText);
      if (!number) return [];
      const country = countryFromName(text(claim.ipOfficeName) ?? text(claim.countryName) ?? text(claim.ipOfficeCode));
      return [{ country, number, date: isoDate(text(claim.filingDate)), format: 'original' as const }];
    });
}

/** Provisional applications up the continuity chain (claim type PRO) are priorities, as in the grant reader. */
function provisionalPriorities(wrapper: JsonObject): PublicationRecord['priorities'] {
  const continuity = isObject(wrapper.continuityBag) ? wrapper.continuityBag : wrapper;
  return list(continuity.parentContinuityBag)
    .filter(isObject)
    .filter((parent) => text(parent.claimParentageTypeCode) === 'PRO')
    .flatMap((parent) => {
      const number = text(parent.parentApplicationNumberText);
      if (!number) return [];
      return [{ country: 'US', number, date: isoDate(text(parent.parentApplicationFilingDate) ?? text(parent.filingDate)), format: 'original' as const }];
    });
}

function assignment(entry: JsonObject): PublicationRecord['legalEvents'][number] {
  const assignors = list(entry.assignorBag).filter(isObject);
  const assignees = list(entry.assigneeBag).filter(isObject);
  const names = (values: (string | null)[]) => values.filter((value): value is string => value !== null);
  return assignmentEvent({
    conveyance: text(entry.conveyanceText),
    recordedDate: isoDate(text(entry.assignmentRecordedDate)),
    executionDate: earliestDate(assignors.map((assignor) => isoDate(text(assignor.executionDate)))),
    reel: text(entry.reelNumber),
    frame: text(entry.frameNumber),
    assignors: names(assignors.map((assignor) => text(assignor.assignorName))),
    assignees: names(assignees.map((assignee) => text(assignee.assigneeNameText))),
  });
}

function events(wrapper: JsonObject): PublicationRecord['proceduralSteps'] {
  const current = list(wrapper.eventDataBag)
    .filter(isObject)
    .map((event) => ({ code: text(event.eventCode), description: text(event.eventDescriptionText), date: isoDate(text(event.eventDate)) }));
  const earlier = list(wrapper.transactionContentBag)
    .filter(isObject)
    .map((event) => ({ code: text(event.caseActionCode), description: text(event.caseActionDescriptionText), date: isoDate(text(event.recordedDate)) }));
  return [...current, ...earlier].flatMap(({ code, description, date }) => (code ? [{ code, description, date, year: null }] : []));
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list, or a single object given where a list is expected (some ODP answers do so). */
function list(value: JsonValue | undefined): JsonValue[] {
  if (Array.isArray(value)) return value;
  return isObject(value) ? [value] : [];
}

/** A string or number as trimmed text, runs of spaces made one; null when empty or absent. */
function text(value: JsonValue | undefined): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}
