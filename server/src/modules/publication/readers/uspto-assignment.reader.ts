import { countryFromName } from './country-names.ts';
import { finishRecord, readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { addTitle, countryCode, isoDate } from './record-values.ts';
import {
  assignmentEvent,
  earliestDate,
  namedParties,
  transfersTitle,
  usApplicationRecord,
  type RecordedAssignment,
  type UsApplicationDocuments,
  type UsDocument,
} from './us-record-values.ts';
import { childAt, childrenOf, textAt, textOf, type RecordSelection, type XmlElement } from './xml-element.ts';
import { readXmlRecords } from './xml-record-stream.ts';

/*
 * USPTO patent assignments, in either of the two XML shapes the office publishes:
 * - the bulk files (`us-patent-assignments`, daily and backfile): one `patent-assignment` per
 *   recorded assignment, its `patent-properties` naming each application (kind X0), pre-grant
 *   publication (A1…) and patent (B1, B2…) it covers;
 * - the assignment search's answer (a Solr `response`): one `doc` per assignment, the properties
 *   given as parallel arrays (`applNum`, `patNum`, `publNum`, …; `NULL` and year 1 for none).
 * An assignment covering five patents yields five records, each keyed by its patent (else its
 * publication, else its application), with the conveyance as an AS legal event and, when it
 * transfers title, the assignees as applicants.
 */

const selection: RecordSelection = {
  isRecord: (path, name) => name === 'patent-assignment' || (name === 'doc' && path.at(-1) === 'result'),
  isSkipped: () => false,
};

interface Property {
  documents: UsApplicationDocuments;
  title: { lang: string | null; text: string } | null;
  inventors: string[];
}

export async function* readUsptoAssignments(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  let items = 0;
  for await (const item of readXmlRecords(texts, selection, (element) => assignmentItems(element, options.fileName), options)) {
    items += 1;
    yield item;
  }
  if (items === 0) yield readError(options.fileName, null, 'no assignment in the file (no patent-assignment, or no doc in a search answer)');
}

function assignmentItems(element: XmlElement, file: string): ReadItem[] {
  const { assignment, properties } = element.name === 'doc' ? searchAnswerAssignment(element) : bulkAssignment(element);
  if (properties.length === 0) return [readError(file, element.position, `<${element.name}> names no patent, publication or application`)];
  const assignees = transfersTitle(assignment.conveyance) ? namedParties(assignment.assignees, assignment.assigneeCountries) : [];
  return properties.map((property) => {
    const record = usApplicationRecord('uspto-assignment', property.documents);
    if (property.title) addTitle(record.titles, property.title.lang, property.title.text);
    record.applicants = assignees;
    record.inventors = namedParties(property.inventors);
    record.legalEvents = [assignmentEvent(assignment)];
    return finishRecord(record, element, file);
  });
}

type Assignment = RecordedAssignment & { assigneeCountries: (string | null)[] };

/** A `patent-assignment` of the bulk files. */
function bulkAssignment(element: XmlElement): { assignment: Assignment; properties: Property[] } {
  const header = childAt(element, 'assignment-record');
  const assignors = childrenOf(childAt(element, 'patent-assignors'), 'patent-assignor');
  const assignees = childrenOf(childAt(element, 'patent-assignees'), 'patent-assignee');
  const assignment: Assignment = {
    conveyance: textAt(header, 'conveyance-text'),
    recordedDate: isoDate(textAt(header, 'recorded-date', 'date')),
    executionDate: earliestDate(assignors.map((assignor) => isoDate(textAt(assignor, 'execution-date', 'date')))),
    reel: textAt(header, 'reel-no'),
    frame: textAt(header, 'frame-no'),
    assignors: names(assignors.map((assignor) => textAt(assignor, 'name'))),
    assignees: assignees.map((assignee) => textAt(assignee, 'name') ?? ''),
    assigneeCountries: assignees.map((assignee) => countryFromName(textAt(assignee, 'country-name'))),
  };
  const properties = childrenOf(childAt(element, 'patent-properties'), 'patent-property').map((property): Property => {
    const documents: UsApplicationDocuments = { application: null, publication: null, patent: null };
    for (const id of childrenOf(property, 'document-id')) {
      const number = textAt(id, 'doc-number');
      if (!number) continue;
      const kind = textAt(id, 'kind');
      const document: UsDocument = { country: countryCode(textAt(id, 'country')) ?? 'US', number, kind, date: isoDate(textAt(id, 'date')) };
      // X0 is the application itself; A kinds the pre-grant publication; any other kind a patent.
      if (kind === 'X0' || kind === null) documents.application ??= document;
      else if (kind.startsWith('A')) documents.publication ??= document;
      else documents.patent ??= document;
    }
    const title = childAt(property, 'invention-title');
    const text = textOf(title);
    return { documents, title: text ? { lang: title?.attributes.lang ?? null, text } : null, inventors: [] };
  });
  return { assignment, properties };
}

/** A `doc` of the assignment search's answer: named fields, some of them arrays. */
function searchAnswerAssignment(element: XmlElement): { assignment: Assignment; properties: Property[] } {
  const fields = new Map<string, (string | null)[]>();
  for (const field of childrenOf(element)) {
    const name = field.attributes.name;
    if (!name) continue;
    const values = field.name === 'arr' ? childrenOf(field).map(textOf) : [textOf(field)];
    fields.set(name, values.map(present));
  }
  const all = (name: string): (string | null)[] => fields.get(name) ?? [];
  const one = (name: string): string | null => all(name)[0] ?? null;
  const date = (value: string | null): string | null => isoDate(value?.slice(0, 10));

  const assignment: Assignment = {
    conveyance: one('conveyanceText'),
    recordedDate: date(one('recordedDate')),
    executionDate: date(one('patAssignorEarliestExDate')) ?? earliestDate(all('patAssignorExDate').map(date)),
    reel: one('reelNo'),
    frame: one('frameNo'),
    assignors: names(all('patAssignorName')),
    assignees: all('patAssigneeName').map((name) => name ?? ''),
    assigneeCountries: all('patAssigneeCountryName').map(countryFromName),
  };
  const count = Math.max(all('applNum').length, all('patNum').length, all('publNum').length);
  const properties: Property[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = (name: string): string | null => all(name)[index] ?? null;
    const document = (number: string | null, kind: string | null, when: string | null): UsDocument | null =>
      number ? { country: 'US', number, kind, date: date(when) } : null;
    const text = at('inventionTitle');
    properties.push({
      documents: {
        application: document(at('applNum'), null, at('filingDate')),
        // The answer gives no kind codes, so none is guessed.
        publication: document(at('publNum'), null, at('publDate')),
        patent: document(at('patNum'), null, at('issueDate')),
      },
      title: text ? { lang: at('inventionTitleLang'), text } : null,
      inventors: splitInventors(at('inventors')),
    });
  }
  return { assignment, properties };
}

/** `NULL`, blank, and the search service's year-1 dates mean "none". */
function present(value: string | null): string | null {
  if (value === null || value === 'NULL' || value.startsWith('0001-01-01')) return null;
  return value;
}

function names(values: (string | null)[]): string[] {
  return values.flatMap((value) => {
    const name = value?.replace(/\s+/g, ' ').trim();
    return name ? [name] : [];
  });
}

const NAME_SUFFIX = /^(JR|SR|II|III|IV|V)\.?$/i;

/**
 * The search answer joins a property's inventors with ", " (`Wenjun Liu, Robert James Ramm`); a
 * generational suffix after a comma (`John Smith, Jr.`) stays with its name.
 */
function splitInventors(value: string | null): string[] {
  const inventors: string[] = [];
  for (const part of (value ?? '').split(',')) {
    const name = part.trim();
    if (name === '') continue;
    if (NAME_SUFFIX.test(name) && inventors.length > 0) inventors[inventors.length - 1] += `, ${name}`;
    else inventors.push(name);
  }
  return inventors;
}
