import { realpathSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { UserInput } from '#core/user';
import { createApp } from './app.ts';
import { BACKUP_USAGE, exportCommand, importBackupCommand } from './modules/backup/backup.cli.ts';
import { systemActor } from './platform/actor.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { refreshStatistics } from './platform/db.ts';
import { DomainError } from './platform/errors.ts';
import { DEMO_CONFIG_USAGE, SEED_USAGE, loadDemoOnStart, seedCommand } from './modules/demo/demo.cli.ts';
import { createLogger } from './platform/logger.ts';
import { openRuntime } from './runtime.ts';
import { DOCKET_USAGE, processDocketIo, runDocketCompute } from './modules/docket/docket.cli.ts';
import { DIGEST_USAGE, digestCommand } from './modules/docket/digest.cli.ts';
import { startDigestScheduler } from './modules/docket/digest.scheduler.ts';
import { systemClock } from './platform/clock.ts';
import { OPS_USAGE, processOpsIo, runOps } from './modules/publication/ops/ops.cli.ts';
import { startOpsSyncScheduler } from './modules/publication/ops/ops-sync.scheduler.ts';
import { IMPORT_USAGE, importCommand } from './modules/publication/import.cli.ts';
import { PUBLICATIONS_USAGE, processPublicationsIo, runPublicationsParse } from './modules/publication/publications.cli.ts';

const USAGE = `valo <command>

  start                      serve Valo (PORT, default 3000) on the configured database
  migrate                    bring the database schema up to date
  user create --email E --name N --role R [--school ID] [--person ID] [--organisation ID] [--password P]
                             make an account (the password is asked for when not given)
${BACKUP_USAGE}
${SEED_USAGE}
${DOCKET_USAGE}
${DIGEST_USAGE}
${IMPORT_USAGE}
${PUBLICATIONS_USAGE}
${OPS_USAGE}

Configuration (environment): VALO_DATA_DIR (embedded database folder, default ./data) or
DATABASE_URL=postgres://… (a PostgreSQL server); PORT; HOST (default 127.0.0.1);
${DEMO_CONFIG_USAGE}.
Exit codes: 0 done, 1 failed, 2 bad input.`;

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    switch (command) {
      case 'start':
        return await start(config);
      case 'import':
        return await importCommand(config, rest);
      case 'publications':
        return await runPublicationsParse(rest, processPublicationsIo);
      case 'digest':
        return await digestCommand(config, rest);
      case 'ops':
        return await runOps(rest, processOpsIo, config);
      case 'docket':
        return await runDocketCompute(rest, processDocketIo);
      case 'migrate':
        return await migrate(config);
      case 'user':
        return await user(config, rest);
      case 'seed':
        return await seedCommand(config, rest);
      case 'export':
        return await exportCommand(config, rest);
      case 'import-backup':
        return await importBackupCommand(config, rest);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      return error.kind === 'invalid' ? 2 : 1;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function start(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const startedAt = performance.now();
  const services = await openRuntime(config);
  await loadDemoOnStart(services, config, logger);
  const interrupted = await services.publications.imports.failInterrupted();
  if (interrupted > 0) logger.info('import runs left unfinished by a stopped server recorded as failed', { runs: interrupted });
  await refreshStatistics(services.database);
  const app = createApp(services, { logger, secureCookies: config.secureCookies, maxUploadBytes: config.maxUploadBytes });
  const stopDigest = startDigestScheduler(services, config, systemClock, { logger });
  const stopOpsSync = startOpsSyncScheduler(services.publications.sync, config, { logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  logger.info('Valo is serving', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    database: services.database.kind,
    startupMs: Math.round(performance.now() - startedAt),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stopDigest();
  await stopOpsSync();
  await services.database.close();
  return 0;
}

async function migrate(config: Config): Promise<number> {
  const services = await openRuntime(config);
  await services.database.close();
  process.stdout.write(`database schema is up to date (${services.database.kind})\n`);
  return 0;
}

async function user(config: Config, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') {
    process.stderr.write(`usage: valo user create --email E --name N --role R …\n`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      school: { type: 'string' },
      person: { type: 'string' },
      organisation: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  const password = values.password ?? (await ask('Password (8 characters or more): '));
  const parsed = UserInput.safeParse({
    email: values.email,
    displayName: values.name,
    role: values.role,
    password,
    schoolId: values.school ?? null,
    personId: values.person ?? null,
    organisationId: values.organisation ?? null,
  });
  if (!parsed.success) throw DomainError.fromZod(parsed.error);
  const services = await openRuntime(config);
  try {
    const created = await services.auth.createUser(systemActor, parsed.data);
    process.stdout.write(`created ${created.role} ${created.email} (${created.id})\n`);
    return 0;
  } finally {
    await services.database.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
