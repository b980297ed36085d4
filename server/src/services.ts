import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createOrganisationRepository } from './modules/organisation/organisation.repository.ts';
import { createOrganisationService } from './modules/organisation/organisation.service.ts';

/** The composition root: every repository and service, wired in plain view. */
export function createServices(database: Database, options: { clock: Clock; sessionHours: number }) {
  const { db } = database;
  const { clock } = options;
  const repositories = {
    auth: createAuthRepository(db),
    organisations: createOrganisationRepository(db),
  };
  return {
    database,
    repositories,
    auth: createAuthService({ auth: repositories.auth, clock, sessionHours: options.sessionHours }),
    organisations: createOrganisationService({ db, organisations: repositories.organisations, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
