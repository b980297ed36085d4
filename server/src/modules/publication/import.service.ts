import { randomUUID } from 'node:crypto';
import type { ListQuery, Page } from '#core/common';
import type { ImportRun } from '#core/publication-corpus';
import { type Actor, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import { recorderOf } from '../docket/prosecution-event.service.ts';
import type { ImportRunRepository } from './import-run.repository.ts';
import { type ImportHooks, type PublicationImporter, reportOf } from './publication-import.ts';
import { presentRun } from './publication.presenter.ts';
import { noPortfolioChanges } from './portfolio-update.ts';
import { type PublicationSource, fileSource, isReadFile, zipSources } from './readers/publication-sources.ts';
import { fileBytes } from './readers/zip-archive.ts';

/** A file received over HTTP, saved to disk under its own name until its run ends. */
export interface Upload {
  name: string;
  path: string;
  dispose(): Promise<void>;
}

/** How long `start` waits for a run to end before it answers with the run in progress. */
const DEFAULT_WAIT_MS = 2000;

/**
 * A run writes its heartbeat with every batch, a second or two apart; one silent this long was
 * interrupted (its server or command stopped) and is shown, then recorded, as failed.
 */
export const INTERRUPTED_AFTER_MS = 15 * 60 * 1000;

/**
 * Import runs: from the command line (in the foreground, `run`) or from an upload (in the background,
 * `start`, with the run row as its progress). Admins and officers import and read the runs.
 */
export function createImportService(deps: {
  runs: ImportRunRepository;
  importer: PublicationImporter;
  clock: Clock;
  waitMs?: number;
  /** After a run: the planner's statistics follow the corpus (PGlite has no autovacuum). */
  afterImport?: () => Promise<void>;
}) {
  const { runs, importer, clock, afterImport } = deps;
  const jobs = new Map<string, Promise<void>>();

  async function open(actor: Actor, files: string[]): Promise<string> {
    const id = randomUUID();
    await runs.insert({
      id,
      status: 'running',
      startedAt: clock.now().toISOString(),
      finishedAt: null,
      heartbeatAt: clock.now().toISOString(),
      startedBy: recorderOf(actor),
      files,
      read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      linked: 0,
      report: { errors: [], omittedErrors: 0, message: null, portfolio: noPortfolioChanges() },
    });
    return id;
  }

  async function execute(actor: Actor, id: string, sources: AsyncIterable<PublicationSource>, hooks: ImportHooks, isBulk = true): Promise<void> {
    try {
      await importer.importInto(id, recorderOf(actor), sources, hooks);
      await runs.update(id, { status: 'finished', finishedAt: clock.now().toISOString() });
      if (isBulk) await afterImport?.();
    } catch (error) {
      // The batches written stay (each was whole); the run says where it stopped and why.
      const run = await runs.findById(id);
      const report = run?.run.report ?? reportOf({ errors: [], omittedErrors: 0, portfolio: noPortfolioChanges() }, null);
      await runs.update(id, {
        status: 'failed',
        finishedAt: clock.now().toISOString(),
        report: { ...report, message: error instanceof Error ? error.message : String(error) },
      });
      throw error;
    }
  }

  const silentSince = () => new Date(clock.now().getTime() - INTERRUPTED_AFTER_MS).toISOString();

  async function presented(id: string): Promise<ImportRun> {
    const record = await runs.findById(id);
    if (!record) throw DomainError.notFound('import run', id);
    return presentRun(record, silentSince());
  }

  return {
    /**
     * Imports these sources now, and answers the finished run (`valo import`, a family's OPS sync). A
     * run of a few records (`isBulk: false`) leaves the planner's statistics as they are.
     */
    async run(actor: Actor, sources: AsyncIterable<PublicationSource>, hooks: ImportHooks = {}, options: { isBulk?: boolean } = {}): Promise<ImportRun> {
      requireRole(actor, 'admin', 'officer');
      const id = await open(actor, []);
      await execute(actor, id, sources, hooks, options.isBulk ?? true);
      return presented(id);
    },

    /**
     * Imports an uploaded file in the background; `receive` saves it once the actor may import. Answers
     * the run once it ended, or after a short wait with the run in progress, whose counts `get` follows.
     */
    async start(actor: Actor, receive: () => Promise<Upload>, options: { waitMs?: number } = {}): Promise<{ run: ImportRun; isFinished: boolean }> {
      requireRole(actor, 'admin', 'officer');
      const upload = await receive();
      let sources: AsyncIterable<PublicationSource>;
      try {
        sources = sourcesOf(upload);
      } catch (error) {
        await upload.dispose();
        throw error;
      }
      const id = await open(actor, [upload.name]);
      const job = execute(actor, id, sources, {})
        .catch(() => undefined)
        .finally(async () => {
          await upload.dispose();
          jobs.delete(id);
        });
      jobs.set(id, job);
      const waitMs = options.waitMs ?? deps.waitMs ?? DEFAULT_WAIT_MS;
      let timer: NodeJS.Timeout | undefined;
      const isFinished = await Promise.race([
        job.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), waitMs);
        }),
      ]);
      clearTimeout(timer);
      return { run: await presented(id), isFinished };
    },

    async get(actor: Actor, id: string): Promise<ImportRun> {
      requireRole(actor, 'admin', 'officer');
      return presented(id);
    },

    async list(actor: Actor, query: Pick<ListQuery, 'limit' | 'offset'>): Promise<Page<ImportRun>> {
      requireRole(actor, 'admin', 'officer');
      const { records, total } = await runs.list(query);
      const since = silentSince();
      return toPage(
        records.map((record) => presentRun(record, since)),
        total,
        query,
      );
    },

    /**
     * Records as failed the runs left "running" by a server or command that stopped (no heartbeat for
     * INTERRUPTED_AFTER_MS), so the import page and the reports stop waiting for them. Run at start-up;
     * a run going on elsewhere keeps writing its heartbeat and is left alone. Answers how many.
     */
    async failInterrupted(): Promise<number> {
      return runs.failSilent(silentSince(), clock.now().toISOString());
    },

    /** Resolves when the background run has ended (at once when none is running): for tests and shutdown. */
    async settled(id?: string): Promise<void> {
      await Promise.all(id === undefined ? [...jobs.values()] : [jobs.get(id)]);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

/** The sources of an uploaded file: the file, or the entries of a ZIP archive. */
function sourcesOf(upload: Upload): AsyncIterable<PublicationSource> {
  const lower = upload.name.toLowerCase();
  if (lower.endsWith('.zip')) return zipSources(upload.name, fileBytes(upload.path));
  if (!isReadFile(lower)) throw DomainError.invalid('file', 'must be an .xml, .json, .csv or .zip file');
  const source = { ...fileSource(upload.path), name: upload.name };
  return (async function* () {
    yield source;
  })();
}
