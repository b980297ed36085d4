import { boolean, date, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { people } from '../person/person.table.ts';

export const startups = pgTable('startups', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: 'restrict' }),
  stage: text('stage', { enum: ['project', 'incubated', 'created', 'closed', 'acquired'] }).notNull(),
  isSpinOff: boolean('is_spin_off').notNull(),
  schoolId: uuid('school_id').references(() => organisations.id, { onDelete: 'restrict' }),
  incubatorId: uuid('incubator_id').references(() => organisations.id, { onDelete: 'restrict' }),
  incubationStart: date('incubation_start', { mode: 'string' }),
  incubationEnd: date('incubation_end', { mode: 'string' }),
  foundedOn: date('founded_on', { mode: 'string' }),
  description: text('description').notNull().default(''),
  createdAt: isoTimestamp('created_at').notNull(),
  updatedAt: isoTimestamp('updated_at').notNull(),
});

export const founders = pgTable(
  'founders',
  {
    startupId: uuid('startup_id')
      .notNull()
      .references(() => startups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role'),
  },
  (t) => [primaryKey({ columns: [t.startupId, t.personId] })],
);
