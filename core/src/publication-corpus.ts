import { z } from 'zod';
import { Country, Id, IsoDate } from './common.ts';
import { LegalEventRecord, NameFormat, PriorityClaimRecord, ProceduralStepRecord } from './publication.ts';

/*
 * The publication corpus as the API gives it: publications imported from patent-office files, their
 * links to the portfolio's families, the import runs, and the review list of the institution's
 * publications that no family knows yet.
 */

/** How a publication was linked to a family. */
export const MatchedBy = z.enum(['application_number', 'publication_number', 'priority', 'family_id', 'manual']);
export type MatchedBy = z.infer<typeof MatchedBy>;

const Party = z.object({
  sequence: z.number().int().nullable(),
  name: z.string(),
  format: NameFormat,
  country: z.string().nullable(),
  identifier: z.string().nullable(),
});

export const PublicationLink = z.object({
  assetId: Id,
  assetTitle: z.string(),
  assetReference: z.string().nullable(),
  /** The portfolio application the publication is of; null when linked through a priority or the family id. */
  applicationId: Id.nullable(),
  applicationNumber: z.string().nullable(),
  matchedBy: MatchedBy,
  /** Matched on the application itself (its number, a publication number) or confirmed by a person. */
  isConfirmed: z.boolean(),
  createdAt: z.string(),
});
export type PublicationLink = z.infer<typeof PublicationLink>;

