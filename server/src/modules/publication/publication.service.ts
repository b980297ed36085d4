import type { ListQuery, Page } from '#core/common';
import type { FamilyPublications, LinkInput, Publication, PublicationFilter, PublicationSummary, ReviewItem } from '#core/publication-corpus';
import { type Actor, requireManageSchool, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import type { AssetRepository } from '../asset/asset.repository.ts';
import { recorderOf } from '../docket/prosecution-event.service.ts';
import { institutionNames, matchingOrganisations } from './institution-names.ts';
import { storedRecordOf } from './publication-rows.ts';
import { presentPublication, presentSummary } from './publication.presenter.ts';
import type { LinkRecord, PublicationRepository, PublicationRow } from './publication.repository.ts';
import type { PortfolioUpdater } from './portfolio-update.ts';

/**
 * The publication corpus. Publications are public data: every signed-in role but partner browses
 * them, and sees their links only to the families it may open. The review list, manual links and
 * dismissals, and confirming or rejecting a link, are for admins and officers; a school's officer acts
 * on that school's families only.
 * A family's publications follow the family's visibility.
 */
export function createPublicationService(deps: { db: Db; publications: PublicationRepository; assets: AssetRepository; updater: PortfolioUpdater; clock: Clock }) {
  const { db, publications, assets, updater, clock } = deps;

  async function withLinks(actor: Actor, rows: { row: PublicationRow; isLinked: boolean }[], tx: Db = db): Promise<Publication[]> {
    const links = await publications.linksOf(
      rows.map(({ row }) => row.id),
      visibleAssets(actor),
      tx,
    );
    return rows.map(({ row, isLinked }) => presentPublication(row, isLinked, links.filter((link: LinkRecord) => link.link.publicationId === row.id)));
  }

  async function getRow(id: string, tx: Db = db) {
    const found = await publications.findById(id, tx);
    if (!found) throw DomainError.notFound('publication', id);
    return found;
  }

  /** A family the actor may change: 404 when it may not open it, 403 when it may open but not change it. */
  async function getManagedFamily(actor: Actor, assetId: string, tx: Db) {
    const family = await assets.findById(assetId, visibleAssets(actor), tx);
    if (!family || family.asset.kind !== 'patent_family') throw DomainError.notFound('patent family', assetId);
    requireManageSchool(actor, family.asset.schoolId);
    return family;
  }

  /** The link of a publication to a family the actor may change, locked for the transaction; 404 when there is none. */
  async function getLink(actor: Actor, id: string, assetId: string, tx: Db) {
    await getRow(id, tx);
    await getManagedFamily(actor, assetId, tx);
    const link = await publications.findLink(id, assetId, tx);
    if (!link) throw DomainError.notFound('link', `${id} → ${assetId}`);
    return link;
  }

  return {
    async list(actor: Actor, filter: PublicationFilter, query: ListQuery): Promise<Page<PublicationSummary>> {
      requireRole(actor, 'admin', 'officer', 'researcher', 'reader');
      const { rows, total } = await publications.list(filter, query);
      return toPage(
        rows.map(({ row, isLinked }) => presentSummary(row, isLinked)),
        total,
        query,
      );
    },

    async get(actor: Actor, id: string): Promise<Publication> {
      requireRole(actor, 'admin', 'officer', 'researcher', 'reader');
      const [publication] = await withLinks(actor, [await getRow(id)]);
      return publication!;
    },

    /** The institution's publications no family knows: the institution, its schools and units named among the applicants. */
    async review(actor: Actor, query: ListQuery): Promise<Page<ReviewItem>> {
      requireRole(actor, 'admin', 'officer');
      const organisations = await publications.institutionOrganisations();
      const { rows, total } = await publications.listForReview(institutionNames(organisations), query);
      return toPage(
        rows.map(({ row, isLinked }) => ({
          ...presentSummary(row, isLinked),
          matchedOrganisations: matchingOrganisations(row.applicants, organisations).map(({ id, name }) => ({ id, name })),
        })),
        total,
        query,
      );
    },

    /**
     * Links a publication to a family by hand (confirmed). With an application, the application takes
     * what the publication says (status, publication, procedural events, paid renewals) and the family's
     * deadlines are recomputed, in the same transaction.
     */
    async link(actor: Actor, id: string, input: LinkInput): Promise<Publication> {
      requireRole(actor, 'admin', 'officer');
      const now = clock.now().toISOString();
      return db.transaction(async (tx) => {
        const { row } = await getRow(id, tx);
        const family = await getManagedFamily(actor, input.assetId, tx);
        if (input.applicationId !== null && !family.applications.some((application) => application.id === input.applicationId)) {
          throw DomainError.invalid('applicationId', `is not an application of family ${input.assetId}`);
        }
        await publications.saveManualLink(
          {
            publicationId: id,
            assetId: input.assetId,
            applicationId: input.applicationId,
            matchedBy: 'manual',
            isConfirmed: true,
            runId: null,
            createdBy: recorderOf(actor),
            createdAt: now,
            confirmedAt: now,
            confirmedBy: recorderOf(actor),
            rejectedAt: null,
            rejectedBy: null,
          },
          tx,
        );
        if (input.applicationId !== null) {
          await updater.apply([{ assetId: input.assetId, applicationId: input.applicationId, record: storedRecordOf(row) }], recorderOf(actor), tx);
        }
        const [publication] = await withLinks(actor, [await getRow(id, tx)], tx);
        return publication!;
      });
    },

    /**
     * Confirms a link matching left unconfirmed (a priority claimed, the DOCDB family): the publication is
     * the family's. A link already confirmed stays as it was; a rejected one is not there (404).
     */
    async confirmLink(actor: Actor, id: string, assetId: string): Promise<Publication> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const link = await getLink(actor, id, assetId, tx);
        if (link.rejectedAt !== null) throw DomainError.notFound('link', `${id} → ${assetId}`);
        if (!link.isConfirmed) {
          await publications.confirmLink(id, assetId, { confirmedAt: clock.now().toISOString(), confirmedBy: recorderOf(actor) }, tx);
        }
        const [publication] = await withLinks(actor, [await getRow(id, tx)], tx);
        return publication!;
      });
    },

    /**
     * Not this family: the link is rejected, kept so that no import, rematch or sync makes it again, and
     * counts nowhere (a publication whose only link it was is back on the review list). What the link
     * brought to an application stays. Rejecting a rejected link changes nothing; a manual link undoes it.
     */
    async unlink(actor: Actor, id: string, assetId: string): Promise<Publication> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const link = await getLink(actor, id, assetId, tx);
        if (link.rejectedAt === null) {
          await publications.rejectLink(id, assetId, { rejectedAt: clock.now().toISOString(), rejectedBy: recorderOf(actor) }, tx);
        }
        const [publication] = await withLinks(actor, [await getRow(id, tx)], tx);
        return publication!;
      });
    },

    /** Takes a publication off the review list: not the institution's after all, or not worth a family. */
    async dismiss(actor: Actor, id: string): Promise<Publication> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const found = await getRow(id, tx);
        if (found.isLinked) throw DomainError.conflict('id', 'is linked to a family, so it is not on the review list');
        if (found.row.dismissedAt === null) {
          await publications.dismiss(id, { dismissedAt: clock.now().toISOString(), dismissedBy: recorderOf(actor) }, tx);
        }
        const [publication] = await withLinks(actor, [await getRow(id, tx)], tx);
        return publication!;
      });
    },

    /** A family's publications with their legal events and register steps; 404 for a family the actor may not open. */
    async ofFamily(actor: Actor, assetId: string): Promise<FamilyPublications> {
      const family = await assets.findById(assetId, visibleAssets(actor));
      if (!family || family.asset.kind !== 'patent_family') throw DomainError.notFound('patent family', assetId);
      return { items: await withLinks(actor, await publications.ofAsset(assetId)) };
    },
  };
}
export type PublicationService = ReturnType<typeof createPublicationService>;
