import { type SQL, and, asc, count, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import { ApplicationStatus, type AssetFilter, type PriorityClaim, type PublicationInput, type StatusEvent } from '#core/asset';
import { type Db, inOrder } from '../../platform/db.ts';
import { countAll } from '../../platform/list.ts';
import { agreementAssets, agreements } from '../agreement/agreement.table.ts';
import { inventions } from '../invention/invention.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { assetOrder, filterConditions, matchesSearch } from './asset.search.ts';
import { applicationEvents, applications, assets, ownershipShares, priorityClaims, publications } from './asset.table.ts';

export type AssetRow = typeof assets.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

export interface OwnerRecord {
  organisationId: string;
  organisationName: string;
  share: number;
}

export interface ApplicationRecord extends ApplicationRow {
  priorities: PriorityClaim[];
  publications: PublicationInput[];
  statusHistory: (StatusEvent & { seq: number })[];
}

/** An asset with everything presented with it: its school's name, its co-owners and its applications. */
export interface AssetRecord {
  asset: AssetRow;
  schoolName: string;
  owners: OwnerRecord[];
  applications: ApplicationRecord[];
}

export function createAssetRepository(db: Db) {
  /** Loads the owners and applications of these assets in a fixed number of queries, whatever their number. */
  async function withDetails(rows: { asset: AssetRow; schoolName: string }[], tx: Db): Promise<AssetRecord[]> {
    const assetIds = rows.map((row) => row.asset.id);
    if (assetIds.length === 0) return [];
    const [ownerRows, applicationRows] = await inOrder([
      tx
        .select({
          assetId: ownershipShares.assetId,
          organisationId: ownershipShares.organisationId,
          organisationName: organisations.name,
          share: ownershipShares.share,
        })
        .from(ownershipShares)
        .innerJoin(organisations, eq(organisations.id, ownershipShares.organisationId))
        .where(inArray(ownershipShares.assetId, assetIds))
        .orderBy(desc(ownershipShares.share), asc(organisations.name)),
      tx
        .select()
        .from(applications)
        .where(inArray(applications.assetId, assetIds))
        .orderBy(asc(applications.filingDate), asc(applications.office), asc(applications.applicationNumber)),
    ]);
    const applicationIds = applicationRows.map((row) => row.id);
    const [priorityRows, publicationRows, eventRows] =
      applicationIds.length === 0
        ? [[], [], []]
        : await inOrder([
            tx.select().from(priorityClaims).where(inArray(priorityClaims.applicationId, applicationIds)).orderBy(asc(priorityClaims.rank)),
            tx
              .select()
              .from(publications)
              .where(inArray(publications.applicationId, applicationIds))
              .orderBy(asc(publications.date), asc(publications.number), asc(publications.kind)),
            tx
              .select()
              .from(applicationEvents)
              .where(inArray(applicationEvents.applicationId, applicationIds))
              .orderBy(asc(applicationEvents.seq)),
          ]);
    const prioritiesOf = groupBy(priorityRows, (claim) => claim.applicationId);
    const publicationsOf = groupBy(publicationRows, (publication) => publication.applicationId);
    const eventsOf = groupBy(eventRows, (event) => event.applicationId);
    const applicationsOf = groupBy(
      applicationRows.map(
        (row): ApplicationRecord => ({
          ...row,
          priorities: (prioritiesOf.get(row.id) ?? []).map((claim) => ({ country: claim.country, number: claim.number, date: claim.date })),
          publications: (publicationsOf.get(row.id) ?? []).map((publication) => ({
            number: publication.number,
            kind: publication.kind,
            date: publication.date,
          })),
          statusHistory: (eventsOf.get(row.id) ?? []).map((event) => ({
            seq: event.seq,
            status: ApplicationStatus.parse(event.status),
            date: event.date,
            note: event.note,
          })),
        }),
      ),
      (application) => application.assetId,
    );
    const ownersOf = groupBy(ownerRows, (owner) => owner.assetId);
    return rows.map((row) => ({
      ...row,
      owners: (ownersOf.get(row.asset.id) ?? []).map((owner) => ({
        organisationId: owner.organisationId,
        organisationName: owner.organisationName,
        share: owner.share,
      })),
      applications: applicationsOf.get(row.asset.id) ?? [],
    }));
  }

  const selectWithSchool = (tx: Db) =>
    tx.select({ asset: assets, schoolName: organisations.name }).from(assets).innerJoin(organisations, eq(organisations.id, assets.schoolId));

  return {
    /** A page of the assets matching `filter` and `query` within `scope` (see visibleAssets). */
    async list(scope: SQL | undefined, filter: AssetFilter, query: ListQuery) {
      const where = and(scope, ...filterConditions(filter), query.q ? matchesSearch(query.q) : undefined);
      const [rows, [counted]] = await Promise.all([
        selectWithSchool(db)
          .where(where)
          .orderBy(...assetOrder(query))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ total: countAll }).from(assets).where(where),
      ]);
      return { records: await withDetails(rows, db), total: counted?.total ?? 0 };
    },

    async findById(id: string, scope: SQL | undefined, tx: Db = db): Promise<AssetRecord | null> {
      const [row] = await selectWithSchool(tx).where(and(eq(assets.id, id), scope));
      if (!row) return null;
      const [record] = await withDetails([row], tx);
      return record ?? null;
    },

    /** The applications among `numbers` that belong to another asset than `assetId`. */
    async findApplicationsElsewhere(
      numbers: { office: string; applicationNumber: string }[],
      assetId: string | null,
      tx: Db = db,
    ): Promise<{ office: string; applicationNumber: string }[]> {
      if (numbers.length === 0) return [];
      const sameNumber = or(
        ...numbers.map((n) => and(eq(applications.office, n.office), eq(applications.applicationNumber, n.applicationNumber))),
      );
      return tx
        .select({ office: applications.office, applicationNumber: applications.applicationNumber })
        .from(applications)
        .where(and(sameNumber, assetId === null ? undefined : ne(applications.assetId, assetId)));
    },

    async countAgreementsCovering(assetId: string, tx: Db = db): Promise<number> {
      const [counted] = await tx.select({ total: count() }).from(agreementAssets).where(eq(agreementAssets.assetId, assetId));
      return counted?.total ?? 0;
    },

    async inventionExists(id: string, tx: Db = db): Promise<boolean> {
      const [row] = await tx.select({ id: inventions.id }).from(inventions).where(eq(inventions.id, id));
      return row !== undefined;
    },

    async agreementExists(id: string, tx: Db = db): Promise<boolean> {
      const [row] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id));
      return row !== undefined;
    },

    async insert(row: AssetRow, tx: Db = db): Promise<void> {
      await tx.insert(assets).values(row);
    },

    async update(id: string, values: Partial<AssetRow>, tx: Db = db): Promise<void> {
      await tx.update(assets).set(values).where(eq(assets.id, id));
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(assets).where(eq(assets.id, id));
    },

    async replaceOwners(assetId: string, owners: { organisationId: string; share: number }[], tx: Db = db): Promise<void> {
      await tx.delete(ownershipShares).where(eq(ownershipShares.assetId, assetId));
      if (owners.length === 0) return;
      await tx.insert(ownershipShares).values(owners.map((owner) => ({ assetId, ...owner })));
    },

    async insertApplication(row: ApplicationRow, tx: Db = db): Promise<void> {
      await tx.insert(applications).values(row);
    },

    async updateApplication(id: string, values: Partial<ApplicationRow>, tx: Db = db): Promise<void> {
      await tx.update(applications).set(values).where(eq(applications.id, id));
    },

    async deleteApplications(ids: string[], tx: Db = db): Promise<void> {
      if (ids.length === 0) return;
      await tx.delete(applications).where(inArray(applications.id, ids));
    },

    /** Replaces an application's priority claims and publications with these. */
    async replaceClaimsAndPublications(
      applicationId: string,
      values: { priorities: PriorityClaim[]; publications: PublicationInput[] },
      tx: Db = db,
    ): Promise<void> {
      await tx.delete(priorityClaims).where(eq(priorityClaims.applicationId, applicationId));
      await tx.delete(publications).where(eq(publications.applicationId, applicationId));
      if (values.priorities.length > 0) {
        await tx.insert(priorityClaims).values(values.priorities.map((claim, index) => ({ applicationId, rank: index + 1, ...claim })));
      }
      if (values.publications.length > 0) {
        await tx.insert(publications).values(values.publications.map((publication) => ({ applicationId, ...publication })));
      }
    },

    async appendEvents(applicationId: string, events: (StatusEvent & { seq: number })[], tx: Db = db): Promise<void> {
      if (events.length === 0) return;
      await tx.insert(applicationEvents).values(events.map((event) => ({ applicationId, ...event })));
    },
  };
}
export type AssetRepository = ReturnType<typeof createAssetRepository>;

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
