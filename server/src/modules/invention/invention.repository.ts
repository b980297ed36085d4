import { type SQL, and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import type { InventionFilter } from '#core/invention';
import type { Db } from '../../platform/db.ts';
import { countAll, matchesText, orderBy } from '../../platform/list.ts';
import { agreements } from '../agreement/agreement.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { people } from '../person/person.table.ts';
import { inventions, inventors } from './invention.table.ts';

export type InventionRow = typeof inventions.$inferSelect;
export type InventorRow = typeof inventors.$inferSelect;
export interface InventorView {
  personId: string;
  firstName: string;
  lastName: string;
  contribution: number;
}
/** An invention with what it is shown with: its school's name and its inventors in rank order. */
export interface InventionDetail {
  invention: InventionRow;
  schoolName: string;
  inventors: InventorView[];
}

/**
 * Which inventions a reader may open, as the service decides it: all, one school's, or those the person
 * is an inventor on.
 */
export type InventionScope = { kind: 'all' } | { kind: 'school'; schoolId: string } | { kind: 'inventor'; personId: string };

const sortable = {
  title: inventions.title,
  status: inventions.status,
  disclosedOn: inventions.disclosedOn,
  createdAt: inventions.createdAt,
  updatedAt: inventions.updatedAt,
};

// The very expression of the GIN index `inventions_search_idx`, so that the planner can use it.
const searchDocument = sql`to_tsvector('simple', title || ' ' || summary)`;

export function createInventionRepository(db: Db) {
  const hasInventor = (personId: string) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(inventors)
        .where(and(eq(inventors.inventionId, inventions.id), eq(inventors.personId, personId))),
    );

  const withinScope = (scope: InventionScope): SQL | undefined => {
    switch (scope.kind) {
      case 'all':
        return undefined;
      case 'school':
        return eq(inventions.schoolId, scope.schoolId);
      case 'inventor':
        return hasInventor(scope.personId);
    }
  };

  async function inventorsOf(inventionIds: readonly string[], tx: Db): Promise<Map<string, InventorView[]>> {
    const byInvention = new Map<string, InventorView[]>(inventionIds.map((id) => [id, []]));
    if (inventionIds.length === 0) return byInvention;
    const rows = await tx
      .select({
        inventionId: inventors.inventionId,
        personId: inventors.personId,
        contribution: inventors.contribution,
        firstName: people.firstName,
        lastName: people.lastName,
      })
      .from(inventors)
      .innerJoin(people, eq(people.id, inventors.personId))
      .where(inArray(inventors.inventionId, [...inventionIds]))
      .orderBy(asc(inventors.inventionId), asc(inventors.rank));
    for (const { inventionId, ...inventor } of rows) byInvention.get(inventionId)?.push(inventor);
    return byInvention;
  }

  async function withInventors(rows: { invention: InventionRow; schoolName: string }[], tx: Db): Promise<InventionDetail[]> {
    const byInvention = await inventorsOf(
      rows.map((row) => row.invention.id),
      tx,
    );
    return rows.map((row) => ({ ...row, inventors: byInvention.get(row.invention.id) ?? [] }));
  }

  const selectDetail = (tx: Db) =>
    tx
      .select({ invention: inventions, schoolName: organisations.name })
      .from(inventions)
      .innerJoin(organisations, eq(organisations.id, inventions.schoolId));

  return {
    async list(scope: InventionScope, filter: InventionFilter, query: ListQuery) {
      const conditions: (SQL | undefined)[] = [
        withinScope(scope),
        filter.status ? eq(inventions.status, filter.status) : undefined,
        filter.schoolId ? eq(inventions.schoolId, filter.schoolId) : undefined,
        filter.inventorId ? hasInventor(filter.inventorId) : undefined,
        query.q ? matchesText(searchDocument, query.q) : undefined,
      ];
      const where = and(...conditions);
      const [rows, [counted]] = await Promise.all([
        selectDetail(db)
          .where(where)
          .orderBy(...orderBy(query, sortable, '-updatedAt', inventions.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ total: countAll }).from(inventions).where(where),
      ]);
      return { rows: await withInventors(rows, db), total: counted?.total ?? 0 };
    },

    async findDetail(id: string, tx: Db = db): Promise<InventionDetail | null> {
      const rows = await selectDetail(tx).where(eq(inventions.id, id));
      const [detail] = await withInventors(rows, tx);
      return detail ?? null;
    },

    async findByReference(reference: string, tx: Db = db): Promise<InventionRow | null> {
      const [row] = await tx.select().from(inventions).where(eq(inventions.reference, reference));
      return row ?? null;
    },

    /**
     * The highest sequence number among references `<prefix><digits>`, or 0. Takes a transaction-scoped
     * lock first, so two disclosures made at once cannot draw the same number.
     */
    async lastReferenceSequence(prefix: string, tx: Db): Promise<number> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inventions.reference'))`);
      const [row] = await tx
        .select({ last: sql<number | null>`max(substring(${inventions.reference} from ${prefix.length + 1}::int)::int)` })
        .from(inventions)
        .where(sql`${inventions.reference} ~ ${`^${prefix}[0-9]{1,9}$`}`);
      return row?.last ?? 0;
    },

    async agreementExists(id: string, tx: Db = db): Promise<boolean> {
      const [row] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id));
      return row !== undefined;
    },

    async insert(row: InventionRow, tx: Db = db): Promise<void> {
      await tx.insert(inventions).values(row);
    },

    async update(id: string, values: Partial<InventionRow>, tx: Db = db): Promise<void> {
      await tx.update(inventions).set(values).where(eq(inventions.id, id));
    },

    /** Inventors are replaced as a whole, their rank being their place in the list. */
    async replaceInventors(inventionId: string, rows: InventorRow[], tx: Db = db): Promise<void> {
      await tx.delete(inventors).where(eq(inventors.inventionId, inventionId));
      if (rows.length > 0) await tx.insert(inventors).values(rows);
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(inventions).where(eq(inventions.id, id));
    },
  };
}
export type InventionRepository = ReturnType<typeof createInventionRepository>;
