import { type SQL, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import type { PublicationFilter } from '#core/publication-corpus';
import type { Db } from '../../platform/db.ts';
import { countAll, matchesText } from '../../platform/list.ts';
import { DomainError } from '../../platform/errors.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { publicationLinks, patentPublications } from './publication.table.ts';
import { applicationKey, normaliseName } from './publication-keys.ts';

export type PublicationRow = typeof patentPublications.$inferSelect;
export type LinkRow = typeof publicationLinks.$inferSelect;

/** A link with the family it points to, as the API shows it. */
export interface LinkRecord {
  link: LinkRow;
  assetTitle: string;
  assetReference: string | null;
  schoolId: string;
  applicationNumber: string | null;
}

/** What the review list compares applicants with: the institution's names (phrases), short names and SIRENs (exact). */
export interface InstitutionNames {
  phrases: string[];
  exactKeys: string[];
}

const sortable = {
  publicationDate: patentPublications.publicationDate,
  number: patentPublications.number,
  country: patentPublications.country,
  filingDate: patentPublications.filingDate,
};

/** The same expression as the GIN index `patent_publications_applicant_search_idx`. */
const applicantDocument = sql`to_tsvector('simple', ${patentPublications.applicantNames})`;

/** A link a person rejected counts nowhere: not as a link, not on a family, not for the review list. */
const isLive = isNull(publicationLinks.rejectedAt);

const isLinked = sql<boolean>`exists (select 1 from ${publicationLinks} where ${publicationLinks.publicationId} = ${patentPublications.id} and ${isLive})`;

/**
 * q: a publication number as written, with or without its office and kind ("EP2400812", "EP 2400812 A1",
 * "2400812"), or an application number in any of its forms ("10167109.1"): each arm uses an index.
 */
function matchesNumber(q: string): SQL {
  const text = q.normalize('NFKC').toUpperCase().replace(/[\s/,.-]+/g, '');
  const written = /^([A-Z]{2})?(\d[0-9A-Z]*?)([A-Z]\d?)?$/.exec(text);
  const country = written?.[1];
  const number = written?.[2] ?? text;
  const byNumber = and(eq(patentPublications.number, number), country ? eq(patentPublications.country, country) : undefined);
  const key = applicationKey(country ?? null, q);
  return key === null ? byNumber! : sql`(${byNumber} or ${patentPublications.applicationKey} = ${key})`;
}

export function createPublicationRepository(db: Db) {
  function filterConditions(filter: PublicationFilter, query: Pick<ListQuery, 'q'>): (SQL | undefined)[] {
    return [
      filter.country ? eq(patentPublications.country, filter.country) : undefined,
      filter.kind ? eq(patentPublications.kind, filter.kind === 'none' ? '' : filter.kind) : undefined,
      filter.year === undefined
        ? undefined
        : sql`${patentPublications.publicationDate} between ${`${filter.year}-01-01`}::date and ${`${filter.year}-12-31`}::date`,
      filter.applicant ? matchesText(applicantDocument, normaliseName(filter.applicant)) : undefined,
      filter.linked === undefined ? undefined : filter.linked ? isLinked : sql`not ${isLinked}`,
      query.q ? matchesNumber(query.q) : undefined,
    ];
  }

  function order(query: Pick<ListQuery, 'sort'>): SQL[] {
    const requested = query.sort ?? '-publicationDate';
    const descending = requested.startsWith('-');
    const column = sortable[requested.replace(/^-/, '') as keyof typeof sortable];
    if (!column) throw DomainError.invalid('sort', `must be one of ${Object.keys(sortable).join(', ')} (with "-" for descending)`);
    return descending
      ? [sql`${column} desc nulls last`, desc(patentPublications.id)]
      : [sql`${column} asc nulls last`, asc(patentPublications.id)];
  }

  const selectSummary = (tx: Db) => tx.select({ row: patentPublications, isLinked }).from(patentPublications);

  /** One page of the publications `where` selects, in the query's order, and how many there are. */
  async function pageWhere(where: SQL | undefined, query: ListQuery) {
    const [rows, [counted]] = await Promise.all([
      selectSummary(db)
        .where(where)
        .orderBy(...order(query))
        .limit(query.limit)
        .offset(query.offset),
      db.select({ total: countAll }).from(patentPublications).where(where),
    ]);
    return { rows, total: counted?.total ?? 0 };
  }

  return {
    /** Makes a link a person's: matched by hand and confirmed, on this application; a link rejected before counts again. */
    async saveManualLink(row: LinkRow, tx: Db = db): Promise<void> {
      await tx
        .insert(publicationLinks)
        .values(row)
        .onConflictDoUpdate({
          target: [publicationLinks.publicationId, publicationLinks.assetId],
          set: {
            applicationId: row.applicationId,
            matchedBy: 'manual',
            isConfirmed: true,
            createdBy: row.createdBy,
            confirmedAt: row.confirmedAt,
            confirmedBy: row.confirmedBy,
            rejectedAt: null,
            rejectedBy: null,
          },
        });
    },

    /** The link of a publication to a family, rejected or not, locked until the transaction ends. */
    async findLink(publicationId: string, assetId: string, tx: Db = db): Promise<LinkRow | null> {
      const [row] = await tx
        .select()
        .from(publicationLinks)
        .where(and(eq(publicationLinks.publicationId, publicationId), eq(publicationLinks.assetId, assetId)))
        .for('update');
      return row ?? null;
    },

    async confirmLink(publicationId: string, assetId: string, values: { confirmedAt: string; confirmedBy: string | null }, tx: Db = db): Promise<void> {
      await tx
        .update(publicationLinks)
        .set({ isConfirmed: true, ...values })
        .where(and(eq(publicationLinks.publicationId, publicationId), eq(publicationLinks.assetId, assetId)));
    },

    /** Rejects a link without deleting it: see publicationLinks. */
    async rejectLink(publicationId: string, assetId: string, values: { rejectedAt: string; rejectedBy: string | null }, tx: Db = db): Promise<void> {
      await tx
        .update(publicationLinks)
        .set(values)
        .where(and(eq(publicationLinks.publicationId, publicationId), eq(publicationLinks.assetId, assetId)));
    },

    /** The links, not rejected, of these publications to families within `scope` (see visibleAssets). */
    async linksOf(publicationIds: string[], scope: SQL | undefined, tx: Db = db): Promise<LinkRecord[]> {
      if (publicationIds.length === 0) return [];
      return tx
        .select({
          link: publicationLinks,
          assetTitle: assets.title,
          assetReference: assets.reference,
          schoolId: assets.schoolId,
          applicationNumber: applications.applicationNumber,
        })
        .from(publicationLinks)
        .innerJoin(assets, eq(assets.id, publicationLinks.assetId))
        .leftJoin(applications, eq(applications.id, publicationLinks.applicationId))
        .where(and(inArray(publicationLinks.publicationId, publicationIds), isLive, scope))
        .orderBy(asc(publicationLinks.createdAt), asc(publicationLinks.assetId));
    },

    async list(filter: PublicationFilter, query: ListQuery) {
      return pageWhere(and(...filterConditions(filter, query)), query);
    },

    async findById(id: string, tx: Db = db) {
      const [row] = await selectSummary(tx).where(eq(patentPublications.id, id));
      return row ?? null;
    },

    /**
     * The institution's publications that no family knows and no one dismissed: an applicant's name
     * holds one of `names.phrases` as whole words, or equals one of `names.exactKeys` (a short name, or
     * `SIREN:<number>`).
     */
    async listForReview(names: InstitutionNames, query: ListQuery) {
      if (names.phrases.length === 0 && names.exactKeys.length === 0) return { rows: [], total: 0 };
      const phrases = names.phrases.map((phrase) => sql`phraseto_tsquery('simple', ${phrase})`);
      const exact = names.exactKeys.map((key) => sql`${key}`);
      const matches = sql.join(
        [
          phrases.length > 0 ? sql`${applicantDocument} @@ (${sql.join(phrases, sql` || `)})` : undefined,
          exact.length > 0 ? sql`${patentPublications.applicantKeys} && array[${sql.join(exact, sql`, `)}]::text[]` : undefined,
        ].filter((part): part is SQL => part !== undefined),
        sql` or `,
      );
      return pageWhere(and(isNull(patentPublications.dismissedAt), sql`not ${isLinked}`, sql`(${matches})`), query);
    },

    async dismiss(id: string, values: { dismissedAt: string; dismissedBy: string | null }, tx: Db = db): Promise<void> {
      await tx.update(patentPublications).set(values).where(eq(patentPublications.id, id));
    },

    /** The institution, its schools and research units: whose names the review list looks for among applicants. */
    async institutionOrganisations(tx: Db = db) {
      return tx
        .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, siren: organisations.siren })
        .from(organisations)
        .where(inArray(organisations.kind, ['institution', 'school', 'research_unit']))
        .orderBy(asc(organisations.name), asc(organisations.id));
    },

    /** The publications linked to a family (links not rejected), oldest first. */
    async ofAsset(assetId: string, tx: Db = db) {
      return selectSummary(tx)
        .where(
          sql`${patentPublications.id} in (select ${publicationLinks.publicationId} from ${publicationLinks} where ${publicationLinks.assetId} = ${assetId} and ${isLive})`,
        )
        .orderBy(sql`${patentPublications.publicationDate} asc nulls last`, asc(patentPublications.country), asc(patentPublications.number), asc(patentPublications.kind));
    },
  };
}
export type PublicationRepository = ReturnType<typeof createPublicationRepository>;
