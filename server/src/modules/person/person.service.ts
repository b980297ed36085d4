import { randomUUID } from 'node:crypto';
import type { ListQuery, Page } from '#core/common';
import type { Person, PersonFilter, PersonInput } from '#core/person';
import { type Actor, requireStaff } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import type { AffiliationRow, AffiliationView, PersonRepository, PersonRow } from './person.repository.ts';

/**
 * People are the shared directory of researchers and contacts. It holds personal data (GDPR), so
 * partner accounts do not see it; every other role reads it, and officers of any school and admins
 * keep it, since the same researcher works with several schools.
 */
export function createPersonService(deps: { db: Db; people: PersonRepository; organisations: OrganisationRepository; clock: Clock }) {
  const { db, people, organisations, clock } = deps;

  async function checkInput(input: PersonInput, selfId: string | null, tx: Db): Promise<void> {
    for (const [index, affiliation] of input.affiliations.entries()) {
      const organisation = await organisations.findById(affiliation.organisationId, tx);
      if (!organisation) {
        throw DomainError.invalid(
          `affiliations.${index}.organisationId`,
          `refers to organisation ${affiliation.organisationId}, which does not exist`,
        );
      }
    }
    if (input.email !== null && (await people.findOtherWith('email', input.email, selfId, tx))) {
      throw DomainError.conflict('email', `${input.email} is already the e-mail of another person`);
    }
    if (input.orcid !== null && (await people.findOtherWith('orcid', input.orcid, selfId, tx))) {
      throw DomainError.conflict('orcid', `${input.orcid} is already the ORCID iD of another person`);
    }
  }

  async function save(row: PersonRow, input: PersonInput, isNew: boolean, tx: Db): Promise<Person> {
    await checkInput(input, isNew ? null : row.id, tx);
    if (isNew) await people.insert(row, tx);
    else await people.update(row.id, row, tx);
    const affiliationRows: AffiliationRow[] = input.affiliations.map((affiliation) => ({
      id: randomUUID(),
      personId: row.id,
      ...affiliation,
    }));
    await people.replaceAffiliations(row.id, affiliationRows, tx);
    const saved = await people.findById(row.id, tx);
    if (!saved) throw DomainError.notFound('person', row.id);
    return presentPerson(saved, (await people.affiliationsOf([row.id], tx)).get(row.id) ?? []);
  }

  return {
    async list(actor: Actor, filter: PersonFilter, query: ListQuery): Promise<Page<Person>> {
      requireDirectoryReader(actor);
      const { rows, total } = await people.list(filter, query);
      const affiliationsByPerson = await people.affiliationsOf(rows.map((row) => row.id));
      const items = rows.map((row) => presentPerson(row, affiliationsByPerson.get(row.id) ?? []));
      return toPage(items, total, query);
    },

    async get(actor: Actor, id: string): Promise<Person> {
      // A partner asking for a person learns nothing, not even that the id exists.
      if (!canReadDirectory(actor)) throw DomainError.notFound('person', id);
      const row = await people.findById(id);
      if (!row) throw DomainError.notFound('person', id);
      return presentPerson(row, (await people.affiliationsOf([id])).get(id) ?? []);
    },

    async create(actor: Actor, input: PersonInput): Promise<Person> {
      requireStaff(actor);
      const now = clock.now().toISOString();
      const { affiliations: _affiliations, ...fields } = input;
      const row: PersonRow = { id: randomUUID(), ...fields, createdAt: now, updatedAt: now };
      return db.transaction((tx) => save(row, input, true, tx));
    },

    async update(actor: Actor, id: string, input: PersonInput): Promise<Person> {
      requireStaff(actor);
      return db.transaction(async (tx) => {
        const existing = await people.findById(id, tx);
        if (!existing) throw DomainError.notFound('person', id);
        const { affiliations: _affiliations, ...fields } = input;
        const row: PersonRow = { ...existing, ...fields, updatedAt: clock.now().toISOString() };
        return save(row, input, false, tx);
      });
    },

    /** Deleting a person who is an inventor or has an account is refused by the database (409). */
    async remove(actor: Actor, id: string): Promise<void> {
      requireStaff(actor);
      await db.transaction(async (tx) => {
        const existing = await people.findById(id, tx);
        if (!existing) throw DomainError.notFound('person', id);
        await people.delete(id, tx);
      });
    },
  };
}
export type PersonService = ReturnType<typeof createPersonService>;

function canReadDirectory(actor: Actor): boolean {
  return actor.role !== 'partner';
}

function requireDirectoryReader(actor: Actor): void {
  if (!canReadDirectory(actor)) throw DomainError.forbidden('partners do not see the directory of people (personal data)');
}

export function presentPerson(row: PersonRow, affiliations: AffiliationView[]): Person {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    employmentStatus: row.employmentStatus,
    orcid: row.orcid,
    affiliations: affiliations.map((affiliation) => ({
      id: affiliation.id,
      organisationId: affiliation.organisationId,
      organisationName: affiliation.organisationName,
      title: affiliation.title,
      startDate: affiliation.startDate,
      endDate: affiliation.endDate,
    })),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
