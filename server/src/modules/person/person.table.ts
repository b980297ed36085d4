import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').unique(),
    employmentStatus: text('employment_status', {
      enum: ['public_employee', 'private_employee', 'student', 'external'],
    }).notNull(),
    orcid: text('orcid').unique(),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [index('people_last_name_idx').on(t.lastName)],
);

export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    title: text('title'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [index('affiliations_person_idx').on(t.personId), index('affiliations_organisation_idx').on(t.organisationId)],
);
