import { type SQL, and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { AgreementFilter } from '#core/agreement';
import type { ListQuery } from '#core/common';
import type { Db } from '../../platform/db.ts';
import { countAll, orderBy } from '../../platform/list.ts';
import { assets } from '../asset/asset.table.ts';
import { inventions, inventors } from '../invention/invention.table.ts';
import { escapeLike } from '../organisation/organisation.repository.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { agreementAssets, agreementParties, agreements } from './agreement.table.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type PartyRow = typeof agreementParties.$inferSelect;

/** The parties of one agreement, with the names the presenter shows. */
export interface PartyWithName extends PartyRow {
  organisationName: string;
}

/**
 * Which agreements a reader may open, decided by the service from the actor and turned into SQL here:
 * every one, one school's, those an organisation is party to, or those linked to a person's inventions.
 */
export type AgreementScope =
  | { kind: 'all' }
  | { kind: 'school'; schoolId: string }
  | { kind: 'party'; organisationId: string }
  | { kind: 'inventor'; personId: string }
  | { kind: 'none' };

const sortable = {
  title: agreements.title,
  reference: agreements.reference,
  type: agreements.type,
  status: agreements.status,
  signedOn: agreements.signedOn,
  startsOn: agreements.startsOn,
  endsOn: agreements.endsOn,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

export function createAgreementRepository(db: Db) {
  return {
    async list(scope: AgreementScope, filter: AgreementFilter, query: ListQuery) {
      const pattern = query.q ? `%${escapeLike(query.q)}%` : undefined;
      const where = and(
        visibleIn(scope),
        filter.type ? eq(agreements.type, filter.type) : undefined,
        filter.status ? eq(agreements.status, filter.status) : undefined,
        filter.schoolId ? eq(agreements.schoolId, filter.schoolId) : undefined,
        filter.partyId ? hasParty(filter.partyId) : undefined,
        filter.assetId ? hasAsset(filter.assetId) : undefined,
        pattern ? or(ilike(agreements.title, pattern), ilike(agreements.reference, pattern)) : undefined,
      );
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(agreements)
          .where(where)
          .orderBy(...orderBy(query, sortable, '-updatedAt', agreements.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ total: countAll }).from(agreements).where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    /** The agreement, or null when it does not exist or lies outside the scope. */
    async findById(scope: AgreementScope, id: string, tx: Db = db): Promise<AgreementRow | null> {
      const [row] = await tx
        .select()
        .from(agreements)
        .where(and(eq(agreements.id, id), visibleIn(scope)));
      return row ?? null;
    },

    async findByReference(reference: string, tx: Db = db): Promise<AgreementRow | null> {
      const [row] = await tx.select().from(agreements).where(eq(agreements.reference, reference));
      return row ?? null;
    },

    /** The highest sequence number used in references `<prefix><digits>`, 0 when there is none. */
    async lastReferenceSequence(prefix: string, tx: Db = db): Promise<number> {
      const pattern = `^${prefix}[0-9]+$`;
      const [row] = await tx
        .select({ last: sql<number>`coalesce(max(substring(${agreements.reference} from ${prefix.length + 1}::int)::int), 0)::int` })
        .from(agreements)
        .where(sql`${agreements.reference} ~ ${pattern}`);
      return row?.last ?? 0;
    },

    /**
     * Serialises reference numbering until the transaction ends, so two agreements created at once do
     * not both take the next number.
     */
    async lockReferenceSequence(tx: Db): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('agreements.reference'))`);
    },

    async partiesOf(agreementIds: string[], tx: Db = db): Promise<PartyWithName[]> {
      if (agreementIds.length === 0) return [];
      return tx
        .select({
          agreementId: agreementParties.agreementId,
          organisationId: agreementParties.organisationId,
          role: agreementParties.role,
          organisationName: organisations.name,
        })
        .from(agreementParties)
        .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
        .where(inArray(agreementParties.agreementId, agreementIds))
        .orderBy(asc(organisations.name), asc(organisations.id));
    },

    async assetLinksOf(agreementIds: string[], tx: Db = db): Promise<{ agreementId: string; assetId: string }[]> {
      if (agreementIds.length === 0) return [];
      return tx
        .select({ agreementId: agreementAssets.agreementId, assetId: agreementAssets.assetId })
        .from(agreementAssets)
        .where(inArray(agreementAssets.agreementId, agreementIds))
        .orderBy(asc(agreementAssets.assetId));
    },

    /** Of the given asset ids, those that exist. */
    async existingAssetIds(assetIds: string[], tx: Db = db): Promise<Set<string>> {
      if (assetIds.length === 0) return new Set();
      const rows = await tx.select({ id: assets.id }).from(assets).where(inArray(assets.id, assetIds));
      return new Set(rows.map((row) => row.id));
    },

    /** Agreements within the scope that any of the organisations is party to. */
    async partyLinks(
      scope: AgreementScope,
      organisationIds: string[],
      tx: Db = db,
    ): Promise<{ organisationId: string; agreementId: string }[]> {
      if (organisationIds.length === 0) return [];
      return tx
        .select({ organisationId: agreementParties.organisationId, agreementId: agreementParties.agreementId })
        .from(agreementParties)
        .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
        .where(and(inArray(agreementParties.organisationId, organisationIds), visibleIn(scope)))
        .orderBy(asc(agreements.signedOn), asc(agreements.id));
    },

    /** What still points at the agreement and so forbids deleting it: an invention, an asset. */
    async findReferrers(id: string, tx: Db = db): Promise<{ inventionIds: string[]; assetIds: string[] }> {
      const inventionRows = await tx.select({ id: inventions.id }).from(inventions).where(eq(inventions.partnershipAgreementId, id));
      const assetRows = await tx.select({ id: assets.id }).from(assets).where(eq(assets.ownershipAgreementId, id));
      return { inventionIds: inventionRows.map((row) => row.id), assetIds: assetRows.map((row) => row.id) };
    },

    async insert(row: AgreementRow, tx: Db = db): Promise<void> {
      await tx.insert(agreements).values(row);
    },

    async update(id: string, values: Partial<AgreementRow>, tx: Db = db): Promise<void> {
      await tx.update(agreements).set(values).where(eq(agreements.id, id));
    },

    /** Replaces the parties and the linked assets wholesale. */
    async replaceLinks(
      agreementId: string,
      links: { parties: Omit<PartyRow, 'agreementId'>[]; assetIds: string[] },
      tx: Db,
    ): Promise<void> {
      await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
      await tx.delete(agreementAssets).where(eq(agreementAssets.agreementId, agreementId));
      if (links.parties.length > 0) {
        await tx.insert(agreementParties).values(links.parties.map((party) => ({ agreementId, ...party })));
      }
      if (links.assetIds.length > 0) {
        await tx.insert(agreementAssets).values(links.assetIds.map((assetId) => ({ agreementId, assetId })));
      }
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(agreements).where(eq(agreements.id, id));
    },
  };
}
export type AgreementRepository = ReturnType<typeof createAgreementRepository>;

function visibleIn(scope: AgreementScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'school':
      return eq(agreements.schoolId, scope.schoolId);
    case 'party':
      return hasParty(scope.organisationId);
    case 'inventor':
      return or(linkedToAssetsOfInventor(scope.personId), partnershipOfInventor(scope.personId));
    case 'none':
      return sql`false`;
  }
}

function hasParty(organisationId: string): SQL {
  return sql`exists (select 1 from ${agreementParties} where ${agreementParties.agreementId} = ${agreements.id} and ${agreementParties.organisationId} = ${organisationId})`;
}

function hasAsset(assetId: string): SQL {
  return sql`exists (select 1 from ${agreementAssets} where ${agreementAssets.agreementId} = ${agreements.id} and ${agreementAssets.assetId} = ${assetId})`;
}

/** The agreement covers an asset that came out of an invention the person is an inventor on. */
function linkedToAssetsOfInventor(personId: string): SQL {
  return sql`exists (select 1 from ${agreementAssets}
      join ${assets} on ${assets.id} = ${agreementAssets.assetId}
      join ${inventors} on ${inventors.inventionId} = ${assets.inventionId}
      where ${agreementAssets.agreementId} = ${agreements.id} and ${inventors.personId} = ${personId})`;
}

/** The agreement is the partnership under which one of the person's inventions was made. */
function partnershipOfInventor(personId: string): SQL {
  return sql`exists (select 1 from ${inventions}
      join ${inventors} on ${inventors.inventionId} = ${inventions.id}
      where ${inventions.partnershipAgreementId} = ${agreements.id} and ${inventors.personId} = ${personId})`;
}
