import { type SQL, and, asc, eq, getTableColumns, ilike, inArray, sql } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import type { StartupFilter } from '#core/startup';
import type { Db } from '../../platform/db.ts';
import { countAll, orderBy } from '../../platform/list.ts';
import { escapeLike } from '../organisation/organisation.repository.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { people } from '../person/person.table.ts';
import { founders, startups } from './startup.table.ts';

export type StartupRow = typeof startups.$inferSelect;
export type FounderRow = typeof founders.$inferSelect;

/** A startup with the name of its organisation, which is where the company's name lives. */
export interface StartupWithName extends StartupRow {
  name: string;
}

export interface FounderWithName extends FounderRow {
  firstName: string;
  lastName: string;
}

/** Which startups a reader may open: every one, or only the one that is a given organisation. */
export type StartupScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'none' };

const sortable = {
  name: organisations.name,
  stage: startups.stage,
  foundedOn: startups.foundedOn,
  createdAt: startups.createdAt,
  updatedAt: startups.updatedAt,
};

const withName = { ...getTableColumns(startups), name: organisations.name };

export function createStartupRepository(db: Db) {
  return {
    async list(scope: StartupScope, filter: StartupFilter, query: ListQuery) {
      const where = and(
        visibleIn(scope),
        filter.stage ? eq(startups.stage, filter.stage) : undefined,
        filter.schoolId ? eq(startups.schoolId, filter.schoolId) : undefined,
        filter.incubatorId ? eq(startups.incubatorId, filter.incubatorId) : undefined,
        filter.isSpinOff === undefined ? undefined : eq(startups.isSpinOff, filter.isSpinOff),
        query.q ? ilike(organisations.name, `%${escapeLike(query.q)}%`) : undefined,
      );
      const [rows, [counted]] = await Promise.all([
        db
          .select(withName)
          .from(startups)
          .innerJoin(organisations, eq(organisations.id, startups.organisationId))
          .where(where)
          .orderBy(...orderBy(query, sortable, 'name', startups.id))
          .limit(query.limit)
          .offset(query.offset),
        db
          .select({ total: countAll })
          .from(startups)
          .innerJoin(organisations, eq(organisations.id, startups.organisationId))
          .where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    /** The startup, or null when it does not exist or lies outside the scope. */
    async findById(scope: StartupScope, id: string, tx: Db = db): Promise<StartupWithName | null> {
      const [row] = await tx
        .select(withName)
        .from(startups)
        .innerJoin(organisations, eq(organisations.id, startups.organisationId))
        .where(and(eq(startups.id, id), visibleIn(scope)));
      return row ?? null;
    },

    async findByOrganisation(organisationId: string, tx: Db = db): Promise<StartupRow | null> {
      const [row] = await tx.select().from(startups).where(eq(startups.organisationId, organisationId));
      return row ?? null;
    },

    async foundersOf(startupIds: string[], tx: Db = db): Promise<FounderWithName[]> {
      if (startupIds.length === 0) return [];
      return tx
        .select({ ...getTableColumns(founders), firstName: people.firstName, lastName: people.lastName })
        .from(founders)
        .innerJoin(people, eq(people.id, founders.personId))
        .where(inArray(founders.startupId, startupIds))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
    },

    /** Of the given person ids, those that exist. */
    async existingPersonIds(personIds: string[], tx: Db = db): Promise<Set<string>> {
      if (personIds.length === 0) return new Set();
      const rows = await tx.select({ id: people.id }).from(people).where(inArray(people.id, personIds));
      return new Set(rows.map((row) => row.id));
    },

    async insert(row: StartupRow, tx: Db = db): Promise<void> {
      await tx.insert(startups).values(row);
    },

    async update(id: string, values: Partial<StartupRow>, tx: Db = db): Promise<void> {
      await tx.update(startups).set(values).where(eq(startups.id, id));
    },

    /** Replaces the founders wholesale. */
    async replaceFounders(startupId: string, rows: Omit<FounderRow, 'startupId'>[], tx: Db): Promise<void> {
      await tx.delete(founders).where(eq(founders.startupId, startupId));
      if (rows.length > 0) await tx.insert(founders).values(rows.map((row) => ({ startupId, ...row })));
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(startups).where(eq(startups.id, id));
    },
  };
}
export type StartupRepository = ReturnType<typeof createStartupRepository>;

function visibleIn(scope: StartupScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return eq(startups.organisationId, scope.organisationId);
    case 'none':
      return sql`false`;
  }
}
