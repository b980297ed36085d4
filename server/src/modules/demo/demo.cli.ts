import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Logger } from '../../platform/logger.ts';
import { openRuntime } from '../../runtime.ts';
import type { Services } from '../../services.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { loadDemo, loadDemoOnFirstStart, type DemoCounts } from './demo.loader.ts';

/*
 * The `valo seed --demo` command and the demo on first start: the CLI edge over the demo loader, kept
 * beside it so server/src/cli.ts only routes to them.
 */

export const SEED_USAGE = `  seed --demo                load the demo institution (Institut Mines-Télécom, fictional records) and its
                             accounts admin|officer|officer.atlantique|researcher|partner|reader@demo.valo,
                             password ${DEMO_PASSWORD}, into an empty database`;

export const DEMO_CONFIG_USAGE = `VALO_DEMO=true|false (load the demo on first start; default: on the embedded database only)`;

/** `valo seed --demo`: exit 0 loaded, 1 refused (the database already has an institution), 2 bad arguments. */
export async function seedCommand(config: Config, argv: string[]): Promise<number> {
  let isDemo = false;
  try {
    isDemo = parseArgs({ args: argv, options: { demo: { type: 'boolean' } }, strict: true }).values.demo === true;
  } catch {
    isDemo = false;
  }
  if (!isDemo) {
    process.stderr.write('usage: valo seed --demo\n');
    return 2;
  }
  const services = await openRuntime(config);
  try {
    const startedAt = performance.now();
    const counts = await loadDemo(services.database.db);
    const docket = await services.docket.recompute.recomputeAll(systemActor);
    process.stdout.write(
      `loaded the demo institution in ${Math.round(performance.now() - startedAt)} ms: ${describe(counts)}, ${docket.inserted} deadline tasks\n`,
    );
    process.stdout.write(`sign in as admin@demo.valo (or officer, officer.atlantique, researcher, partner, reader @demo.valo), password ${DEMO_PASSWORD}\n`);
    return 0;
  } finally {
    await services.database.close();
  }
}

/**
 * On `valo start`: the demo on a first start, when VALO_DEMO and the kind of database call for it. A demo
 * that cannot load (nothing of it is written then) is logged and Valo serves anyway.
 */
export async function loadDemoOnStart(services: Services, config: Config, logger: Logger): Promise<void> {
  const startedAt = performance.now();
  let counts: DemoCounts | null;
  try {
    counts = await loadDemoOnFirstStart(services.database, config.demo);
  } catch (error) {
    logger.error('could not load the demo institution; nothing of it was written', { error: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (!counts) return;
  // The loader writes rows directly; the deadlines of its families are computed as any change would.
  await services.docket.recompute.recomputeAll(systemActor);
  logger.info('loaded the demo institution (first start; VALO_DEMO=false turns this off)', {
    ms: Math.round(performance.now() - startedAt),
    accounts: counts.accounts,
    password: DEMO_PASSWORD,
    inventions: counts.inventions,
    assets: counts.assets,
  });
}

function describe(counts: DemoCounts): string {
  return `${counts.organisations} organisations, ${counts.people} people, ${counts.inventions} inventions, ${counts.assets} assets, ${counts.agreements} agreements, ${counts.startups} startups, ${counts.accounts} accounts`;
}
