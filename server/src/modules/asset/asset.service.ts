import { randomUUID } from 'node:crypto';
import type { ApplicationInput, Asset, AssetFilter, AssetInput, AssetKind, StatusEvent } from '#core/asset';
import type { ListQuery, Page } from '#core/common';
import { type Actor, canManageSchool, requireManageSchool, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import { visibleAssets } from './asset.access.ts';
import { presentAsset } from './asset.presenter.ts';
import type { ApplicationRecord, AssetRecord, AssetRepository, AssetRow } from './asset.repository.ts';

/** Narrows a call to one kind of asset: `/api/families` passes `{ kind: 'patent_family' }`. */
export interface KindScope {
  kind?: AssetKind;
}

/**
 * IP assets: patent families with their applications at each office, software deposits and know-how,
 * with their co-owners' shares. Everyone reads what `visibleAssets` lets them see; admins and officers
 * write (a school's officer, its own school's assets only).
 */
export function createAssetService(deps: {
  db: Db;
  assets: AssetRepository;
  organisations: OrganisationRepository;
  clock: Clock;
  /** Docketing: recomputes the family's deadline tasks, inside the transaction that saved it. */
  onFamilySaved?: (assetId: string, tx: Db) => Promise<unknown>;
}) {
  const { db, assets, organisations, clock, onFamilySaved } = deps;

  /** The asset if the actor may open it (and it is of the kind asked for); 404 otherwise, so ids reveal nothing. */
  async function getVisible(actor: Actor, id: string, only: KindScope, tx: Db): Promise<AssetRecord> {
    const record = await assets.findById(id, visibleAssets(actor), tx);
    if (!record || (only.kind !== undefined && record.asset.kind !== only.kind)) {
      throw DomainError.notFound(only.kind === 'patent_family' ? 'patent family' : 'asset', id);
    }
    return record;
  }

  async function checkLinks(input: AssetInput, tx: Db): Promise<void> {
    const school = await organisations.findById(input.schoolId, tx);
    if (!school) throw DomainError.invalid('schoolId', `refers to organisation ${input.schoolId}, which does not exist`);
    if (school.kind !== 'school') throw DomainError.invalid('schoolId', `refers to ${school.name}, which is not a school`);
    for (const [index, owner] of input.owners.entries()) {
      if (!(await organisations.findById(owner.organisationId, tx))) {
        throw DomainError.invalid(`owners.${index}.organisationId`, `refers to organisation ${owner.organisationId}, which does not exist`);
      }
    }
    if (input.inventionId !== null && !(await assets.inventionExists(input.inventionId, tx))) {
      throw DomainError.invalid('inventionId', `refers to invention ${input.inventionId}, which does not exist`);
    }
    if (input.ownershipAgreementId !== null && !(await assets.agreementExists(input.ownershipAgreementId, tx))) {
      throw DomainError.invalid('ownershipAgreementId', `refers to agreement ${input.ownershipAgreementId}, which does not exist`);
    }
  }

  /**
   * An application number belongs to one family only (unique per office). Checked first for a message that
   * names the application; the unique constraint stays the guard against a concurrent write.
   */
  async function checkNumbersFree(applications: ApplicationInput[], assetId: string | null, tx: Db): Promise<void> {
    const taken = await assets.findApplicationsElsewhere(applications, assetId, tx);
    const index = applications.findIndex((application) => taken.some((other) => sameApplication(other, application)));
    const application = applications[index];
    if (application) {
      throw DomainError.conflict(
        `applications.${index}.applicationNumber`,
        `${application.applicationNumber} at office ${application.office} is already an application of another family`,
      );
    }
  }

  /**
   * Replaces the applications wholesale while keeping the identity and history of those that remain
   * (same office and number): they are updated in place, and a change of status is added to their history.
   */
  async function saveApplications(assetId: string, incoming: ApplicationInput[], existing: ApplicationRecord[], tx: Db) {
    const today = clock.now().toISOString().slice(0, 10);
    const removed = existing.filter((previous) => !incoming.some((application) => sameApplication(previous, application)));
    await assets.deleteApplications(removed.map((previous) => previous.id), tx);
    for (const application of incoming) {
      const { priorities, publications, ...fields } = application;
      const previous = existing.find((candidate) => sameApplication(candidate, application));
      if (previous) {
        await assets.updateApplication(previous.id, fields, tx);
        await assets.replaceClaimsAndPublications(previous.id, { priorities, publications }, tx);
        if (previous.status !== application.status) {
          const seq = Math.max(0, ...previous.statusHistory.map((event) => event.seq)) + 1;
          await assets.appendEvents(previous.id, [{ seq, status: application.status, date: today, note: null }], tx);
        }
      } else {
        const id = randomUUID();
        await assets.insertApplication({ id, assetId, ...fields }, tx);
        await assets.replaceClaimsAndPublications(id, { priorities, publications }, tx);
        await assets.appendEvents(id, initialHistory(application, today), tx);
      }
    }
  }

  async function reload(id: string, tx: Db): Promise<Asset> {
    const record = await assets.findById(id, undefined, tx);
    if (!record) throw DomainError.notFound('asset', id);
    return presentAsset(record);
  }

  return {
    async list(actor: Actor, filter: AssetFilter, query: ListQuery): Promise<Page<Asset>> {
      const { records, total } = await assets.list(visibleAssets(actor), filter, query);
      return toPage(records.map(presentAsset), total, query);
    },

    async get(actor: Actor, id: string, only: KindScope = {}): Promise<Asset> {
      return presentAsset(await getVisible(actor, id, only, db));
    },

    async create(actor: Actor, input: AssetInput, only: KindScope = {}): Promise<Asset> {
      requireManageSchool(actor, input.schoolId);
      checkKind(input, only);
      const now = clock.now().toISOString();
      const id = randomUUID();
      return db.transaction(async (tx) => {
        await checkLinks(input, tx);
        await checkNumbersFree(input.applications, null, tx);
        await assets.insert({ id, ...assetColumns(input), createdAt: now, updatedAt: now }, tx);
        await assets.replaceOwners(id, input.owners, tx);
        await saveApplications(id, input.applications, [], tx);
        // Docketing: the new family's deadline tasks are written in this same transaction.
        await onFamilySaved?.(id, tx);
        return reload(id, tx);
      });
    },

    async update(actor: Actor, id: string, input: AssetInput, only: KindScope = {}): Promise<Asset> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const existing = await getVisible(actor, id, only, tx);
        requireManageSchool(actor, existing.asset.schoolId);
        if (!canManageSchool(actor, input.schoolId)) throw DomainError.forbidden('you may not move an asset to another school');
        checkKind(input, only);
        await checkLinks(input, tx);
        await checkNumbersFree(input.applications, id, tx);
        await assets.update(id, { ...assetColumns(input), updatedAt: clock.now().toISOString() }, tx);
        await assets.replaceOwners(id, input.owners, tx);
        await saveApplications(id, input.applications, existing.applications, tx);
        // Docketing: tasks follow the changed dates in this same transaction, so a failed update leaves them as they were.
        await onFamilySaved?.(id, tx);
        return reload(id, tx);
      });
    },

    async remove(actor: Actor, id: string, only: KindScope = {}): Promise<void> {
      requireRole(actor, 'admin', 'officer');
      await db.transaction(async (tx) => {
        const existing = await getVisible(actor, id, only, tx);
        requireManageSchool(actor, existing.asset.schoolId);
        const covering = await assets.countAgreementsCovering(id, tx);
        if (covering > 0) {
          throw DomainError.conflict('id', `is covered by ${covering} agreement(s); take the asset out of them first`);
        }
        await assets.delete(id, tx);
      });
    },
  };
}
export type AssetService = ReturnType<typeof createAssetService>;

function checkKind(input: AssetInput, only: KindScope): void {
  if (only.kind !== undefined && input.kind !== only.kind) throw DomainError.invalid('kind', `must be ${only.kind}`);
}

function sameApplication(a: { office: string; applicationNumber: string }, b: { office: string; applicationNumber: string }): boolean {
  return a.office === b.office && a.applicationNumber === b.applicationNumber;
}

/** Every application starts its history filed on its filing date; a later status entered with it is dated today. */
function initialHistory(application: ApplicationInput, today: string): (StatusEvent & { seq: number })[] {
  const filed = { seq: 1, status: 'filed' as const, date: application.filingDate, note: null };
  if (application.status === 'filed') return [filed];
  return [filed, { seq: 2, status: application.status, date: today, note: null }];
}

function assetColumns(input: AssetInput): Omit<AssetRow, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    kind: input.kind,
    reference: input.reference,
    title: input.title,
    status: input.status,
    schoolId: input.schoolId,
    inventionId: input.inventionId,
    familyId: input.familyId,
    depositReference: input.depositReference,
    depositDate: input.depositDate,
    ownershipAgreementId: input.ownershipAgreementId,
  };
}
