import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { ImportError, PortfolioChanges, SyncRequest } from '#core/publication-corpus';
import { isoTimestamp } from '../../platform/columns.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { users } from '../auth/auth.table.ts';
import type { StoredPart } from './publication-parts.ts';
import type { StoredLegalEvent, StoredParty, StoredPriority, StoredStep } from './publication-record.ts';

/** What an import run keeps besides its counts: the bad records and why a run failed. */
export interface ImportReport {
  errors: ImportError[];
  omittedErrors: number;
  message: string | null;
  portfolio: PortfolioChanges;
}

/** One `valo import` or upload: who, when, which files, and what became of each record read. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey(),
    status: text('status', { enum: ['running', 'finished', 'failed'] }).notNull(),
    startedAt: isoTimestamp('started_at').notNull(),
    finishedAt: isoTimestamp('finished_at'),
    /** Written with every batch: a run still "running" whose heartbeat stopped was interrupted (the server or the command stopped). */
    heartbeatAt: isoTimestamp('heartbeat_at'),
    /** Null for the command line, which acts as the system. */
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    files: jsonb('files').$type<string[]>().notNull(),
    read: integer('read').notNull(),
    inserted: integer('inserted').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    failed: integer('failed').notNull(),
    linked: integer('linked').notNull(),
    report: jsonb('report').$type<ImportReport>().notNull(),
  },
  (t) => [index('import_runs_started_idx').on(t.startedAt, t.id)],
);

/**
 * The publication corpus: one row per publication (country, number, kind) from any office file, the
 * institution's and everyone else's, so it is built for millions of rows: written in batches, one
 * upsert per batch, and left untouched when a record comes again unchanged (`record_hash`).
 *
 * - `kind` is '' when the source names none (an EP Register answer, a USPTO assignment): a plain
 *   column in the unique key serves `ON CONFLICT`, which an expression such as coalesce(kind, '') would not.
 * - A publication several files give (bibliographic data, legal events, Register steps) keeps what each
 *   said (`parts`), so reading any of them again changes nothing.
 * - Legal events and register steps are jsonb columns, not tables: they come and go with their
 *   publication (the import replaces them whole when the record changed), are read with it (the family
 *   page), and are never searched across the corpus, so a row per publication keeps the batch upsert to
 *   one statement instead of a delete and an insert per child table.
 * - `application_key` and `priority_keys` hold the numbers in one form per office (see
 *   publication-keys.ts), for matching; `applicant_names` and `applicant_keys` the applicants' names
 *   normalised, for the browser's search and the institution's review list.
 */
export const patentPublications = pgTable(
  'patent_publications',
  {
    id: uuid('id').primaryKey(),
    country: text('country').notNull(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    publicationDate: date('publication_date', { mode: 'string' }),
    /** As the source writes it. */
    applicationNumber: text('application_number'),
    applicationKey: text('application_key'),
    filingDate: date('filing_date', { mode: 'string' }),
    familyId: text('family_id'),
    titles: jsonb('titles').$type<{ lang: string | null; text: string }[]>().notNull(),
    applicants: jsonb('applicants').$type<StoredParty[]>().notNull(),
    inventors: jsonb('inventors').$type<StoredParty[]>().notNull(),
    owners: jsonb('owners').$type<StoredParty[]>().notNull(),
    priorities: jsonb('priorities').$type<StoredPriority[]>().notNull(),
    priorityKeys: text('priority_keys').array().notNull(),
    classifications: jsonb('classifications').$type<{ scheme: string; code: string }[]>().notNull(),
    legalEvents: jsonb('legal_events').$type<StoredLegalEvent[]>().notNull(),
    proceduralSteps: jsonb('procedural_steps').$type<StoredStep[]>().notNull(),
    applicantNames: text('applicant_names').notNull(),
    applicantKeys: text('applicant_keys').array().notNull(),
    /** The source of the last change. */
    source: text('source').notNull(),
    /** The files that gave the publication, each with the hash of its record (and the record, when several did): see publication-parts.ts. */
    parts: jsonb('parts').$type<StoredPart[]>().notNull(),
    /** SHA-256 of the normalised record (of its parts' hashes when several files gave it): an unchanged publication is not written again. */
    recordHash: text('record_hash').notNull(),
    firstRunId: uuid('first_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    lastRunId: uuid('last_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    /** Taken off the review list by a person: not the institution's, or not worth a family. */
    dismissedAt: isoTimestamp('dismissed_at'),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [
    unique('patent_publications_number_key').on(t.country, t.number, t.kind),
    index('patent_publications_application_key_idx').on(t.applicationKey),
    index('patent_publications_family_idx').on(t.familyId),
    index('patent_publications_priority_keys_idx').using('gin', t.priorityKeys),
    index('patent_publications_date_idx').on(t.publicationDate, t.id),
    index('patent_publications_applicant_keys_idx').using('gin', t.applicantKeys),
    index('patent_publications_applicant_search_idx').using('gin', sql`to_tsvector('simple', ${t.applicantNames})`),
  ],
);

/**
 * A publication known to be of a portfolio family, and how that was found. A person may confirm a link
 * matching left unconfirmed (a priority claimed, the DOCDB family), or reject a wrong one: a rejected
 * link keeps its row, so that the imports, rematches and syncs, which add links only where none is
 * (`addLinks`), never bring it back; every reader of links leaves rejected ones out.
 */
export const publicationLinks = pgTable(
  'publication_links',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => patentPublications.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    matchedBy: text('matched_by', { enum: ['application_number', 'publication_number', 'priority', 'family_id', 'manual'] }).notNull(),
    isConfirmed: boolean('confirmed').notNull(),
    runId: uuid('run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: isoTimestamp('created_at').notNull(),
    /** Who confirmed the link, and when: null for a link matching confirmed itself (on the application). */
    confirmedAt: isoTimestamp('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Not this family after all: the link no longer counts anywhere, and only a manual link undoes this. */
    rejectedAt: isoTimestamp('rejected_at'),
    rejectedBy: uuid('rejected_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.publicationId, t.assetId] }),
    index('publication_links_asset_idx').on(t.assetId),
    index('publication_links_application_idx').on(t.applicationId),
  ],
);

/**
 * The last sync of each family with EPO OPS (one row per family, written when a sync starts and when
 * it ends). The scheduler takes the families whose last sync is oldest, so the index leads with it.
 */
export const familySyncs = pgTable(
  'family_syncs',
  {
    assetId: uuid('asset_id')
      .primaryKey()
      .references(() => assets.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'ok', 'failed'] }).notNull(),
    startedAt: isoTimestamp('started_at').notNull(),
    finishedAt: isoTimestamp('finished_at'),
    lastSuccessAt: isoTimestamp('last_success_at'),
    message: text('message'),
    requests: jsonb('requests').$type<SyncRequest[]>().notNull(),
    runId: uuid('run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    /** Null for the scheduler, which acts as the system. */
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('family_syncs_started_idx').on(t.startedAt)],
);
