import { randomUUID } from 'node:crypto';
import { docketFamily } from '#core/docket/family-docket';
import { type Actor, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, inOrder } from '../../platform/db.ts';
import { type DocketRepository, groupBy } from './docket.repository.ts';
import { type TaskRow, computedColumns, planTasks } from './task-plan.ts';

export interface RecomputeSummary {
  families: number;
  inserted: number;
  updated: number;
  deleted: number;
}

/** Families per transaction when the whole docket is recomputed. */
const PAGE = 500;

/**
 * Keeps the deadline tasks in step with the applications and their events. Called inside the
 * transaction that changed them (an asset saved, an event recorded), so a failed write leaves the tasks
 * as they were.
 */
export function createDocketRecompute(deps: { db: Db; docket: DocketRepository; clock: Clock }) {
  const { db, docket, clock } = deps;

  async function recomputeAssets(assetIds: string[], tx: Db): Promise<RecomputeSummary> {
    const now = clock.now().toISOString();
    const today = now.slice(0, 10);
    const contexts = await docket.loadFamilies(assetIds, tx);
    const familyIds = contexts.map((context) => context.family.assetId);
    const schoolIds = [...new Set(contexts.map((context) => context.schoolId))];
    const [existing, officers] = await inOrder([docket.tasksOfAssets(familyIds, tx), docket.soleOfficers(schoolIds, tx)]);
    const existingOf = groupBy(existing, (task) => task.assetId);
    const summary: RecomputeSummary = { families: contexts.length, inserted: 0, updated: 0, deleted: 0 };
    const inserts: TaskRow[] = [];
    const deletes: string[] = [];
    for (const { family, schoolId } of contexts) {
      const liveApplicationIds = new Set(family.applications.filter((application) => application.isLive).map((application) => application.id));
      const plan = planTasks(existingOf.get(family.assetId) ?? [], docketFamily(family), { today, liveApplicationIds });
      for (const deadline of plan.inserts) {
        inserts.push({
          id: randomUUID(),
          assetId: deadline.assetId,
          applicationId: deadline.applicationId,
          taskKey: deadline.key,
          ...computedColumns(deadline),
          status: deadline.metBy ? 'done' : 'open',
          resolvedOn: deadline.metBy?.date ?? null,
          resolvedAt: deadline.metBy ? now : null,
          resolvedBy: null,
          reason: deadline.metBy?.reason ?? null,
          recomputedDue: null,
          assigneeId: officers.get(schoolId) ?? null,
          computedAt: now,
          createdAt: now,
        });
      }
      for (const update of plan.updates) {
        // A deadline the record now shows as met is resolved now (deadline_tasks_resolution_check).
        const resolved = update.values.status === 'done' ? { resolvedAt: now } : {};
        await docket.updateTask(update.id, { ...update.values, ...resolved, computedAt: now }, tx);
      }
      deletes.push(...plan.deletes);
      summary.updated += plan.updates.length;
    }
    await docket.deleteTasks(deletes, tx);
    await docket.insertTasks(inserts, tx);
    summary.inserted = inserts.length;
    summary.deleted = deletes.length;
    return summary;
  }

  return {
    /** Recomputes one asset's tasks inside the caller's transaction (nothing for an asset that is not a patent family). */
    async recomputeAsset(assetId: string, tx: Db): Promise<RecomputeSummary> {
      return recomputeAssets([assetId], tx);
    },

    recomputeAssets,

    /** Recomputes every family, a page of families per transaction: after loading data written around the services. */
    async recomputeAll(actor: Actor, onProgress?: (families: number) => void): Promise<RecomputeSummary> {
      requireRole(actor, 'admin');
      const total: RecomputeSummary = { families: 0, inserted: 0, updated: 0, deleted: 0 };
      let after: string | null = null;
      for (;;) {
        const ids = await docket.familyIdsAfter(after, PAGE);
        if (ids.length === 0) return total;
        const page = await db.transaction((tx) => recomputeAssets(ids, tx));
        total.families += page.families;
        total.inserted += page.inserted;
        total.updated += page.updated;
        total.deleted += page.deleted;
        onProgress?.(total.families);
        after = ids[ids.length - 1] ?? null;
      }
    },
  };
}
export type DocketRecompute = ReturnType<typeof createDocketRecompute>;
