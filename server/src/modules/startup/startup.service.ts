import { randomUUID } from 'node:crypto';
import type { ListQuery, Page } from '#core/common';
import type { Startup, StartupFilter, StartupInput } from '#core/startup';
import { type Actor, requireManageSchool, requireStaff } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { AgreementRepository } from '../agreement/agreement.repository.ts';
import { agreementScopeOf } from '../agreement/agreement.service.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import type { FounderWithName, StartupRepository, StartupScope, StartupWithName } from './startup.repository.ts';

/**
 * Startup information is not confidential: every role reads it, but a partner only the startup that is
 * its own company.
 */
export function startupScopeOf(actor: Actor): StartupScope {
  if (actor.role !== 'partner') return { kind: 'all' };
  return actor.organisationId === null ? { kind: 'none' } : { kind: 'organisation', organisationId: actor.organisationId };
}

/** Admins and the central TTO change every startup; a school's officer those of its school or of none. */
function requireManageStartup(actor: Actor, schoolId: string | null): void {
  if (schoolId === null) requireStaff(actor);
  else requireManageSchool(actor, schoolId);
}

/**
 * Startups and spin-offs: the company (an organisation of category startup), its founders, its
 * incubation, and, read from the agreements, the agreements it is party to.
 */
export function createStartupService(deps: {
  db: Db;
  startups: StartupRepository;
  organisations: OrganisationRepository;
  agreements: AgreementRepository;
  clock: Clock;
}) {
  const { db, startups, organisations, agreements, clock } = deps;

  async function checkLinks(input: StartupInput, selfId: string | null, tx: Db): Promise<void> {
    const company = await organisations.findById(input.organisationId, tx);
    if (company?.kind !== 'company' || company.companyCategory !== 'startup') {
      throw DomainError.invalid('organisationId', `refers to ${input.organisationId}, which is not a company of category startup`);
    }
    const holder = await startups.findByOrganisation(input.organisationId, tx);
    if (holder && holder.id !== selfId) throw DomainError.conflict('organisationId', 'already has a startup record');
    for (const [field, kind] of [['incubatorId', 'incubator'], ['schoolId', 'school']] as const) {
      const linkedId = input[field];
      if (linkedId === null) continue;
      const linked = await organisations.findById(linkedId, tx);
      if (linked?.kind !== kind) throw DomainError.invalid(field, `refers to ${linkedId}, which is not ${kind === 'incubator' ? 'an incubator' : 'a school'}`);
    }
    const existingPeople = await startups.existingPersonIds(
      input.founders.map((founder) => founder.personId),
      tx,
    );
    const missing = input.founders.findIndex((founder) => !existingPeople.has(founder.personId));
    if (missing >= 0) {
      throw DomainError.invalid(`founders.${missing}.personId`, `refers to person ${input.founders[missing]?.personId}, which does not exist`);
    }
  }

  /** Presents startups with their founders and the agreements of theirs that the actor may open. */
  async function presentAll(actor: Actor, rows: StartupWithName[]): Promise<Startup[]> {
    const startupFounders = await startups.foundersOf(rows.map((row) => row.id));
    const links = await agreements.partyLinks(agreementScopeOf(actor), rows.map((row) => row.organisationId));
    return rows.map((row) =>
      presentStartup(
        row,
        startupFounders.filter((founder) => founder.startupId === row.id),
        links.filter((link) => link.organisationId === row.organisationId).map((link) => link.agreementId),
      ),
    );
  }

  async function presentOne(actor: Actor, row: StartupWithName, tx: Db = db): Promise<Startup> {
    const startupFounders = await startups.foundersOf([row.id], tx);
    const links = await agreements.partyLinks(agreementScopeOf(actor), [row.organisationId], tx);
    return presentStartup(row, startupFounders, links.map((link) => link.agreementId));
  }

  async function loadVisible(actor: Actor, id: string, tx: Db = db): Promise<StartupWithName> {
    const row = await startups.findById(startupScopeOf(actor), id, tx);
    if (!row) throw DomainError.notFound('startup', id);
    return row;
  }

  return {
    async list(actor: Actor, filter: StartupFilter, query: ListQuery): Promise<Page<Startup>> {
      const scope = startupScopeOf(actor);
      const { rows, total } = await startups.list(scope, filter, query);
      return toPage(await presentAll(actor, rows), total, query);
    },

    async get(actor: Actor, id: string): Promise<Startup> {
      return presentOne(actor, await loadVisible(actor, id));
    },

    async create(actor: Actor, input: StartupInput): Promise<Startup> {
      requireManageStartup(actor, input.schoolId);
      return db.transaction(async (tx) => {
        await checkLinks(input, null, tx);
        const now = clock.now().toISOString();
        const { founders: inputFounders, ...fields } = input;
        const id = randomUUID();
        await startups.insert({ id, ...fields, createdAt: now, updatedAt: now }, tx);
        await startups.replaceFounders(id, inputFounders, tx);
        return presentOne(actor, await loadVisible(actor, id, tx), tx);
      });
    },

    /** Replaces the startup and its founders. */
    async update(actor: Actor, id: string, input: StartupInput): Promise<Startup> {
      requireStaff(actor);
      return db.transaction(async (tx) => {
        const existing = await loadVisible(actor, id, tx);
        requireManageStartup(actor, existing.schoolId);
        requireManageStartup(actor, input.schoolId);
        await checkLinks(input, id, tx);
        const { founders: inputFounders, ...fields } = input;
        await startups.update(id, { ...fields, updatedAt: clock.now().toISOString() }, tx);
        await startups.replaceFounders(id, inputFounders, tx);
        return presentOne(actor, await loadVisible(actor, id, tx), tx);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireStaff(actor);
      await db.transaction(async (tx) => {
        const existing = await loadVisible(actor, id, tx);
        requireManageStartup(actor, existing.schoolId);
        await startups.delete(id, tx);
      });
    },
  };
}
export type StartupService = ReturnType<typeof createStartupService>;

export function presentStartup(row: StartupWithName, founders: FounderWithName[], agreementIds: string[]): Startup {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    stage: row.stage,
    isSpinOff: row.isSpinOff,
    schoolId: row.schoolId,
    incubatorId: row.incubatorId,
    incubationStart: row.incubationStart,
    incubationEnd: row.incubationEnd,
    foundedOn: row.foundedOn,
    description: row.description,
    founders: founders.map((founder) => ({
      personId: founder.personId,
      name: `${founder.firstName} ${founder.lastName}`,
      role: founder.role,
    })),
    agreementIds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