/** One row of the publications browser and of the review list. */
export const PublicationSummary = z.object({
  id: Id,
  country: z.string(),
  number: z.string(),
  /** Null when the source names no kind (an EP Register answer, a USPTO assignment). */
  kind: z.string().nullable(),
  publicationDate: IsoDate.nullable(),
  applicationNumber: z.string().nullable(),
  filingDate: IsoDate.nullable(),
  familyId: z.string().nullable(),
  /** The English title when there is one, else the first. */
  title: z.string().nullable(),
  /** The applicants, one name each in the format the source prints best, first-named first. */
  applicantNames: z.array(z.string()),
  source: z.string(),
  isLinked: z.boolean(),
  isDismissed: z.boolean(),
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

export const Publication = PublicationSummary.extend({
  titles: z.array(z.object({ lang: z.string().nullable(), text: z.string() })),
  applicants: z.array(Party),
  inventors: z.array(Party),
  owners: z.array(Party),
  priorities: z.array(PriorityClaimRecord.extend({ format: z.enum(['docdb', 'epodoc', 'original']).nullable() })),
  classifications: z.array(z.object({ scheme: z.string(), code: z.string() })),
  legalEvents: z.array(
    LegalEventRecord.extend({ effectiveDate: IsoDate.nullable(), text: z.string().nullable(), feeYear: z.number().int().nullable() }),
  ),
  proceduralSteps: z.array(
    ProceduralStepRecord.extend({
      dates: z.array(z.object({ type: z.string(), date: z.string().nullable() })),
      timeLimit: z.object({ value: z.number().int(), unit: z.string() }).nullable(),
    }),
  ),
  /** Only the links to families the reader may open. */
  links: z.array(PublicationLink),
  firstImportRunId: Id.nullable(),
  lastImportRunId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Publication = z.infer<typeof Publication>;

const booleanText = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

/** Filters of the publications browser. `kind=none` finds the records without a kind. */
export const PublicationFilter = z.object({
  country: Country.optional(),
  kind: z.string().regex(/^([A-Z][0-9A-Z]?|none)$/, { error: 'must be a kind code such as A1, B1, or none' }).optional(),
  year: z.coerce.number({ error: 'must be a year' }).int().min(1800).max(2200).optional(),
  /** Words of an applicant's name (prefix search; case, accents and punctuation ignored). */
  applicant: z.string().trim().min(1).max(200).optional(),
  linked: booleanText.optional(),
});
export type PublicationFilter = z.infer<typeof PublicationFilter>;

/** A publication of the institution that no family knows, with the organisations its applicants match. */
export const ReviewItem = PublicationSummary.extend({
  matchedOrganisations: z.array(z.object({ id: Id, name: z.string() })),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const LinkInput = z
  .object({
    assetId: Id,
    /** The family's application the publication is of, when known: its status, publications and deadlines follow. */
    applicationId: Id.nullable().default(null),
  })
  .strict();
export type LinkInput = z.infer<typeof LinkInput>;

/** A record that could not be read: the file and the 1-based position in it. */
export const ImportError = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportStatus = z.enum(['running', 'finished', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** What the portfolio took from the run's publications. */
export const PortfolioChanges = z.object({
  families: z.number().int(),
  statusChanges: z.number().int(),
  publicationsAdded: z.number().int(),
  eventsRecorded: z.number().int(),
  renewalsPaid: z.number().int(),
  lapsesNoted: z.number().int(),
});
export type PortfolioChanges = z.infer<typeof PortfolioChanges>;

export const ImportRun = z.object({
  id: Id,
  status: ImportStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedById: Id.nullable(),
  startedByName: z.string().nullable(),
  files: z.array(z.string()),
  read: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  /** New links to families made by this run. */
  linked: z.number().int(),
  portfolio: PortfolioChanges,
  /** The bad records (the first thousand; `omittedErrors` counts the rest). */
  errors: z.array(ImportError),
  omittedErrors: z.number().int(),
  /** Why the run stopped, when it failed as a whole (an unreadable file, the database). */
  message: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;

/** The publications of a family, with their legal events and register steps. */
export const FamilyPublications = z.object({ items: z.array(Publication) });
export type FamilyPublications = z.infer<typeof FamilyPublications>;

/**
 * One request of a family's sync with EPO Open Patent Services, and what came of it:
 * - `fetched`: OPS answered (or confirmed the cached answer was still current);
 * - `cached`: a recent enough answer was in the cache, OPS was not asked;
 * - `not_found`: OPS has nothing under that number (not published yet, no legal events, not in the Register);
 * - `skipped`: the application has no number OPS can be asked by;
 * - `failed`: this request failed (the message says why); the others went on.
 */
export const SyncRequestOutcome = z.enum(['fetched', 'cached', 'not_found', 'skipped', 'failed']);
export type SyncRequestOutcome = z.infer<typeof SyncRequestOutcome>;

export const SyncOperation = z.enum(['full-cycle', 'legal', 'register-biblio', 'register-events', 'register-procedural-steps']);
export type SyncOperation = z.infer<typeof SyncOperation>;

export const SyncRequest = z.object({
  /** The portfolio application asked about. */
  applicationId: Id,
  operation: SyncOperation,
  /** The number OPS was asked by (`EP2400812`, `EP10167109`); null when skipped for want of one. */
  reference: z.string().nullable(),
  outcome: SyncRequestOutcome,
  /** The publications in the answer. */
  records: z.number().int(),
  message: z.string().nullable(),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** `never`: not synced yet; `running`; `ok`: the last sync ended (some requests may have found nothing); `failed`: OPS could not be used (quota, refused credentials, unreachable). */
export const SyncStatus = z.enum(['never', 'running', 'ok', 'failed']);
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A family's sync with EPO OPS: the last one, what it asked and what the portfolio took from it. */
export const FamilySync = z.object({
  assetId: Id,
  /** False when no OPS account is configured: nothing is synced and `disabledReason` says what to set. */
  isEnabled: z.boolean(),
  disabledReason: z.string().nullable(),
  status: SyncStatus,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The end of the last sync that reached OPS. */
  lastSuccessAt: z.string().nullable(),
  /** When the scheduled sync takes the family again; null when OPS is off or the family is not synced (abandoned, no application). */
  nextDueAt: z.string().nullable(),
  /** Why the last sync failed. */
  message: z.string().nullable(),
  requests: z.array(SyncRequest),
  /** The import run that stored the answers: counts, portfolio changes, unreadable records. */
  run: ImportRun.nullable(),
});
export type FamilySync = z.infer<typeof FamilySync>;
