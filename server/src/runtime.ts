import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { createServices, type Services } from './services.ts';

/** Opens the configured database, brings its schema up to date and wires the services. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return createServices(database, { clock, sessionHours: config.sessionHours });
}
