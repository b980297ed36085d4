import { randomUUID } from 'node:crypto';
import type { Agreement, AgreementFilter, AgreementInput } from '#core/agreement';
import type { ListQuery, Page } from '#core/common';
import { type Actor, requireManageSchool, requireStaff } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import type { AgreementRepository, AgreementRow, AgreementScope, PartyWithName } from './agreement.repository.ts';

/**
 * The agreements an actor may open. Admins, readers and the central TTO see all; a school's officer
 * that school's; a partner those its company is party to; a researcher those linked to their inventions.
 */
export function agreementScopeOf(actor: Actor): AgreementScope {
  switch (actor.role) {
    case 'admin':
    case 'reader':
      return { kind: 'all' };
    case 'officer':
      return actor.schoolId === null ? { kind: 'all' } : { kind: 'school', schoolId: actor.schoolId };
    case 'partner':
      return actor.organisationId === null ? { kind: 'none' } : { kind: 'party', organisationId: actor.organisationId };
    case 'researcher':
      return actor.personId === null ? { kind: 'none' } : { kind: 'inventor', personId: actor.personId };
  }
}

/**
 * Agreements: partnership research, licences and options, assignments, co-ownership, NDAs, MTAs and
 * patent use by startups, with their parties and the assets they cover. Officers and admins write them.
 */
export function createAgreementService(deps: {
  db: Db;
  agreements: AgreementRepository;
  organisations: OrganisationRepository;
  clock: Clock;
}) {
  const { db, agreements, organisations, clock } = deps;

  /** The checks that need the database; the pure ones ran in the core schema. */
  async function checkLinks(input: AgreementInput, tx: Db): Promise<void> {
    if (input.schoolId !== null) {
      const school = await organisations.findById(input.schoolId, tx);
      if (school?.kind !== 'school') throw DomainError.invalid('schoolId', `refers to ${input.schoolId}, which is not a school`);
    }
    for (const [index, party] of input.parties.entries()) {
      if (!(await organisations.findById(party.organisationId, tx))) {
        throw DomainError.invalid(
          `parties.${index}.organisationId`,
          `refers to organisation ${party.organisationId}, which does not exist`,
        );
      }
    }
    const existingAssets = await agreements.existingAssetIds(input.assetIds, tx);
    const missing = input.assetIds.findIndex((assetId) => !existingAssets.has(assetId));
    if (missing >= 0) throw DomainError.invalid(`assetIds.${missing}`, `refers to asset ${input.assetIds[missing]}, which does not exist`);
  }

  async function checkReferenceFree(reference: string, selfId: string | null, tx: Db): Promise<void> {
    const holder = await agreements.findByReference(reference, tx);
    if (holder && holder.id !== selfId) throw DomainError.conflict('reference', `${reference} is already used by another agreement`);
  }

  /** `AGR-<year>-<sequence>`: the office's numbering, restarted each calendar year. */
  async function nextReference(tx: Db): Promise<string> {
    await agreements.lockReferenceSequence(tx);
    const prefix = `AGR-${clock.now().getUTCFullYear()}-`;
    const last = await agreements.lastReferenceSequence(prefix, tx);
    return `${prefix}${String(last + 1).padStart(4, '0')}`;
  }

  async function presentAll(rows: AgreementRow[]): Promise<Agreement[]> {
    const ids = rows.map((row) => row.id);
    const parties = await agreements.partiesOf(ids);
    const assetLinks = await agreements.assetLinksOf(ids);
    return rows.map((row) =>
      presentAgreement(
        row,
        parties.filter((party) => party.agreementId === row.id),
        assetLinks.filter((link) => link.agreementId === row.id).map((link) => link.assetId),
      ),
    );
  }

  async function presentOne(row: AgreementRow, tx: Db = db): Promise<Agreement> {
    const parties = await agreements.partiesOf([row.id], tx);
    const assetLinks = await agreements.assetLinksOf([row.id], tx);
    return presentAgreement(row, parties, assetLinks.map((link) => link.assetId));
  }

  async function loadVisible(actor: Actor, id: string, tx: Db = db): Promise<AgreementRow> {
    const row = await agreements.findById(agreementScopeOf(actor), id, tx);
    if (!row) throw DomainError.notFound('agreement', id);
    return row;
  }

  async function saveLinks(id: string, input: AgreementInput, tx: Db): Promise<void> {
    await agreements.replaceLinks(
      id,
      { parties: input.parties.map(({ organisationId, role }) => ({ organisationId, role })), assetIds: input.assetIds },
      tx,
    );
  }

  return {
    async list(actor: Actor, filter: AgreementFilter, query: ListQuery): Promise<Page<Agreement>> {
      const scope = agreementScopeOf(actor);
      const { rows, total } = await agreements.list(scope, filter, query);
      return toPage(await presentAll(rows), total, query);
    },

    async get(actor: Actor, id: string): Promise<Agreement> {
      return presentOne(await loadVisible(actor, id));
    },

    async create(actor: Actor, input: AgreementInput): Promise<Agreement> {
      requireManageSchool(actor, input.schoolId);
      return db.transaction(async (tx) => {
        await checkLinks(input, tx);
        if (input.reference !== null) await checkReferenceFree(input.reference, null, tx);
        const now = clock.now().toISOString();
        const { parties: _parties, assetIds: _assetIds, ...fields } = input;
        const id = randomUUID();
        const reference = input.reference ?? (await nextReference(tx));
        await agreements.insert({ id, ...fields, reference, createdAt: now, updatedAt: now }, tx);
        await saveLinks(id, input, tx);
        return presentOne(await loadVisible(actor, id, tx), tx);
      });
    },

    /** Replaces the agreement, its parties and its assets. A reference once given is kept when none is sent. */
    async update(actor: Actor, id: string, input: AgreementInput): Promise<Agreement> {
      requireStaff(actor);
      return db.transaction(async (tx) => {
        const existing = await loadVisible(actor, id, tx);
        // A school's officer keeps the agreement in their school.
        requireManageSchool(actor, input.schoolId);
        await checkLinks(input, tx);
        const reference = input.reference ?? existing.reference;
        if (reference !== null) await checkReferenceFree(reference, id, tx);
        const { parties: _parties, assetIds: _assetIds, ...fields } = input;
        await agreements.update(id, { ...fields, reference, updatedAt: clock.now().toISOString() }, tx);
        await saveLinks(id, input, tx);
        return presentOne(await loadVisible(actor, id, tx), tx);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireStaff(actor);
      await db.transaction(async (tx) => {
        const existing = await loadVisible(actor, id, tx);
        requireManageSchool(actor, existing.schoolId);
        const { inventionIds, assetIds } = await agreements.findReferrers(id, tx);
        if (inventionIds.length > 0) {
          throw DomainError.conflict('id', `is the partnership agreement of invention ${inventionIds.join(', ')}`);
        }
        if (assetIds.length > 0) {
          throw DomainError.conflict('id', `sets the ownership of asset ${assetIds.join(', ')}`);
        }
        await agreements.delete(id, tx);
      });
    },
  };
}
export type AgreementService = ReturnType<typeof createAgreementService>;

export function presentAgreement(row: AgreementRow, parties: PartyWithName[], assetIds: string[]): Agreement {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    title: row.title,
    status: row.status,
    schoolId: row.schoolId,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    exclusive: row.exclusive,
    field: row.field,
    territory: row.territory,
    amountEur: row.amountEur,
    parties: parties.map((party) => ({
      organisationId: party.organisationId,
      organisationName: party.organisationName,
      role: party.role,
    })),
    assetIds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
