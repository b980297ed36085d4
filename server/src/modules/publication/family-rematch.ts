import type { PortfolioChanges } from '#core/publication-corpus';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { buildPortfolioIndex } from './publication-match.ts';
import { applicationKey, publicationKey } from './publication-keys.ts';
import { linkAndApply } from './publication-linking.ts';
import { storedRecordOf } from './publication-rows.ts';
import type { PublicationBatchRepository } from './publication-batch.repository.ts';
import { type PortfolioUpdater, noPortfolioChanges } from './portfolio-update.ts';

/**
 * When a family is created or its numbers change, the corpus may already hold its publications: an
 * import of last week's DOCDB file, a sync, or the review list's unknown publications of the
 * institution. Rematching links them at once, by the same rules as an import (see matchRecord), and
 * brings the family's applications up to what they say, in the transaction that saves the family.
 */
export function createFamilyRematch(deps: { publications: PublicationBatchRepository; updater: PortfolioUpdater; clock: Clock }) {
  const { publications, updater, clock } = deps;
  return {
    async rematch(assetId: string, tx: Db): Promise<{ linked: number; portfolio: PortfolioChanges }> {
      const numbers = await publications.portfolioNumbers(tx, assetId);
      const applicationKeys = [...new Set(numbers.applications.map((application) => applicationKey(application.office, application.applicationNumber)))].filter(
        (key): key is string => key !== null,
      );
      const rows = await publications.candidatesFor(
        {
          applicationKeys,
          familyId: numbers.families[0]?.familyId ?? null,
          numbers: numbers.publications.flatMap((publication) => corpusNumbers(publication.office, publication.number)),
        },
        tx,
      );
      if (rows.length === 0) return { linked: 0, portfolio: noPortfolioChanges() };
      return linkAndApply(
        { publications, updater },
        {
          index: buildPortfolioIndex(numbers),
          records: new Map(rows.map((row) => [row.id, storedRecordOf(row)])),
          runId: null,
          recordedBy: null,
          now: clock.now().toISOString(),
        },
        tx,
      );
    },
  };
}
export type FamilyRematch = ReturnType<typeof createFamilyRematch>;

/**
 * How the corpus may write a portfolio publication number: the offices' files give it without the
 * office code and separators (`EP2400812` → 2400812, `WO2019/123456` → 2019123456), sometimes with the
 * leading zeros the compared form drops (US `2021/0123456` → 20210123456).
 */
function corpusNumbers(office: string, number: string): { country: string; number: string }[] {
  const key = publicationKey(office, number);
  const compact = number.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const forms = new Set([compact.startsWith(office) ? compact.slice(office.length) : compact]);
  if (key !== null) forms.add(key.slice(key.indexOf(':') + 1));
  return [...forms].map((form) => ({ country: office, number: form }));
}
