import type { FamilySync, SyncOperation, SyncRequest } from '#core/publication-corpus';
import { type Actor, requireManageSchool, requireRole, systemActor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import { visibleAssets } from '../../asset/asset.access.ts';
import type { AssetRecord, AssetRepository } from '../../asset/asset.repository.ts';
import { recorderOf } from '../../docket/prosecution-event.service.ts';
import type { ImportRunRepository } from '../import-run.repository.ts';
import type { ImportService } from '../import.service.ts';
import type { ImportSource } from '../publication-import.ts';
import { presentRun } from '../publication.presenter.ts';
import type { OpsAnswer, OpsCallOptions, OpsClient, OpsReference } from './ops-client.ts';
import type { OpsUsage } from './ops-transport.ts';
import { OpsError, type OpsErrorKind } from './ops-errors.ts';
import { type PlannedRequest, planFamilySync } from './ops-sync-plan.ts';
import { type FamilySyncRepository, type FamilySyncRow, UNSYNCED_STATUSES } from './ops-sync.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A sync still "running" after this long died with its server: another may take the family over. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** OPS errors after which asking again for the next number is pointless (or makes things worse, for the quota). */
const STOPPING: ReadonlySet<OpsErrorKind> = new Set(['disabled', 'unauthorized', 'quota', 'forbidden', 'unavailable', 'failed']);

type Ask = (client: OpsClient, reference: OpsReference, options: OpsCallOptions) => Promise<OpsAnswer>;

const ASK: Readonly<Record<SyncOperation, Ask>> = {
  'full-cycle': (client, reference, options) => client.fullCycle(reference, options),
  legal: (client, reference, options) => client.legal(reference, options),
  'register-biblio': (client, reference, options) => client.registerBiblio(reference, options),
  'register-events': (client, reference, options) => client.registerEvents(reference, options),
  'register-procedural-steps': (client, reference, options) => client.registerProceduralSteps(reference, options),
};

export interface DueSyncReport {
  /** The families synced, in order, with how each ended. */
  families: { assetId: string; status: FamilySync['status']; message: string | null }[];
  /** Why the batch stopped before its end (the quota spent, OPS unreachable); null when it went through. */
  stoppedBy: string | null;
  /** The quota OPS says is used, after the batch. */
  usage: OpsUsage;
}

/**
 * Keeps families true to what EPO Open Patent Services says of them: a sync asks OPS about each of the
 * family's applications (see ops-sync-plan.ts) and imports the answers like any patent-office file,
 * so they are stored, matched and applied to the portfolio (status, publications, grant, renewal fees,
 * lapses, and the deadlines that follow) by the same code as `valo import`, and a sync that brings
 * nothing new changes nothing. "Sync now" (an officer, asking OPS afresh) and the scheduler (the
 * system, within the cache's ages) both come here; one sync of a family runs at a time.
 *
 * Reading a family's sync follows the family's visibility; starting one is for admins and the officers
 * who manage the family's school.
 */
export function createOpsSyncService(deps: {
  client: OpsClient;
  syncs: FamilySyncRepository;
  assets: AssetRepository;
  runs: ImportRunRepository;
  imports: ImportService;
  clock: Clock;
  /** How often the scheduler takes a family again (VALO_OPS_SYNC_DAYS). */
  intervalDays: number;
  logger?: Logger;
}) {
  const { client, syncs, assets, runs, imports, clock, logger } = deps;
  const intervalMs = deps.intervalDays * DAY_MS;

  async function visibleFamily(actor: Actor, assetId: string): Promise<AssetRecord> {
    const family = await assets.findById(assetId, visibleAssets(actor));
    if (!family || family.asset.kind !== 'patent_family') throw DomainError.notFound('patent family', assetId);
    return family;
  }

  async function present(family: AssetRecord, row: FamilySyncRow | null): Promise<FamilySync> {
    const run = row?.runId ? await runs.findById(row.runId) : null;
    const isScheduled = client.isEnabled && !(UNSYNCED_STATUSES as readonly string[]).includes(family.asset.status) && family.applications.length > 0;
    // A sync "running" for longer than any does died with its server: shown as the failure it is.
    const isInterrupted = row?.status === 'running' && Date.parse(row.startedAt) < clock.now().getTime() - STALE_AFTER_MS;
    return {
      assetId: family.asset.id,
      isEnabled: client.isEnabled,
      disabledReason: client.disabledReason,
      status: isInterrupted ? 'failed' : (row?.status ?? 'never'),
      startedAt: row?.startedAt ?? null,
      finishedAt: row?.finishedAt ?? null,
      lastSuccessAt: row?.lastSuccessAt ?? null,
      nextDueAt: !isScheduled ? null : row ? new Date(Date.parse(row.startedAt) + intervalMs).toISOString() : clock.now().toISOString(),
      message: isInterrupted ? 'interrupted: the server stopped during this sync' : (row?.message ?? null),
      requests: row?.requests ?? [],
      run: run ? presentRun(run) : null,
    };
  }

  /** Asks OPS each planned request in turn; stops at the first error that would fail the next ones too. */
  async function ask(plan: PlannedRequest[], options: OpsCallOptions) {
    const requests: SyncRequest[] = [];
    const answers: { answer: OpsAnswer; origin: string }[] = [];
    let stoppedBy: OpsError | null = null;
    /** Per application, the publication its full cycle found: its legal events are asked by it. */
    const found = new Map<string, string>();
    for (const planned of plan) {
      const published = planned.awaitsPublication ? found.get(planned.applicationId) : undefined;
      const request: PlannedRequest = published ? { ...planned, reference: { type: 'publication', number: published, format: 'epodoc' }, label: published } : planned;
      const done = (outcome: SyncRequest['outcome'], records: number, message: string | null) =>
        requests.push({ applicationId: request.applicationId, operation: request.operation, reference: request.label, outcome, records, message });
      if (!request.reference) {
        done('skipped', 0, request.reason);
        continue;
      }
      if (stoppedBy) {
        done('failed', 0, `not asked: ${stoppedBy.message}`);
        continue;
      }
      try {
        const answer = await ASK[request.operation](client, request.reference, options);
        answers.push({ answer, origin: `EPO OPS ${request.operation} of ${request.applicationLabel}` });
        const first = answer.records[0];
        if (request.operation === 'full-cycle' && first) found.set(request.applicationId, `${first.country}${first.number}`);
        done(answer.fromCache && !options.fresh ? 'cached' : 'fetched', answer.records.length, answer.errors.length > 0 ? `${answer.errors.length} part(s) of the answer could not be read` : null);
      } catch (error) {
        if (error instanceof OpsError && error.kind === 'not_found') done('not_found', 0, null);
        else if (error instanceof OpsError) {
          if (STOPPING.has(error.kind)) stoppedBy = error;
          done('failed', 0, error.message);
        }
        // A number OPS cannot be asked by (parseOpsNumber): that request only.
        else if (error instanceof DomainError) done('failed', 0, error.message);
        else throw error;
      }
    }
    return { requests, answers, stoppedBy: stoppedBy as OpsError | null };
  }

  /**
   * The answers as import sources, named by their path on OPS. Their origin (what a publication keeps
   * of each file that gave it) names the question, not the URL: asked by the application number at
   * first and by its publication once known, the same answer is still the same part of the publication.
   */
  async function* sourcesOf(answers: { answer: OpsAnswer; origin: string }[]): AsyncGenerator<ImportSource> {
    for (const { answer, origin } of answers) {
      const url = new URL(answer.url);
      yield {
        name: `EPO OPS ${url.pathname.replace(/^.*\/rest-services\//, '')}${url.search}`,
        origin,
        open: async function* () {
          yield answer.xml;
        },
      };
    }
  }

  async function sync(actor: Actor, family: AssetRecord, options: OpsCallOptions): Promise<FamilySync> {
    const assetId = family.asset.id;
    if (!client.isEnabled) throw DomainError.conflict('ops', client.disabledReason ?? 'EPO OPS is not configured');
    const startedAt = clock.now().toISOString();
    const staleBefore = new Date(clock.now().getTime() - STALE_AFTER_MS).toISOString();
    if (!(await syncs.claim({ assetId, startedAt, startedBy: recorderOf(actor) }, staleBefore))) {
      const running = await syncs.find(assetId);
      throw DomainError.conflict('sync', `of this family is already running (since ${running?.startedAt ?? 'just now'})`);
    }
    try {
      const { requests, answers, stoppedBy } = await ask(planFamilySync(family.applications), options);
      const run = answers.length > 0 ? await imports.run(actor, sourcesOf(answers), {}, { isBulk: false }) : null;
      const finishedAt = clock.now().toISOString();
      await syncs.finish(assetId, {
        status: stoppedBy ? 'failed' : 'ok',
        finishedAt,
        message: stoppedBy ? stoppedBy.message : null,
        requests,
        runId: run?.id ?? null,
        ...(stoppedBy ? {} : { lastSuccessAt: finishedAt }),
      });
    } catch (error) {
      // The database or the import failed: the sync says so, and the error goes up as any other.
      await syncs.finish(assetId, {
        status: 'failed',
        finishedAt: clock.now().toISOString(),
        message: error instanceof Error ? error.message : String(error),
        requests: [],
        runId: null,
      });
      throw error;
    }
    return present((await assets.findById(assetId, undefined)) ?? family, await syncs.find(assetId));
  }

  return {
    /** False without OPS credentials: nothing is synced. */
    isEnabled: client.isEnabled,
    disabledReason: client.disabledReason,

    /** The family's last sync with OPS, and when the next is due. */
    async get(actor: Actor, assetId: string): Promise<FamilySync> {
      const family = await visibleFamily(actor, assetId);
      return present(family, await syncs.find(assetId));
    },

    /** "Sync now": asks OPS afresh (no cached answer) about every application of the family, and answers when done. */
    async syncNow(actor: Actor, assetId: string): Promise<FamilySync> {
      requireRole(actor, 'admin', 'officer');
      const family = await visibleFamily(actor, assetId);
      requireManageSchool(actor, family.asset.schoolId);
      return sync(actor, family, { fresh: true });
    },

    /**
     * The scheduled sync: up to `limit` families whose last sync is older than the interval (every live
     * family with `everyFamily`), the longest waiting first, with answers from the cache while they are
     * recent enough (asked afresh with `fresh`). Or the families named (`assetIds`, by `valo ops sync`).
     * Stops at the first family OPS could not be asked for (quota, credentials, unreachable): the next
     * tick tries again. `onFamily` hears of each family as it ends.
     */
    async syncDue(
      limit: number,
      options: { everyFamily?: boolean; fresh?: boolean; assetIds?: string[]; onFamily?: (done: number, total: number, family: DueSyncReport['families'][number]) => void } = {},
    ): Promise<DueSyncReport> {
      const report: DueSyncReport = { families: [], stoppedBy: null, usage: client.usage() };
      if (!client.isEnabled || limit <= 0) return report;
      const before = options.everyFamily ? null : new Date(clock.now().getTime() - intervalMs).toISOString();
      const assetIds = options.assetIds ?? (await syncs.due(before, limit));
      for (const assetId of assetIds) {
        const family = await assets.findById(assetId, undefined);
        if (!family) continue;
        let ended: DueSyncReport['families'][number];
        try {
          const result = await sync(systemActor, family, { fresh: options.fresh });
          ended = { assetId, status: result.status, message: result.message };
          if (result.status === 'failed') report.stoppedBy = result.message;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ended = { assetId, status: 'failed', message };
          logger?.error('OPS sync of a family failed', { assetId, error: message });
          // Another server syncing the same family is no reason to stop; anything else is.
          if (!(error instanceof DomainError && error.kind === 'conflict')) report.stoppedBy = message;
        }
        report.families.push(ended);
        options.onFamily?.(report.families.length, assetIds.length, ended);
        if (report.stoppedBy !== null) break;
      }
      return { ...report, usage: client.usage() };
    },

    /** The patent families named by id or by reference (`NE-EP-007`), for `valo ops sync`; the names not found are listed. */
    async familiesNamed(names: string[]): Promise<{ assetIds: string[]; unknown: string[] }> {
      const found = await syncs.familiesNamed(names);
      return { assetIds: names.flatMap((name) => found.get(name) ?? []), unknown: names.filter((name) => !found.has(name)) };
    },
  };
}
export type OpsSyncService = ReturnType<typeof createOpsSyncService>;
