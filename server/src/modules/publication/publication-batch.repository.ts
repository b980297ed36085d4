import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, inOrder } from '../../platform/db.ts';
import { applications, assets, publications as assetPublications } from '../asset/asset.table.ts';
import { publicationLinks, patentPublications } from './publication.table.ts';
import type { LinkRow, PublicationRow } from './publication.repository.ts';

/** A stored publication as an import batch compares with it. */
export type StoredState = Pick<PublicationRow, 'id' | 'country' | 'number' | 'kind' | 'parts' | 'firstRunId' | 'dismissedAt' | 'dismissedBy' | 'createdAt'>;

/** Rows per INSERT (links: 12 values a row, well under PostgreSQL's 65,535 parameters per statement). */
const WRITE_CHUNK = 1000;

/**
 * What an import writes, a batch at a time and without a round trip per record: the publications of
 * the batch as stored, their upsert, their links to the portfolio, and the portfolio's numbers to match.
 */
export function createPublicationBatchRepository(db: Db) {
  return {
    /**
     * What a batch being imported needs of the stored publications (by country, number and kind): their
     * parts (the record itself only when several files gave it) and the columns a rewrite keeps. The keys
     * travel as one JSON parameter: a list of a few hundred row values in the statement itself makes
     * PGlite fail ("bad buffer ID") on the next one.
     */
    async findStates(keys: { country: string; number: string; kind: string }[], tx: Db = db): Promise<StoredState[]> {
      if (keys.length === 0) return [];
      const json = JSON.stringify(keys.map(({ country, number, kind }) => ({ country, number, kind })));
      return tx
        .select({
          id: patentPublications.id,
          country: patentPublications.country,
          number: patentPublications.number,
          kind: patentPublications.kind,
          parts: patentPublications.parts,
          firstRunId: patentPublications.firstRunId,
          dismissedAt: patentPublications.dismissedAt,
          dismissedBy: patentPublications.dismissedBy,
          createdAt: patentPublications.createdAt,
        })
        .from(patentPublications)
        .where(
          sql`(${patentPublications.country}, ${patentPublications.number}, ${patentPublications.kind}) in (select k.country, k.number, k.kind from jsonb_to_recordset(${json}::jsonb) as k(country text, number text, kind text))`,
        );
    },

    /** Whole rows, for the publications of a batch that a file changes. */
    async findByIds(ids: string[], tx: Db = db): Promise<PublicationRow[]> {
      if (ids.length === 0) return [];
      return tx.select().from(patentPublications).where(inArray(patentPublications.id, ids));
    },

    /**
     * Inserts new publications and rewrites changed ones, a chunk per statement sent as one JSON
     * parameter that the database turns into rows (several times faster than binding some thirty values
     * a row); a row whose stored hash equals the new one is left as it is (no new row version).
     */
    async upsert(rows: PublicationRow[], tx: Db = db): Promise<void> {
      const columns = Object.entries(getTableColumns(patentPublications));
      // On conflict the row takes every column but those that record its history: id, first run, dismissal, creation.
      const kept = new Set(['id', 'first_run_id', 'dismissed_at', 'dismissed_by', 'created_at']);
      const assignments = sql.join(
        columns
          .filter(([, column]) => !kept.has(column.name))
          .map(([, column]) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`),
        sql`, `,
      );
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        const chunk = rows
          .slice(start, start + WRITE_CHUNK)
          .map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key as keyof PublicationRow]])));
        await tx.execute(sql`
          insert into ${patentPublications}
          select * from jsonb_populate_recordset(null::${patentPublications}, ${JSON.stringify(chunk)}::jsonb)
          on conflict (country, number, kind) do update set ${assignments}
          where ${patentPublications.recordHash} <> excluded.record_hash`);
      }
    },

    /** Adds links that are not there yet; answers the ones added. A link there, confirmed or rejected by a person, stays as it is. */
    async addLinks(rows: LinkRow[], tx: Db = db): Promise<{ publicationId: string; assetId: string }[]> {
      const added: { publicationId: string; assetId: string }[] = [];
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        added.push(
          ...(await tx
            .insert(publicationLinks)
            .values(rows.slice(start, start + WRITE_CHUNK))
            .onConflictDoNothing()
            .returning({ publicationId: publicationLinks.publicationId, assetId: publicationLinks.assetId })),
        );
      }
      return added;
    },

    /** The links of these publications that name a portfolio application, rejected ones left out: the links the portfolio follows. */
    async applicationLinksOf(publicationIds: string[], tx: Db = db): Promise<LinkRow[]> {
      if (publicationIds.length === 0) return [];
      return tx
        .select()
        .from(publicationLinks)
        .where(
          and(
            inArray(publicationLinks.publicationId, publicationIds),
            sql`${publicationLinks.applicationId} is not null`,
            isNull(publicationLinks.rejectedAt),
          ),
        );
    },

    /**
     * What matching compares a publication with: every application, publication and DOCDB family id of
     * the portfolio, or of one family (`assetId`).
     */
    async portfolioNumbers(tx: Db = db, assetId?: string) {
      const [applicationRows, publicationRows, familyRows] = await inOrder([
        tx
          .select({ id: applications.id, assetId: applications.assetId, office: applications.office, applicationNumber: applications.applicationNumber })
          .from(applications)
          .where(assetId === undefined ? undefined : eq(applications.assetId, assetId)),
        tx
          .select({ applicationId: assetPublications.applicationId, assetId: applications.assetId, office: applications.office, number: assetPublications.number })
          .from(assetPublications)
          .innerJoin(applications, eq(applications.id, assetPublications.applicationId))
          .where(assetId === undefined ? undefined : eq(applications.assetId, assetId)),
        tx
          .select({ assetId: assets.id, familyId: assets.familyId })
          .from(assets)
          .where(and(eq(assets.kind, 'patent_family'), sql`${assets.familyId} is not null`, assetId === undefined ? undefined : eq(assets.id, assetId))),
      ]);
      return { applications: applicationRows, publications: publicationRows, families: familyRows };
    },

    /**
     * The corpus's publications that may be of a family: of one of its applications, claiming one as
     * priority, of its DOCDB family, or numbered as one of its publications (`numbers`: country and the
     * number as the corpus may write it). Matching then decides, record by record.
     */
    async candidatesFor(
      family: { applicationKeys: string[]; familyId: string | null; numbers: { country: string; number: string }[] },
      tx: Db = db,
    ): Promise<PublicationRow[]> {
      const keys = family.applicationKeys;
      const numbers = JSON.stringify(family.numbers);
      const conditions = [
        keys.length > 0 ? inArray(patentPublications.applicationKey, keys) : undefined,
        keys.length > 0 ? sql`${patentPublications.priorityKeys} && ${sql`array[${sql.join(keys.map((key) => sql`${key}`), sql`, `)}]::text[]`}` : undefined,
        family.familyId === null ? undefined : eq(patentPublications.familyId, family.familyId),
        family.numbers.length > 0
          ? sql`(${patentPublications.country}, ${patentPublications.number}) in (select n.country, n.number from jsonb_to_recordset(${numbers}::jsonb) as n(country text, number text))`
          : undefined,
      ].filter((condition) => condition !== undefined);
      if (conditions.length === 0) return [];
      return tx
        .select()
        .from(patentPublications)
        .where(sql.join(conditions.map((condition) => sql`(${condition})`), sql` or `));
    },

  };
}
export type PublicationBatchRepository = ReturnType<typeof createPublicationBatchRepository>;
