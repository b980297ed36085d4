import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createOrganisationRepository } from './modules/organisation/organisation.repository.ts';
import { createOrganisationService } from './modules/organisation/organisation.service.ts';
import { createPersonRepository } from './modules/person/person.repository.ts';
import { createPersonService } from './modules/person/person.service.ts';
import { createInventionRepository } from './modules/invention/invention.repository.ts';
import { createInventionService } from './modules/invention/invention.service.ts';

/** The composition root: every repository and service, wired in plain view. */
export function createServices(database: Database, options: { clock: Clock; sessionHours: number }) {
  const { db } = database;
  const { clock } = options;
  const repositories = {
    auth: createAuthRepository(db),
    organisations: createOrganisationRepository(db),
    people: createPersonRepository(db),
    inventions: createInventionRepository(db),
  };
  return {
    database,
    repositories,
    auth: createAuthService({ auth: repositories.auth, clock, sessionHours: options.sessionHours }),
    organisations: createOrganisationService({ db, organisations: repositories.organisations, clock }),
    people: createPersonService({ db, people: repositories.people, organisations: repositories.organisations, clock }),
    inventions: createInventionService({
      db,
      inventions: repositories.inventions,
      organisations: repositories.organisations,
      people: repositories.people,
      clock,
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
