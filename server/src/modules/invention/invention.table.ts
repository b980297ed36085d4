import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { people } from '../person/person.table.ts';
import { agreements } from '../agreement/agreement.table.ts';

export const inventions = pgTable(
  'inventions',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status', {
      enum: ['draft', 'submitted', 'under_assessment', 'protect', 'keep_know_how', 'publish', 'transferred', 'abandoned'],
    }).notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    researchUnitId: uuid('research_unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    partnershipAgreementId: uuid('partnership_agreement_id').references(() => agreements.id, { onDelete: 'restrict' }),
    carnotId: uuid('carnot_id').references(() => organisations.id, { onDelete: 'restrict' }),
    funding: text('funding'),
    disclosedOn: date('disclosed_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [
    index('inventions_school_idx').on(t.schoolId),
    index('inventions_status_idx').on(t.status),
    index('inventions_search_idx').using('gin', sql`to_tsvector('simple', ${t.title} || ' ' || ${t.summary})`),
  ],
);

export const inventors = pgTable(
  'inventors',
  {
    inventionId: uuid('invention_id')
      .notNull()
      .references(() => inventions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    contribution: numeric('contribution', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inventionId, t.personId] }), index('inventors_person_idx').on(t.personId)],
);
