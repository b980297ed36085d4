import type { AssetKind, AssetStatus } from '#core/asset';
import type { PortfolioSummary } from '#core/portfolio';
import type { Actor } from '../../platform/actor.ts';
import { portfolioScopeOf } from './portfolio.access.ts';
import type { PortfolioRepository } from './portfolio.repository.ts';

/** Every status present, so the web shows a zero rather than a gap. */
const noAssets = (): Record<AssetStatus, number> => ({ active: 0, pending: 0, granted: 0, lapsed: 0, abandoned: 0, transferred: 0 });

/** The portfolio at a glance: read-only counts over inventions, assets, agreements and startups. */
export function createPortfolioService(deps: { portfolio: PortfolioRepository }) {
  const { portfolio } = deps;

  return {
    /** Every role may ask; each counts only what it may open. */
    async summary(actor: Actor): Promise<PortfolioSummary> {
      const scope = portfolioScopeOf(actor);
      const [assetCounts, inventionCounts, agreements, startups, filings, publications] = await Promise.all([
        portfolio.assetsBySchoolKindStatus(scope),
        portfolio.inventionsBySchool(scope),
        portfolio.countAgreements(scope),
        portfolio.countStartups(scope),
        portfolio.filingsByYear(scope),
        portfolio.publicationsByYear(scope),
      ]);
      const counted = [...new Set([...assetCounts.map((row) => row.schoolId), ...inventionCounts.map((row) => row.schoolId)])];
      const schools = await portfolio.schools(scope.schools, counted);

      const sumOf = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
      const ofKind = (kind: AssetKind) => sumOf(assetCounts.filter((row) => row.kind === kind));

      const byYear = new Map<number, PortfolioSummary['byYear'][number]>();
      const yearOf = (year: number) => {
        const entry = byYear.get(year) ?? { year, filings: 0, priorityFilings: 0, publications: 0 };
        byYear.set(year, entry);
        return entry;
      };
      for (const row of filings) Object.assign(yearOf(row.year), { filings: row.filings, priorityFilings: row.priorityFilings });
      for (const row of publications) yearOf(row.year).publications = row.publications;

      return {
        totals: {
          inventions: sumOf(inventionCounts),
          patentFamilies: ofKind('patent_family'),
          software: ofKind('software'),
          knowHow: ofKind('know_how'),
          agreements,
          startups,
        },
        bySchool: schools.map((school) => {
          const ofSchool = assetCounts.filter((row) => row.schoolId === school.id);
          const assetsByStatus = noAssets();
          for (const row of ofSchool) assetsByStatus[row.status] += row.count;
          return {
            schoolId: school.id,
            schoolName: school.name,
            inventions: sumOf(inventionCounts.filter((row) => row.schoolId === school.id)),
            assets: sumOf(ofSchool),
            assetsByStatus,
          };
        }),
        byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
      };
    },
  };
}
export type PortfolioService = ReturnType<typeof createPortfolioService>;
