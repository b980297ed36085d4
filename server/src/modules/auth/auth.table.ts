import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { people } from '../person/person.table.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'officer', 'researcher', 'partner', 'reader'] }).notNull(),
  schoolId: uuid('school_id').references(() => organisations.id, { onDelete: 'restrict' }),
  personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
  isDisabled: boolean('is_disabled').notNull().default(false),
  createdAt: isoTimestamp('created_at').notNull(),
});

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the key here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: isoTimestamp('created_at').notNull(),
    expiresAt: isoTimestamp('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
