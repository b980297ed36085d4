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
import { type OpsClient, disabledOpsClient } from './ops/ops-client.ts';
import { createFamilySyncRepository } from './ops/ops-sync.repository.ts';
import { createFamilyRematch } from './family-rematch.ts';
import { createOpsSyncService } from './ops/ops-sync.service.ts';
import type { Logger } from '../../platform/logger.ts';

/**
 * The publication corpus wired in plain view: its repositories, the portfolio updater that linked
 * publications go through (asset and docket repositories, the docket's recomputation), the importer,
 * the services the routes and `valo import` use, and the families' sync with EPO OPS, which imports
 * OPS's answers through the same importer.
 */
export function createPublicationServices(deps: {
  db: Db;
  assets: AssetRepository;
  recompute: DocketRecompute;
  clock: Clock;
  /** Refreshes the planner's statistics after an import (a bulk load). */
  afterImport?: () => Promise<void>;
  batchSize?: number;
  /** EPO OPS: the client (disabled without credentials) and how often a family is synced. */
  ops?: { client: OpsClient; syncDays: number; logger?: Logger };
}) {
  const { db, assets, recompute, clock, afterImport } = deps;
  const ops = deps.ops ?? { client: disabledOpsClient('EPO OPS is not configured: set VALO_OPS_KEY and VALO_OPS_SECRET'), syncDays: 7 };
  const publications = createPublicationRepository(db);
  const runs = createImportRunRepository(db);
  const updater = createPortfolioUpdater({
    assets,
    events: createProsecutionEventRepository(db),
    tasks: createTaskRepository(db),
    recompute,
    clock,
  });
  const batches = createPublicationBatchRepository(db);
  const importer = createPublicationImporter({ db, publications: batches, runs, updater, clock, batchSize: deps.batchSize });
  const imports = createImportService({ runs, importer, clock, afterImport });
  return {
    publications: createPublicationService({ db, publications, assets, updater, clock }),
    imports,
    /** Links the corpus's publications to a family when it is saved (the asset service's hook). */
    rematch: createFamilyRematch({ publications: batches, updater, clock }),
    sync: createOpsSyncService({
      client: ops.client,
      syncs: createFamilySyncRepository(db),
      assets,
      runs,
      imports,
      clock,
      intervalDays: ops.syncDays,
      logger: ops.logger,
    }),
  };
}
export type PublicationServices = ReturnType<typeof createPublicationServices>;
