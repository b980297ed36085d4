import { type SQL, and, asc, eq, exists, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import type { PersonFilter } from '#core/person';
import type { Db } from '../../platform/db.ts';
import { countAll, orderBy } from '../../platform/list.ts';
import { escapeLike } from '../organisation/organisation.repository.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { affiliations, people } from './person.table.ts';

export type PersonRow = typeof people.$inferSelect;
export type AffiliationRow = typeof affiliations.$inferSelect;
/** An affiliation with the name of its organisation, as people are shown. */
export type AffiliationView = AffiliationRow & { organisationName: string };

const sortable = {
  lastName: people.lastName,
  firstName: people.firstName,
  createdAt: people.createdAt,
};

export function createPersonRepository(db: Db) {
  /** A person affiliated with the organisation, now or in the past. */
  const isAffiliatedWith = (organisationId: string) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(affiliations)
        .where(and(eq(affiliations.personId, people.id), eq(affiliations.organisationId, organisationId))),
    );

  const matchesName = (q: string) => {
    const pattern = `%${escapeLike(q)}%`;
    return or(
      ilike(people.firstName, pattern),
      ilike(people.lastName, pattern),
      ilike(people.email, pattern),
      // "Marie Curie" typed as one phrase.
      ilike(sql`${people.firstName} || ' ' || ${people.lastName}`, pattern),
    );
  };

  return {
    async list(filter: PersonFilter, query: ListQuery) {
      const conditions: (SQL | undefined)[] = [
        filter.organisationId ? isAffiliatedWith(filter.organisationId) : undefined,
        filter.employmentStatus ? eq(people.employmentStatus, filter.employmentStatus) : undefined,
        query.q ? matchesName(query.q) : undefined,
      ];
      const where = and(...conditions);
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(people)
          .where(where)
          .orderBy(...orderBy(query, sortable, 'lastName', people.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ total: countAll }).from(people).where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    async findById(id: string, tx: Db = db): Promise<PersonRow | null> {
      const [row] = await tx.select().from(people).where(eq(people.id, id));
      return row ?? null;
    },

    /** Another person (not `exceptId`) holding this value of a unique field. */
    async findOtherWith(field: 'email' | 'orcid', value: string, exceptId: string | null, tx: Db = db): Promise<PersonRow | null> {
      const column = people[field];
      const [row] = await tx
        .select()
        .from(people)
        .where(and(eq(column, value), exceptId === null ? undefined : ne(people.id, exceptId)));
      return row ?? null;
    },

    /** Which of these ids are people. */
    async existingIds(ids: readonly string[], tx: Db = db): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await tx.select({ id: people.id }).from(people).where(inArray(people.id, [...ids]));
      return new Set(rows.map((row) => row.id));
    },

    /** The affiliations of each person, oldest first. */
    async affiliationsOf(personIds: readonly string[], tx: Db = db): Promise<Map<string, AffiliationView[]>> {
      const byPerson = new Map<string, AffiliationView[]>(personIds.map((id) => [id, []]));
      if (personIds.length === 0) return byPerson;
      const rows = await tx
        .select({ affiliation: affiliations, organisationName: organisations.name })
        .from(affiliations)
        .innerJoin(organisations, eq(organisations.id, affiliations.organisationId))
        .where(inArray(affiliations.personId, [...personIds]))
        .orderBy(asc(affiliations.startDate), asc(organisations.name), asc(affiliations.id));
      for (const { affiliation, organisationName } of rows) {
        byPerson.get(affiliation.personId)?.push({ ...affiliation, organisationName });
      }
      return byPerson;
    },

    async insert(row: PersonRow, tx: Db = db): Promise<void> {
      await tx.insert(people).values(row);
    },

    async update(id: string, values: Partial<PersonRow>, tx: Db = db): Promise<void> {
      await tx.update(people).set(values).where(eq(people.id, id));
    },

    /** Affiliations are replaced as a whole: the person's form is the source of truth. */
    async replaceAffiliations(personId: string, rows: AffiliationRow[], tx: Db = db): Promise<void> {
      await tx.delete(affiliations).where(eq(affiliations.personId, personId));
      if (rows.length > 0) await tx.insert(affiliations).values(rows);
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(people).where(eq(people.id, id));
    },
  };
}
export type PersonRepository = ReturnType<typeof createPersonRepository>;
