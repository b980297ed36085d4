import { stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportError, ImportRun } from '#core/publication-corpus';
import { systemActor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import { openRuntime } from '../../runtime.ts';
import type { ImportService } from './import.service.ts';
import { ProgressLine, formatCount } from './import-progress.ts';
import type { ImportSource } from './publication-import.ts';
import { SourcePathError, publicationSourcesAt, type PublicationSource } from './readers/publication-sources.ts';

/*
 * `valo import PATH…`: the command-line edge over the import service, kept beside it so
 * server/src/cli.ts only routes to it.
 */

/** The command's lines in `valo help`, in the layout of the CLI's usage text. */
export const IMPORT_USAGE = `  import PATH…               read patent-office files into the publication corpus (EPO, INPI, USPTO XML,
                             USPTO ODP JSON, Lens and Espacenet CSV; files, folders, .zip archives), link
                             them to the portfolio's families and update their applications and deadlines.
                             Exit 1 when a record could not be read (listed as file:line:column)`;

const USAGE_LINE = 'usage: valo import PATH…';

/** What the command touches, so tests can run it without a process. */
export interface ImportCliIo {
  /** The inputs under a path (throws SourcePathError when unreadable). */
  sources(path: string): AsyncIterable<PublicationSource>;
  /** A file's size in bytes, for the progress bar; null when unknown (an archive's entry). */
  size(name: string): Promise<number | null>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** A terminal redraws the progress line in place; a log gets a line every few seconds. */
  isTTY: boolean;
  /** Milliseconds, for the rate and the time taken. */
  now(): number;
}

export const processImportIo: ImportCliIo = {
  sources: publicationSourcesAt,
  size: async (name) => (name.includes('!/') ? null : (await stat(name).catch(() => null))?.size ?? null),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
};

/** `valo import PATH…` on the configured database: exit 0 all read, 1 some records failed, 2 bad usage. */
export async function importCommand(config: Config, argv: string[]): Promise<number> {
  const services = await openRuntime(config);
  try {
    return await runImport(argv, { imports: services.publications.imports, io: processImportIo });
  } finally {
    await services.database.close();
  }
}

/**
 * Imports the files under each PATH as one run. The progress goes to standard error (a bar with the
 * records per second), each bad record too (`file:line:column: message`), and the summary to standard
 * output. Returns the exit code: 0 every record read, 1 some failed (or the run stopped), 2 bad usage.
 */
export async function runImport(argv: string[], deps: { imports: ImportService; io: ImportCliIo }): Promise<number> {
  const { io } = deps;
  let paths: string[];
  try {
    paths = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }).positionals;
  } catch (error) {
    io.stderr(`${messageOf(error)}\n${USAGE_LINE}\n`);
    return 2;
  }
  if (paths.length === 0) {
    io.stderr(`${USAGE_LINE}\n`);
    return 2;
  }
  let sources: (ImportSource & { size: number | null })[];
  try {
    sources = await collect(paths, io);
  } catch (error) {
    io.stderr(`${messageOf(error)}\n`);
    return error instanceof SourcePathError ? 2 : 1;
  }
  if (sources.length === 0) {
    io.stderr(`no .xml, .json, .csv or .zip file to read under ${paths.join(', ')}\n`);
    return 2;
  }

  const progress = new ProgressLine(io, sources.length);
  const counted = sources.map((source, index) => ({
    ...source,
    open: async function* () {
      progress.startFile(index, source.size);
      for await (const chunk of source.open()) {
        progress.addBytes(chunk.length);
        yield chunk;
      }
    },
  }));
  const startedAt = io.now();
  let run: ImportRun;
  try {
    run = await deps.imports.run(systemActor, list(counted), {
      onError: (error) => progress.print(`${describeError(error)}\n`),
      onProgress: (counts) => progress.update(counts),
    });
  } catch (error) {
    progress.clear();
    io.stderr(`the import stopped: ${messageOf(error)}\n`);
    return 1;
  }
  progress.clear();
  io.stdout(summary(run, io.now() - startedAt));
  return run.failed > 0 ? 1 : 0;
}

/** Every source under the paths, with the name it keeps in the corpus: its path from the folder the PATH is in. */
async function collect(paths: string[], io: ImportCliIo): Promise<(ImportSource & { size: number | null })[]> {
  const sources: (ImportSource & { size: number | null })[] = [];
  for (const path of paths) {
    const base = dirname(path.replace(/[\\/]+$/, ''));
    for await (const source of io.sources(path)) {
      const [file = source.name, ...entry] = source.name.split('!/');
      const origin = [relative(base, file), ...entry].join('!/');
      sources.push({ ...source, origin, size: await io.size(source.name) });
    }
  }
  return sources;
}

async function* list<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

function summary(run: ImportRun, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = Math.round(run.read / Math.max(0.001, seconds));
  const { portfolio } = run;
  const rows: [string, number][] = [
    ['files', run.files.length],
    ['read', run.read],
    ['inserted', run.inserted],
    ['updated', run.updated],
    ['unchanged', run.unchanged],
    ['failed', run.failed],
    ['linked', run.linked],
  ];
  const width = Math.max(...rows.map(([, value]) => formatCount(value).length));
  return (
    `imported in ${seconds.toFixed(1)} s (${formatCount(rate)} records/s), run ${run.id}\n` +
    rows.map(([label, value]) => `  ${label.padEnd(10)}${formatCount(value).padStart(width)}\n`).join('') +
    `  portfolio: ${portfolio.families} families updated, ${portfolio.statusChanges} status changes, ${portfolio.publicationsAdded} publications added, ` +
    `${portfolio.eventsRecorded} events recorded, ${portfolio.renewalsPaid} renewals paid, ${portfolio.lapsesNoted} lapses noted\n`
  );
}

function describeError({ file, line, column, message }: ImportError): string {
  return `${file}${line === null ? '' : `:${line}:${column ?? 1}`}: ${message}`;
}

/** The message of the error's first cause: a failed query's says what the database refused, without the statement. */
function messageOf(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
