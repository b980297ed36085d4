import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { AssetRepository } from '../asset/asset.repository.ts';
import type { DocketRecompute } from '../docket/docket-recompute.ts';
import { createProsecutionEventRepository } from '../docket/prosecution-event.repository.ts';
import { createTaskRepository } from '../docket/task.repository.ts';
import { createImportRunRepository } from './import-run.repository.ts';
import { createImportService } from './import.service.ts';
import { createPortfolioUpdater } from './portfolio-update.ts';
import { createPublicationBatchRepository } from './publication-batch.repository.ts';
import { createPublicationImporter } from './publication-import.ts';
import { createPublicationRepository } from './publication.repository.ts';
import { createPublicationService } from './publication.service.ts';

/**
 * The publication corpus wired in plain view: its repositories, the portfolio updater that linked
 * publications go through (asset and docket repositories, the docket's recomputation), the importer,
 * and the services the routes and `valo import` use.
 */
export function createPublicationServices(deps: {
  db: Db;
  assets: AssetRepository;
  recompute: DocketRecompute;
  clock: Clock;
  /** Refreshes the planner's statistics after an import (a bulk load). */
  afterImport?: () => Promise<void>;
  batchSize?: number;
}) {
  const { db, assets, recompute, clock, afterImport } = deps;
  const publications = createPublicationRepository(db);
  const runs = createImportRunRepository(db);
  const updater = createPortfolioUpdater({
    assets,
    events: createProsecutionEventRepository(db),
    tasks: createTaskRepository(db),
    recompute,
    clock,
  });
  const importer = createPublicationImporter({ db, publications: createPublicationBatchRepository(db), runs, updater, clock, batchSize: deps.batchSize });
  return {
    publications: createPublicationService({ db, publications, assets, updater, clock }),
    imports: createImportService({ runs, importer, clock, afterImport }),
  };
}
export type PublicationServices = ReturnType<typeof createPublicationServices>;
