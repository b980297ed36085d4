import type { Clock } from './platform/clock.ts';
import { type Database, refreshStatistics } from './platform/db.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createOrganisationRepository } from './modules/organisation/organisation.repository.ts';
import { createOrganisationService } from './modules/organisation/organisation.service.ts';
import { createPersonRepository } from './modules/person/person.repository.ts';
import { createPersonService } from './modules/person/person.service.ts';
import { createInventionRepository } from './modules/invention/invention.repository.ts';
import { createInventionService } from './modules/invention/invention.service.ts';
import { createAgreementRepository } from './modules/agreement/agreement.repository.ts';
import { createAgreementService } from './modules/agreement/agreement.service.ts';
import { createStartupRepository } from './modules/startup/startup.repository.ts';
import { createStartupService } from './modules/startup/startup.service.ts';
import { createAssetRepository } from './modules/asset/asset.repository.ts';
import { createAssetService } from './modules/asset/asset.service.ts';
import { createPortfolioRepository } from './modules/portfolio/portfolio.repository.ts';
import { createPortfolioService } from './modules/portfolio/portfolio.service.ts';
import { createForecastRepository } from './modules/forecast/forecast.repository.ts';
import { createForecastService } from './modules/forecast/forecast.service.ts';
import { createBackupRepository } from './modules/backup/backup.repository.ts';
import { createBackupService } from './modules/backup/backup.service.ts';
import { createDocketServices } from './modules/docket/docket.services.ts';
import { createPublicationServices } from './modules/publication/publication.services.ts';
import type { OpsClient } from './modules/publication/ops/ops-client.ts';
import type { Logger } from './platform/logger.ts';

/** The composition root: every repository and service, wired in plain view. */
export interface ServiceOptions {
  clock: Clock;
  sessionHours: number;
  /** EPO OPS for the families' sync; without it, OPS is off and the sync says how to turn it on. */
  ops?: { client: OpsClient; syncDays: number; logger?: Logger };
}

export function createServices(database: Database, options: ServiceOptions) {
  const { db } = database;
  const { clock } = options;
  const repositories = {
    auth: createAuthRepository(db),
    organisations: createOrganisationRepository(db),
    people: createPersonRepository(db),
    inventions: createInventionRepository(db),
    agreements: createAgreementRepository(db),
    startups: createStartupRepository(db),
    assets: createAssetRepository(db),
    portfolio: createPortfolioRepository(db),
    forecast: createForecastRepository(db),
  };
  // Docketing and the corpus: the asset service rematches a family's publications and recomputes its
  // deadline tasks in the transaction that saves it.
  const docket = createDocketServices({ db, assets: repositories.assets, organisations: repositories.organisations, clock });
  // The publication corpus: imports link publications to families and update their applications and deadlines.
  const publications = createPublicationServices({
    db,
    assets: repositories.assets,
    recompute: docket.recompute,
    clock,
    afterImport: () => refreshStatistics(database),
    ops: options.ops,
  });
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
    agreements: createAgreementService({
      db,
      agreements: repositories.agreements,
      organisations: repositories.organisations,
      clock,
    }),
    startups: createStartupService({
      db,
      startups: repositories.startups,
      organisations: repositories.organisations,
      agreements: repositories.agreements,
      clock,
    }),
    assets: createAssetService({
      db,
      assets: repositories.assets,
      organisations: repositories.organisations,
      clock,
      // A saved family first takes the publications the corpus holds of it, then its deadlines follow.
      onFamilySaved: async (assetId, tx) => {
        await publications.rematch.rematch(assetId, tx);
        await docket.recompute.recomputeAsset(assetId, tx);
      },
    }),
    docket,
    publications,
    backup: createBackupService({ db, backups: createBackupRepository(db) }),
    portfolio: createPortfolioService({ portfolio: repositories.portfolio }),
    forecast: createForecastService({ assets: repositories.assets, forecast: repositories.forecast, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
