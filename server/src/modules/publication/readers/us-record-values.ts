import type { PartyName, PublicationRecord } from '#core/publication';
import { emptyRecord } from './record-values.ts';

/*
 * What the USPTO's assignment and file-wrapper data share: they describe applications, not
 * publications, and name the documents of each (application, pre-grant publication, patent); and
 * they record assignments, which become legal events the way the EPO's INPADOC data codes them (AS).
 */

type LegalEvent = PublicationRecord['legalEvents'][number];

export interface UsDocument {
  country: string;
  number: string;
  kind: string | null;
  date: string | null;
}

/** The documents known for one US application. */
export interface UsApplicationDocuments {
  application: UsDocument | null;
  publication: UsDocument | null;
  patent: UsDocument | null;
}

/**
 * A record for one application, keyed by its patent when granted, else by its pre-grant
 * publication, else by the application itself (number = application number, kind null, no
 * publication date): the one document a reader of the other formats would find for it.
 */
export function usApplicationRecord(source: PublicationRecord['source'], documents: UsApplicationDocuments): PublicationRecord {
  const record = emptyRecord(source);
  const key = documents.patent ?? documents.publication ?? documents.application;
  if (key) {
    record.country = key.country;
    record.number = key.number;
    record.kind = key === documents.application ? null : key.kind;
    record.publicationDate = key === documents.application ? null : key.date;
  }
  record.applicationNumber = documents.application?.number ?? null;
  record.filingDate = documents.application?.date ?? null;
  return record;
}

/** `US 2017-0071586 A1` (ODP's earliest publication) or `US20170071586A1` → its parts; null when not a US publication number. */
export function usPublicationNumber(text: string | null | undefined): { number: string; kind: string | null } | null {
  const match = /^US\s*(\d{4})[-/ ]?(\d{6,7})\s*([A-Z]\d?)?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, year = '', serial = '', kind] = match;
  return { number: `${year}${serial.padStart(7, '0')}`, kind: kind ?? null };
}

/** An assignment as the USPTO records it. */
export interface RecordedAssignment {
  conveyance: string | null;
  recordedDate: string | null;
  /** The earliest execution date among the assignors. */
  executionDate: string | null;
  reel: string | null;
  frame: string | null;
  assignors: string[];
  assignees: string[];
}

/**
 * The legal event of an assignment: code AS, as INPADOC codes US assignments, dated when recorded;
 * the conveyance (`ASSIGNMENT OF ASSIGNORS INTEREST`, `SECURITY INTEREST`…) describes it, and the
 * parties and reel/frame go in the text.
 */
export function assignmentEvent(assignment: RecordedAssignment): LegalEvent {
  const reelFrame = assignment.reel && assignment.frame ? `${assignment.reel.padStart(6, '0')}/${assignment.frame.padStart(4, '0')}` : null;
  const parts = [
    assignment.assignors.length > 0 ? `ASSIGNORS: ${assignment.assignors.join('; ')}` : null,
    assignment.assignees.length > 0 ? `ASSIGNEES: ${assignment.assignees.join('; ')}` : null,
    reelFrame ? `REEL/FRAME: ${reelFrame}` : null,
  ].filter((part): part is string => part !== null);
  return {
    code: 'AS',
    date: assignment.recordedDate,
    description: assignment.conveyance,
    country: null,
    effectiveDate: assignment.executionDate,
    text: parts.length === 0 ? null : parts.join('; '),
  };
}

// Conveyances that give the assignee no title: a lender's security, a licence, a lien, or their release.
const NO_TITLE = /SECURITY|MORTGAGE|LIEN|LICENSE|LICENCE|RELEASE|OPTION|CONDITIONAL/i;

/**
 * Whether the assignees become the holders: assignments of the assignors' interest, mergers, changes
 * of name and court orders transfer title; a security interest or a licence does not.
 */
export function transfersTitle(conveyance: string | null): boolean {
  return conveyance !== null && !NO_TITLE.test(conveyance);
}

/** Party entries in order, as printed. */
export function namedParties(names: (string | null)[], countries: (string | null)[] = []): PartyName[] {
  const parties: PartyName[] = [];
  names.forEach((name, index) => {
    const cleaned = name?.replace(/\s+/g, ' ').trim();
    if (cleaned) parties.push({ sequence: parties.length + 1, name: cleaned, format: 'original', country: countries[index] ?? null });
  });
  return parties;
}

/** The earliest of some dates (YYYY-MM-DD), or null. */
export function earliestDate(dates: (string | null)[]): string | null {
  return dates.filter((date): date is string => date !== null).sort()[0] ?? null;
}
