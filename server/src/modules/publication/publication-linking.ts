import type { PortfolioChanges } from '#core/publication-corpus';
import type { Db } from '../../platform/db.ts';
import { type PortfolioIndex, addPublications, matchRecord } from './publication-match.ts';
import type { StoredRecord } from './publication-record.ts';
import type { PublicationBatchRepository } from './publication-batch.repository.ts';
import type { LinkRow } from './publication.repository.ts';
import { type PortfolioUpdater, addChanges, noPortfolioChanges } from './portfolio-update.ts';

export interface LinkingContext {
  index: PortfolioIndex;
  /** The publications to match, by id, as their parts merge. */
  records: Map<string, StoredRecord>;
  /** The import run that found them; null when a family's save does (rematching the corpus). */
  runId: string | null;
  recordedBy: string | null;
  now: string;
}

/**
 * Links publications to the portfolio's families (see matchRecord) and brings the linked
 * applications up to what the publications say, inside the caller's transaction. Two passes at most:
 * a publication the portfolio takes in the first (an A1) lets the second match the records that name
 * only its number (the EP Register's). Links already there stay as they are, so running it again
 * changes nothing.
 */
export async function linkAndApply(
  deps: { publications: PublicationBatchRepository; updater: PortfolioUpdater },
  context: LinkingContext,
  tx: Db,
): Promise<{ linked: number; portfolio: PortfolioChanges }> {
  const { publications, updater } = deps;
  const portfolio = noPortfolioChanges();
  let linked = 0;
  let unmatched = [...context.records.keys()];
  for (let pass = 1; pass <= 2 && unmatched.length > 0; pass++) {
    const links: LinkRow[] = unmatched.flatMap((id) =>
      matchRecord(context.index, context.records.get(id)!).map((match) => ({
        publicationId: id,
        assetId: match.assetId,
        applicationId: match.applicationId,
        matchedBy: match.matchedBy,
        isConfirmed: match.applicationId !== null,
        runId: context.runId,
        createdBy: context.recordedBy,
        createdAt: context.now,
        confirmedAt: null,
        confirmedBy: null,
        rejectedAt: null,
        rejectedBy: null,
      })),
    );
    const matched = new Set(links.map((link) => link.publicationId));
    unmatched = unmatched.filter((id) => !matched.has(id));
    linked += (await publications.addLinks(links, tx)).length;
    // The first pass takes every link naming an application, new or older (a manual one), so the portfolio catches up with the records.
    const applicationLinks = await publications.applicationLinksOf(pass === 1 ? [...context.records.keys()] : [...matched], tx);
    const applied = await updater.apply(
      applicationLinks.map((link) => ({ assetId: link.assetId, applicationId: link.applicationId!, record: context.records.get(link.publicationId)! })),
      context.recordedBy,
      tx,
    );
    addChanges(portfolio, applied.changes);
    if (applied.addedPublications.length === 0) break;
    addPublications(context.index, applied.addedPublications);
  }
  return { linked, portfolio };
}
