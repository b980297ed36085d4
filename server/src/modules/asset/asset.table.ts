import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, primaryKey, text, unique, uuid, integer } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { inventions } from '../invention/invention.table.ts';
import { agreements } from '../agreement/agreement.table.ts';

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['patent_family', 'software', 'know_how'] }).notNull(),
    reference: text('reference').unique(),
    title: text('title').notNull(),
    status: text('status', { enum: ['active', 'pending', 'granted', 'lapsed', 'abandoned', 'transferred'] }).notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    inventionId: uuid('invention_id').references(() => inventions.id, { onDelete: 'restrict' }),
    familyId: text('family_id'),
    depositReference: text('deposit_reference'),
    depositDate: date('deposit_date', { mode: 'string' }),
    ownershipAgreementId: uuid('ownership_agreement_id').references(() => agreements.id, { onDelete: 'restrict' }),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [
    index('assets_school_idx').on(t.schoolId),
    index('assets_invention_idx').on(t.inventionId),
    // Lists are filtered by kind and sorted by one of these, then the id (platform/list.ts orderBy).
    index('assets_kind_updated_idx').on(t.kind, t.updatedAt, t.id),
    index('assets_kind_title_idx').on(t.kind, t.title, t.id),
    index('assets_kind_created_idx').on(t.kind, t.createdAt, t.id),
    index('assets_search_idx').using('gin', sql`to_tsvector('simple', ${t.title} || ' ' || coalesce(${t.reference}, ''))`),
  ],
);

export const ownershipShares = pgTable(
  'ownership_shares',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    share: numeric('share', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.organisationId] }),
    index('ownership_shares_organisation_idx').on(t.organisationId),
    check('ownership_shares_share_check', sql`${t.share} > 0 and ${t.share} <= 100`),
  ],
);

/** A member of a patent family at one office. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    office: text('office').notNull(),
    applicationNumber: text('application_number').notNull(),
    filingDate: date('filing_date', { mode: 'string' }).notNull(),
    route: text('route', { enum: ['national', 'pct', 'ep_direct', 'euro_pct', 'pct_national_phase'] }).notNull(),
    status: text('status', {
      enum: ['filed', 'published', 'granted', 'refused', 'withdrawn', 'lapsed', 'abandoned'],
    }).notNull(),
    grantNumber: text('grant_number'),
    grantDate: date('grant_date', { mode: 'string' }),
  },
  (t) => [
    unique('applications_office_number_key').on(t.office, t.applicationNumber),
    index('applications_asset_idx').on(t.assetId),
    index('applications_filing_date_idx').on(t.filingDate),
    // Search by application number alone (the unique key leads with the office).
    index('applications_number_idx').on(t.applicationNumber),
    check('applications_grant_date_check', sql`${t.grantDate} is null or ${t.grantDate} >= ${t.filingDate}`),
  ],
);

export const priorityClaims = pgTable(
  'priority_claims',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    country: text('country').notNull(),
    number: text('number').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.rank] })],
);

export const publications = pgTable(
  'publications',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.number, t.kind] }),
    index('publications_date_idx').on(t.date),
    index('publications_number_idx').on(t.number),
  ],
);

/** The status history of an application: every change, dated. */
export const applicationEvents = pgTable(
  'application_events',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    status: text('status').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);
