import type { Config } from '../../../platform/config.ts';
import { type Logger, createLogger } from '../../../platform/logger.ts';
import type { OpsSyncService } from './ops-sync.service.ts';

export interface OpsSyncSchedulerOptions {
  /** How often a batch of families is synced: ten minutes by default. */
  intervalMs?: number;
  logger?: Logger;
}

/**
 * Syncs the families with EPO OPS in the background: every ten minutes, up to VALO_OPS_SYNC_BATCH
 * families whose last sync is older than VALO_OPS_SYNC_DAYS. Which family was synced when is kept in
 * the database, so a restart, or a second server on the same database, does not sync a family twice
 * (a family's sync is claimed before it starts). Off without OPS credentials or with a batch of 0.
 * Returns the stop function, which waits for a batch under way.
 */
export function startOpsSyncScheduler(
  sync: OpsSyncService,
  config: Pick<Config, 'opsSyncBatch' | 'logLevel'>,
  options: OpsSyncSchedulerOptions = {},
): () => Promise<void> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (!sync.isEnabled || config.opsSyncBatch === 0) {
    logger.info(`scheduled EPO OPS sync off: ${sync.isEnabled ? 'VALO_OPS_SYNC_BATCH is 0' : sync.disabledReason}`);
    return async () => {};
  }
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sync
      .syncDue(config.opsSyncBatch)
      .then((report) => {
        if (report.families.length === 0) return;
        const failed = report.families.filter((family) => family.status === 'failed').length;
        logger.info('EPO OPS sync', {
          families: report.families.length,
          failed,
          stoppedBy: report.stoppedBy,
          quotaUsedThisHour: report.usage.individualQuotaPerHourUsed,
          quotaUsedThisWeek: report.usage.registeredQuotaPerWeekUsed,
          systemState: report.usage.throttling?.systemState ?? null,
        });
      })
      .catch((error: unknown) => logger.error('EPO OPS sync failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
