import type { ImportRun, Publication, PublicationLink, PublicationSummary } from '#core/publication-corpus';
import { type ImportRunRecord, interruptedMessage } from './import-run.repository.ts';
import { storedRecordOf } from './publication-rows.ts';
import type { StoredParty } from './publication-record.ts';
import type { LinkRecord, PublicationRow } from './publication.repository.ts';
import { noPortfolioChanges } from './portfolio-update.ts';

/** The name format that reads best, first: as filed, then the harmonised and office forms. */
const FORMAT_ORDER: readonly StoredParty['format'][] = ['original', 'docdba', 'standard', 'epodoc', 'docdb'];

/** One name per applicant, first-named first: the best format each applicant is given in. */
export function applicantNamesOf(applicants: StoredParty[]): string[] {
  const best = new Map<string, StoredParty>();
  for (const [index, applicant] of applicants.entries()) {
    const key = applicant.sequence === null ? `#${index}` : String(applicant.sequence);
    const current = best.get(key);
    if (!current || FORMAT_ORDER.indexOf(applicant.format) < FORMAT_ORDER.indexOf(current.format)) best.set(key, applicant);
  }
  return [...best.entries()]
    .sort(([a], [b]) => (Number(a) || Number.MAX_SAFE_INTEGER) - (Number(b) || Number.MAX_SAFE_INTEGER))
    .map(([, applicant]) => applicant.name.replace(/\s*\[[A-Z]{2}\]$/, ''));
}

export function presentSummary(row: PublicationRow, isLinked: boolean): PublicationSummary {
  const title = row.titles.find((entry) => entry.lang === 'en') ?? row.titles[0];
  return {
    id: row.id,
    country: row.country,
    number: row.number,
    kind: row.kind === '' ? null : row.kind,
    publicationDate: row.publicationDate,
    applicationNumber: row.applicationNumber,
    filingDate: row.filingDate,
    familyId: row.familyId,
    title: title?.text ?? null,
    applicantNames: applicantNamesOf(row.applicants),
    source: row.source,
    isLinked,
    isDismissed: row.dismissedAt !== null,
  };
}

export function presentLink(record: LinkRecord): PublicationLink {
  return {
    assetId: record.link.assetId,
    assetTitle: record.assetTitle,
    assetReference: record.assetReference,
    applicationId: record.link.applicationId,
    applicationNumber: record.applicationNumber,
    matchedBy: record.link.matchedBy,
    isConfirmed: record.link.isConfirmed,
    createdAt: record.link.createdAt,
  };
}

/** The whole record; `links` only those the reader may open. */
export function presentPublication(row: PublicationRow, isLinked: boolean, links: LinkRecord[]): Publication {
  // The parts of the record as the corpus keeps them, each field in its stored shape (canonicalRecord).
  const { titles, applicants, inventors, owners, priorities, classifications, legalEvents, proceduralSteps } = storedRecordOf(row);
  return {
    ...presentSummary(row, isLinked),
    titles,
    applicants,
    inventors,
    owners,
    priorities,
    classifications,
    legalEvents,
    proceduralSteps,
    links: links.map(presentLink),
    firstImportRunId: row.firstRunId,
    lastImportRunId: row.lastRunId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}


/** A run; one still "running" whose heartbeat is older than `silentSince` is shown as the failure it is. */
export function presentRun({ run, startedByName }: ImportRunRecord, silentSince: string | null = null): ImportRun {
  const isInterrupted = run.status === 'running' && silentSince !== null && (run.heartbeatAt === null || run.heartbeatAt < silentSince);
  return {
    id: run.id,
    status: isInterrupted ? 'failed' : run.status,
    startedAt: run.startedAt,
    finishedAt: isInterrupted ? run.heartbeatAt : run.finishedAt,
    startedById: run.startedBy,
    startedByName,
    files: run.files,
    read: run.read,
    inserted: run.inserted,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    linked: run.linked,
    portfolio: { ...noPortfolioChanges(), ...run.report.portfolio },
    errors: run.report.errors.map((error) => ({ file: error.file, line: error.line, column: error.column, message: error.message })),
    omittedErrors: run.report.omittedErrors,
    message: isInterrupted ? interruptedMessage : run.report.message,
  };
}
