import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', {
      enum: ['institution', 'school', 'research_unit', 'carnot', 'incubator', 'company', 'public_body', 'other'],
    }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
    companyCategory: text('company_category', { enum: ['large', 'eti', 'pme', 'startup'] }),
    mandataireId: uuid('mandataire_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
    siren: text('siren').unique(),
    rnsr: text('rnsr').unique(),
    ror: text('ror').unique(),
    country: text('country'),
    city: text('city'),
    createdAt: isoTimestamp('created_at').notNull(),
    updatedAt: isoTimestamp('updated_at').notNull(),
  },
  (t) => [
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_kind_idx').on(t.kind),
    check(
      'organisations_company_category_check',
      sql`(${t.kind} = 'company') = (${t.companyCategory} is not null)`,
    ),
  ],
);
