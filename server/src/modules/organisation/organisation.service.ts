import { randomUUID } from 'node:crypto';
import type { ListQuery, Page } from '#core/common';
import type { Organisation, OrganisationInput } from '#core/organisation';
import type { z } from 'zod';
import type { OrganisationFilter } from '#core/organisation';
import { type Actor, requireStaff } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { OrganisationRepository, OrganisationRow } from './organisation.repository.ts';

/**
 * Organisations are the directory everyone works from (schools, units, partners): every signed-in user
 * reads it; officers and admins keep it.
 */
export function createOrganisationService(deps: { db: Db; organisations: OrganisationRepository; clock: Clock }) {
  const { db, organisations, clock } = deps;

  async function checkLinks(input: OrganisationInput, selfId: string | null, tx: Db): Promise<void> {
    for (const field of ['parentId', 'mandataireId'] as const) {
      const linkedId = input[field];
      if (linkedId === null) continue;
      if (linkedId === selfId) throw DomainError.invalid(field, 'cannot point to the organisation itself');
      const linked = await organisations.findById(linkedId, tx);
      if (!linked) throw DomainError.invalid(field, `refers to organisation ${linkedId}, which does not exist`);
    }
    if (input.parentId !== null && selfId !== null && (await isDescendant(input.parentId, selfId, tx))) {
      throw DomainError.invalid('parentId', 'would make the organisation its own ancestor');
    }
  }

  async function isDescendant(candidateId: string, ancestorId: string, tx: Db): Promise<boolean> {
    let current: string | null = candidateId;
    for (let depth = 0; current !== null && depth < 50; depth++) {
      if (current === ancestorId) return true;
      const row: OrganisationRow | null = await organisations.findById(current, tx);
      current = row?.parentId ?? null;
    }
    return false;
  }

  return {
    async list(actor: Actor, filter: z.infer<typeof OrganisationFilter>, query: ListQuery): Promise<Page<Organisation>> {
      void actor; // every signed-in role reads the directory
      const { rows, total } = await organisations.list(filter, query);
      return toPage(rows.map(presentOrganisation), total, query);
    },

    async get(actor: Actor, id: string): Promise<Organisation> {
      void actor;
      const row = await organisations.findById(id);
      if (!row) throw DomainError.notFound('organisation', id);
      return presentOrganisation(row);
    },

    async create(actor: Actor, input: OrganisationInput): Promise<Organisation> {
      requireStaff(actor);
      const now = clock.now().toISOString();
      const row: OrganisationRow = { id: randomUUID(), ...input, createdAt: now, updatedAt: now };
      await db.transaction(async (tx) => {
        await checkLinks(input, null, tx);
        await organisations.insert(row, tx);
      });
      return presentOrganisation(row);
    },

    async update(actor: Actor, id: string, input: OrganisationInput): Promise<Organisation> {
      requireStaff(actor);
      return db.transaction(async (tx) => {
        const existing = await organisations.findById(id, tx);
        if (!existing) throw DomainError.notFound('organisation', id);
        await checkLinks(input, id, tx);
        const row: OrganisationRow = { ...existing, ...input, updatedAt: clock.now().toISOString() };
        await organisations.update(id, row, tx);
        return presentOrganisation(row);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireStaff(actor);
      await db.transaction(async (tx) => {
        const existing = await organisations.findById(id, tx);
        if (!existing) throw DomainError.notFound('organisation', id);
        await organisations.delete(id, tx);
      });
    },
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    parentId: row.parentId,
    companyCategory: row.companyCategory,
    mandataireId: row.mandataireId,
    siren: row.siren,
    rnsr: row.rnsr,
    ror: row.ror,
    country: row.country,
    city: row.city,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
