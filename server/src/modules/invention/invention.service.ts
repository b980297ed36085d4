import { randomUUID } from 'node:crypto';
import type { ListQuery, Page } from '#core/common';
import type { Invention, InventionFilter, InventionInput } from '#core/invention';
import type { OrganisationKind } from '#core/organisation';
import { type Actor, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import type { PersonRepository } from '../person/person.repository.ts';
import { checkStillWritable, checkWritableInput, isInScope, readScope, requireInventionWriter } from './invention.access.ts';
import type { InventionDetail, InventionRepository, InventionRow } from './invention.repository.ts';

interface Deps {
  db: Db;
  inventions: InventionRepository;
  organisations: OrganisationRepository;
  people: PersonRepository;
  clock: Clock;
}

/** Disclosures and the inventions they become; who sees and writes what is in invention.access.ts. */
export function createInventionService(deps: Deps) {
  const { db, inventions, organisations, people, clock } = deps;

  async function checkOrganisation(field: keyof InventionInput, id: string | null, kind: OrganisationKind, tx: Db) {
    if (id === null) return;
    const organisation = await organisations.findById(id, tx);
    if (!organisation) throw DomainError.invalid(field, `refers to organisation ${id}, which does not exist`);
    if (organisation.kind !== kind) throw DomainError.invalid(field, `must be a ${kind}, not a ${organisation.kind}`);
  }

  async function checkLinks(input: InventionInput, tx: Db): Promise<void> {
    await checkOrganisation('schoolId', input.schoolId, 'school', tx);
    await checkOrganisation('researchUnitId', input.researchUnitId, 'research_unit', tx);
    await checkOrganisation('carnotId', input.carnotId, 'carnot', tx);
    const agreementId = input.partnershipAgreementId;
    if (agreementId !== null && !(await inventions.agreementExists(agreementId, tx))) {
      throw DomainError.invalid('partnershipAgreementId', `refers to agreement ${agreementId}, which does not exist`);
    }
    const known = await people.existingIds(
      input.inventors.map((inventor) => inventor.personId),
      tx,
    );
    for (const [index, inventor] of input.inventors.entries()) {
      if (!known.has(inventor.personId)) {
        throw DomainError.invalid(`inventors.${index}.personId`, `refers to person ${inventor.personId}, who does not exist`);
      }
    }
  }

  /** The reference given, checked unique, or the next free one of the year: INV-2026-0007. */
  async function chooseReference(given: string | null, selfId: string | null, tx: Db): Promise<string> {
    if (given !== null) {
      const holder = await inventions.findByReference(given, tx);
      if (holder && holder.id !== selfId) throw DomainError.conflict('reference', `${given} is already the reference of another invention`);
      return given;
    }
    const prefix = `INV-${clock.now().getUTCFullYear()}-`;
    const last = await inventions.lastReferenceSequence(prefix, tx);
    return `${prefix}${String(last + 1).padStart(4, '0')}`;
  }

  async function save(row: InventionRow, input: InventionInput, isNew: boolean, tx: Db): Promise<Invention> {
    await checkLinks(input, tx);
    if (isNew) await inventions.insert(row, tx);
    else await inventions.update(row.id, row, tx);
    const inventorRows = input.inventors.map((inventor, rank) => ({ inventionId: row.id, ...inventor, rank }));
    await inventions.replaceInventors(row.id, inventorRows, tx);
    const saved = await inventions.findDetail(row.id, tx);
    if (!saved) throw DomainError.notFound('invention', row.id);
    return presentInvention(saved);
  }

  return {
    async list(actor: Actor, filter: InventionFilter, query: ListQuery): Promise<Page<Invention>> {
      const scope = readScope(actor);
      const { rows, total } = await inventions.list(scope, filter, query);
      return toPage(rows.map(presentInvention), total, query);
    },

    async get(actor: Actor, id: string): Promise<Invention> {
      const scope = readScope(actor);
      const detail = await inventions.findDetail(id);
      if (!detail || !isInScope(scope, detail)) throw DomainError.notFound('invention', id);
      return presentInvention(detail);
    },

    async create(actor: Actor, input: InventionInput): Promise<Invention> {
      requireInventionWriter(actor);
      checkWritableInput(actor, input);
      const now = clock.now().toISOString();
      return db.transaction(async (tx) => {
        const { inventors: _inventors, ...fields } = input;
        const reference = await chooseReference(input.reference, null, tx);
        const row: InventionRow = { id: randomUUID(), ...fields, reference, createdAt: now, updatedAt: now };
        return save(row, input, true, tx);
      });
    },

    async update(actor: Actor, id: string, input: InventionInput): Promise<Invention> {
      const scope = requireInventionWriter(actor);
      return db.transaction(async (tx) => {
        const existing = await inventions.findDetail(id, tx);
        if (!existing || !isInScope(scope, existing)) throw DomainError.notFound('invention', id);
        checkStillWritable(actor, existing, input);
        checkWritableInput(actor, input);
        const { inventors: _inventors, ...fields } = input;
        // A reference, once given, is how the office files the invention: leaving it out keeps it.
        const reference = await chooseReference(input.reference ?? existing.invention.reference, id, tx);
        const row: InventionRow = { ...existing.invention, ...fields, reference, updatedAt: clock.now().toISOString() };
        return save(row, input, false, tx);
      });
    },

    /** Refused (409) while an asset comes from the invention: the database restricts that link. */
    async remove(actor: Actor, id: string): Promise<void> {
      requireRole(actor, 'admin', 'officer');
      const scope = readScope(actor);
      await db.transaction(async (tx) => {
        const existing = await inventions.findDetail(id, tx);
        if (!existing || !isInScope(scope, existing)) throw DomainError.notFound('invention', id);
        await inventions.delete(id, tx);
      });
    },
  };
}
export type InventionService = ReturnType<typeof createInventionService>;

export function presentInvention(detail: InventionDetail): Invention {
  const { invention: row } = detail;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    summary: row.summary,
    status: row.status,
    schoolId: row.schoolId,
    schoolName: detail.schoolName,
    researchUnitId: row.researchUnitId,
    partnershipAgreementId: row.partnershipAgreementId,
    carnotId: row.carnotId,
    funding: row.funding,
    disclosedOn: row.disclosedOn,
    decidedOn: row.decidedOn,
    inventors: detail.inventors.map((inventor) => ({
      personId: inventor.personId,
      name: `${inventor.firstName} ${inventor.lastName}`,
      contribution: inventor.contribution,
    })),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
