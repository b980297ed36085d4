import { type SQL, and, eq, ilike, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListQuery } from '#core/common';
import type { OrganisationFilter } from '#core/organisation';
import type { Db } from '../../platform/db.ts';
import { countAll, orderBy } from '../../platform/list.ts';
import { organisations } from './organisation.table.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

const sortable = {
  name: organisations.name,
  kind: organisations.kind,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

export function createOrganisationRepository(db: Db) {
  return {
    async list(filter: z.infer<typeof OrganisationFilter>, query: ListQuery) {
      const conditions: (SQL | undefined)[] = [
        filter.kind ? eq(organisations.kind, filter.kind) : undefined,
        filter.companyCategory ? eq(organisations.companyCategory, filter.companyCategory) : undefined,
        filter.parentId ? eq(organisations.parentId, filter.parentId) : undefined,
        query.q
          ? or(ilike(organisations.name, `%${escapeLike(query.q)}%`), ilike(organisations.shortName, `%${escapeLike(query.q)}%`))
          : undefined,
      ];
      const where = and(...conditions);
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(where)
          .orderBy(...orderBy(query, sortable, 'name', organisations.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ total: countAll }).from(organisations).where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    async findById(id: string, tx: Db = db): Promise<OrganisationRow | null> {
      const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
      return row ?? null;
    },

    async insert(row: OrganisationRow, tx: Db = db): Promise<void> {
      await tx.insert(organisations).values(row);
    },

    async update(id: string, values: Partial<OrganisationRow>, tx: Db = db): Promise<void> {
      await tx.update(organisations).set(values).where(eq(organisations.id, id));
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(organisations).where(eq(organisations.id, id));
    },
  };
}
export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
