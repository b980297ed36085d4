import type { ImportRun, Publication, PublicationLink, PublicationSummary } from '#core/publication-corpus';
import { type ImportRunRecord, interruptedMessage } from './import-run.repository.ts';
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
  return {
    ...presentSummary(row, isLinked),
    titles: row.titles.map((entry) => ({ lang: entry.lang, text: entry.text })),
    applicants: row.applicants.map(presentParty),
    inventors: row.inventors.map(presentParty),
    owners: row.owners.map(presentParty),
    priorities: row.priorities.map((claim) => ({ country: claim.country, number: claim.number, date: claim.date, format: claim.format ?? null })),
    classifications: row.classifications.map((entry) => ({ scheme: entry.scheme, code: entry.code })),
    legalEvents: row.legalEvents.map((event) => ({
      code: event.code,
      date: event.date,
      description: event.description,
      country: event.country,
      effectiveDate: event.effectiveDate ?? null,
      text: event.text ?? null,
      feeYear: event.feeYear ?? null,
    })),
    proceduralSteps: row.proceduralSteps.map((step) => ({
      code: step.code,
      description: step.description,
      date: step.date,
      year: step.year,
      dates: (step.dates ?? []).map((entry) => ({ type: entry.type, date: entry.date })),
      timeLimit: step.timeLimit ? { value: step.timeLimit.value, unit: step.timeLimit.unit } : null,
    })),
    links: links.map(presentLink),
    firstImportRunId: row.firstRunId,
    lastImportRunId: row.lastRunId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function presentParty(party: StoredParty) {
  return { sequence: party.sequence, name: party.name, format: party.format, country: party.country, identifier: party.identifier ?? null };
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
