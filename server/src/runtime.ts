import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { createLogger } from './platform/logger.ts';
import { opsClientFromConfig } from './modules/publication/ops/ops-client.ts';
import { createServices, type Services } from './services.ts';

/** Opens the configured database, brings its schema up to date and wires the services (EPO OPS from VALO_OPS_*). */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const logger = createLogger(config.logLevel);
  return createServices(database, {
    clock,
    sessionHours: config.sessionHours,
    ops: { client: opsClientFromConfig(config, { clock, logger }), syncDays: config.opsSyncDays, logger },
  });
}
