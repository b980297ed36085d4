import { type SQL, asc, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { countAll } from '../../platform/list.ts';
import { agreements } from '../agreement/agreement.table.ts';
import { applications, assets, publications } from '../asset/asset.table.ts';
import { inventions } from '../invention/invention.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { startups } from '../startup/startup.table.ts';
import type { PortfolioScope } from './portfolio.access.ts';

/**
 * Read-only counts over the portfolio, each one grouped query within the scope, so that the summary takes
 * the same handful of queries for ten families or a hundred thousand. PostgreSQL returns count(*) as a
 * bigint (a string through the driver): every count is cast to int.
 */
export function createPortfolioRepository(db: Db) {
  return {
    async assetsBySchoolKindStatus(scope: PortfolioScope) {
      return db
        .select({ schoolId: assets.schoolId, kind: assets.kind, status: assets.status, count: countAll })
        .from(assets)
        .where(scope.assets)
        .groupBy(assets.schoolId, assets.kind, assets.status);
    },

    async inventionsBySchool(scope: PortfolioScope) {
      return db
        .select({ schoolId: inventions.schoolId, count: countAll })
        .from(inventions)
        .where(scope.inventions)
        .groupBy(inventions.schoolId);
    },

    async countAgreements(scope: PortfolioScope): Promise<number> {
      const [row] = await db.select({ count: countAll }).from(agreements).where(scope.agreements);
      return row?.count ?? 0;
    },

    async countStartups(scope: PortfolioScope): Promise<number> {
      const [row] = await db.select({ count: countAll }).from(startups).where(scope.startups);
      return row?.count ?? 0;
    },

    /**
     * Applications by filing year, and among them the first filings: those filed on the earliest filing
     * date of their family (the priority filing; several when filed the same day at several offices).
     */
    async filingsByYear(scope: PortfolioScope) {
      const filed = db
        .select({
          filingDate: applications.filingDate,
          familyFirstFiling: sql<string>`min(${applications.filingDate}) over (partition by ${applications.assetId})`.as('family_first_filing'),
        })
        .from(applications)
        .where(ofAssetsInScope(scope))
        .as('filed');
      const year = sql<number>`extract(year from ${filed.filingDate})::int`;
      return db
        .select({
          year,
          filings: countAll,
          priorityFilings: sql<number>`(count(*) filter (where ${filed.filingDate} = ${filed.familyFirstFiling}))::int`,
        })
        .from(filed)
        .groupBy(year)
        .orderBy(year);
    },

    async publicationsByYear(scope: PortfolioScope) {
      const year = sql<number>`extract(year from ${publications.date})::int`;
      const ofApplicationsInScope =
        scope.assets === undefined
          ? undefined
          : sql`${publications.applicationId} in (select ${applications.id} from ${applications} where ${ofAssetsInScope(scope)})`;
      return db.select({ year, publications: countAll }).from(publications).where(ofApplicationsInScope).groupBy(year).orderBy(year);
    },

    /** The schools to list: those the scope lists anyway, and those where something was counted. */
    async schools(listed: SQL, counted: string[]) {
      return db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(or(listed, inArray(organisations.id, counted)))
        .orderBy(asc(organisations.name), asc(organisations.id));
    },
  };
}
export type PortfolioRepository = ReturnType<typeof createPortfolioRepository>;

/**
 * Applications of the assets in scope. Every application belongs to an asset, so when the actor sees them
 * all the condition is left out rather than joined for nothing (it would double the time of these counts).
 */
function ofAssetsInScope(scope: PortfolioScope): SQL | undefined {
  if (scope.assets === undefined) return undefined;
  return sql`${applications.assetId} in (select ${assets.id} from ${assets} where ${scope.assets})`;
}
