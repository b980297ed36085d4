import { boolean, date, index, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { assets } from '../asset/asset.table.ts';

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').unique(),
    type: text('type', {
      enum: ['research_partnership', 'licence', 'option', 'assignment', 'co_ownership', 'nda', 'mta', 'startup_patent_use'],
    }).notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'negotiation', 'signed', 'expired', 'terminated'] }).notNull(),
    schoolId: uuid('school_id').references(() => organisations.id, { onDelete: 'restrict' }),
    signedOn: date('signed_on', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    exclusive: boolean('exclusive'),
    field: text('field'),
    territory: text('territory'),
    amountEur: numeric('amount_eur', { precision: 14, scale: 2, mode: 'number' }),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [index('agreements_type_idx').on(t.type), index('agreements_school_idx').on(t.schoolId)],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    role: text('role', { enum: ['institution', 'partner', 'licensor', 'licensee', 'co_owner', 'funder'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index('agreement_parties_organisation_idx').on(t.organisationId),
  ],
);

export const agreementAssets = pgTable(
  'agreement_assets',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.assetId] }), index('agreement_assets_asset_idx').on(t.assetId)],
);
