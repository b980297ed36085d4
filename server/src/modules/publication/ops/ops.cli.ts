import { parseArgs } from 'node:util';
import type { Config } from '../../../platform/config.ts';
import { DomainError } from '../../../platform/errors.ts';
import { opsClientFromConfig, type OpsAnswer, type OpsCallOptions, type OpsClient, type OpsReference } from './ops-client.ts';
import type { OpsNumberFormat } from './ops-endpoints.ts';
import { OpsError } from './ops-errors.ts';
import { startOpsReplayServer } from './ops-replay-server.ts';
import { opsSyncCommand } from './ops-sync.cli.ts';

/*
 * `valo ops …`: asks EPO Open Patent Services from the command line with the same client the server
 * uses (its cache included), and starts the replay server for working without an OPS account.
 */

export const OPS_USAGE = `  ops fetch WHAT NUMBER [--application] [--format epodoc|docdb] [--fresh] [--xml]
                             ask EPO OPS (VALO_OPS_KEY, VALO_OPS_SECRET, VALO_OPS_URL) and print the
                             publications as JSON lines (--xml: the answer as received). WHAT is biblio,
                             full-cycle, family, legal, register, register-events or procedural-steps;
                             NUMBER e.g. EP2400812 or EP.2400812.A1; --fresh skips the cache (data dir/ops-cache)
  ops search QUERY [--biblio] [--range 1-25] [--fresh] [--xml]
                             a CQL search of published data, e.g. 'pa=Siemens'
  ops sync [FAMILY…] [--all] [--fresh]
                             sync patent families with OPS now, as the server's schedule does: the
                             families named (id or reference), else those due (--all: every live one)
  ops replay [--port N]      serve recorded OPS answers on 127.0.0.1 (for working without an OPS account)`;

const USAGE_LINE =
  'usage: valo ops fetch WHAT NUMBER [--application] [--format epodoc|docdb] [--fresh] [--xml] | ops search QUERY | ops sync [FAMILY…] [--all] [--fresh] | ops replay [--port N]';

export interface OpsCliIo {
  /** Writes standard output; the promise settles when more may be written. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** Settles when the operator stops the replay server (Ctrl-C). */
  untilStopped(): Promise<void>;
}

export const processOpsIo: OpsCliIo = {
  stdout: (text) =>
    new Promise<void>((resolve) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', () => resolve());
    }),
  stderr: (text) => {
    process.stderr.write(text);
  },
  untilStopped: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};

type Fetch = (client: OpsClient, reference: OpsReference, options: OpsCallOptions) => Promise<OpsAnswer>;

const FETCHES: Readonly<Record<string, Fetch>> = {
  biblio: (client, reference, options) => client.biblio(reference, options),
  'full-cycle': (client, reference, options) => client.fullCycle(reference, options),
  family: (client, reference, options) => client.family(reference, options),
  legal: (client, reference, options) => client.legal(reference, options),
  register: (client, reference, options) => client.registerBiblio(reference, options),
  'register-events': (client, reference, options) => client.registerEvents(reference, options),
  'procedural-steps': (client, reference, options) => client.registerProceduralSteps(reference, options),
};

const OPTIONS = {
  application: { type: 'boolean' },
  format: { type: 'string' },
  fresh: { type: 'boolean' },
  xml: { type: 'boolean' },
  biblio: { type: 'boolean' },
  range: { type: 'string' },
  port: { type: 'string' },
  all: { type: 'boolean' },
} as const;

/**
 * `argv` is what follows `ops`. Exit codes: 0 done; 1 OPS failed (no such number, quota spent, not
 * answering); 2 bad usage or OPS not configured.
 */
export async function runOps(argv: string[], io: OpsCliIo, config: Config): Promise<number> {
  let parsed: ReturnType<typeof parseOpsArgs>;
  try {
    parsed = parseOpsArgs(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE_LINE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  try {
    if (command === 'replay' && rest.length === 0) return await replay(values.port, io);
    if (command === 'sync') return await opsSyncCommand(config, { names: rest, all: values.all === true, fresh: values.fresh === true });
    const client = opsClientFromConfig(config);
    if (command === 'fetch' && rest.length === 2) {
      const [what = '', number = ''] = rest;
      const fetchOne = FETCHES[what];
      if (!fetchOne) return usage(io, `WHAT must be one of ${Object.keys(FETCHES).join(', ')}`);
      const format = parseFormat(values.format);
      const reference = { type: values.application ? ('application' as const) : ('publication' as const), number, format };
      return await print(await enabled(client, () => fetchOne(client, reference, { fresh: values.fresh })), values.xml, io);
    }
    if (command === 'search' && rest.length === 1) {
      const range = parseRange(values.range);
      const answer = await enabled(client, () => client.search(rest[0] ?? '', { fresh: values.fresh, biblio: values.biblio, range }));
      return await print(answer, values.xml, io);
    }
    return usage(io, command ? `unknown or incomplete command "ops ${positionals.join(' ')}"` : 'what to do?');
  } catch (error) {
    if (error instanceof DomainError) return usage(io, error.message);
    if (error instanceof OpsError) {
      io.stderr(`${error.message}\n`);
      return error.kind === 'disabled' ? 2 : 1;
    }
    throw error;
  }
}

function parseOpsArgs(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

function enabled(client: OpsClient, call: () => Promise<OpsAnswer>): Promise<OpsAnswer> {
  if (!client.isEnabled) throw new OpsError('disabled', client.disabledReason ?? 'EPO OPS is not configured');
  return call();
}

async function print(answer: OpsAnswer, xml: boolean | undefined, io: OpsCliIo): Promise<number> {
  if (xml) await io.stdout(answer.xml.endsWith('\n') ? answer.xml : `${answer.xml}\n`);
  else for (const record of answer.records) await io.stdout(`${JSON.stringify(record)}\n`);
  for (const { file, line, column, message } of answer.errors) io.stderr(`${file}${line === null ? '' : `:${line}:${column ?? 1}`}: ${message}\n`);
  if (answer.fromCache) io.stderr(`from the cache, as EPO OPS gave it at ${answer.fetchedAt}; --fresh asks again\n`);
  return answer.errors.length > 0 ? 1 : 0;
}

async function replay(port: string | undefined, io: OpsCliIo): Promise<number> {
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return usage(io, '--port must be a port number');
  const server = await startOpsReplayServer({ port: port === undefined ? 0 : Number(port) });
  io.stderr(
    `EPO OPS replay on ${server.url} (recorded answers, e.g. EP2400812); stop with Ctrl-C. Use it with:\n` +
      `VALO_OPS_URL=${server.url} VALO_OPS_KEY=${server.consumerKey} VALO_OPS_SECRET=${server.consumerSecret}\n`,
  );
  await io.untilStopped();
  await server.close();
  return 0;
}

function parseFormat(format: string | undefined): OpsNumberFormat | undefined {
  if (format === undefined || format === 'epodoc' || format === 'docdb') return format;
  throw DomainError.invalid('format', 'must be epodoc or docdb');
}

function parseRange(range: string | undefined): { begin: number; end: number } | undefined {
  if (range === undefined) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(range);
  if (!match) throw DomainError.invalid('range', 'must read BEGIN-END, e.g. 1-25');
  return { begin: Number(match[1]), end: Number(match[2]) };
}

function usage(io: OpsCliIo, problem: string): number {
  io.stderr(`${problem}\n${USAGE_LINE}\n`);
  return 2;
}
