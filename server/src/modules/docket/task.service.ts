import type { ListQuery, Page } from '#core/common';
import type { Task, TaskAssigneeInput, TaskFilter, TaskResolveInput, TaskSummary } from '#core/docket/docket-task';
import { type Actor, requireManageSchool, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { toPage } from '../../platform/list.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import type { DocketRecompute } from './docket-recompute.ts';
import { recorderOf } from './prosecution-event.service.ts';
import { presentTask } from './task.presenter.ts';
import { type TaskRecord, type TaskRepository, sumCounts } from './task.repository.ts';

/**
 * Deadline tasks: whoever may see a family sees its tasks; admins and the officers of the family's
 * school resolve, reopen and assign them. Overdue is computed from today, never stored: a deadline is
 * recorded as missed only by an officer, with a reason.
 */
export function createTaskService(deps: { db: Db; tasks: TaskRepository; recompute: DocketRecompute; clock: Clock }) {
  const { db, tasks, recompute, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  async function getWritable(actor: Actor, id: string, tx: Db): Promise<TaskRecord> {
    const record = await tasks.findById(id, visibleAssets(actor), tx);
    if (!record) throw DomainError.notFound('task', id);
    requireManageSchool(actor, record.schoolId);
    return record;
  }

  async function reload(id: string, tx: Db): Promise<Task> {
    const record = await tasks.findById(id, undefined, tx);
    if (!record) throw DomainError.notFound('task', id);
    return presentTask(record, today());
  }

  return {
    async list(actor: Actor, filter: TaskFilter, query: ListQuery): Promise<Page<Task>> {
      const assigneeId = filter.assigneeId === 'me' ? actor.userId : filter.assigneeId;
      const day = today();
      const { records, total } = await tasks.list(visibleAssets(actor), { ...filter, assigneeId }, query, day);
      return toPage(
        records.map((record) => presentTask(record, day)),
        total,
        query,
      );
    },

    async get(actor: Actor, id: string): Promise<Task> {
      const record = await tasks.findById(id, visibleAssets(actor));
      if (!record) throw DomainError.notFound('task', id);
      return presentTask(record, today());
    },

    async summary(actor: Actor): Promise<TaskSummary> {
      const { schools, assignees } = await tasks.summary(visibleAssets(actor), today());
      return { total: sumCounts(schools), schools, assignees };
    },

    async resolve(actor: Actor, id: string, input: TaskResolveInput): Promise<Task> {
      requireRole(actor, 'admin', 'officer');
      const day = today();
      const resolvedOn = input.resolvedOn ?? day;
      if (resolvedOn > day) throw DomainError.invalid('resolvedOn', `must not be after today (${day})`);
      return db.transaction(async (tx) => {
        const record = await getWritable(actor, id, tx);
        if (record.task.status !== 'open') throw DomainError.conflict('status', `is already ${record.task.status}: reopen the task first`);
        await tasks.update(
          id,
          {
            status: input.status,
            resolvedOn,
            resolvedAt: clock.now().toISOString(),
            resolvedBy: recorderOf(actor),
            reason: input.reason === '' ? null : input.reason,
            recomputedDue: null,
          },
          tx,
        );
        return reload(id, tx);
      });
    },

    /** Back to open, taking the dates of today's computation (they may have moved since it was resolved). */
    async reopen(actor: Actor, id: string): Promise<Task> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const record = await getWritable(actor, id, tx);
        if (record.task.status === 'open') throw DomainError.conflict('status', 'is open already');
        await tasks.update(id, { status: 'open', resolvedOn: null, resolvedAt: null, resolvedBy: null, reason: null, recomputedDue: null }, tx);
        await recompute.recomputeAsset(record.task.assetId, tx);
        if (!(await tasks.findById(id, undefined, tx))) {
          throw DomainError.conflict('id', 'no longer applies to the family as it is now, so it stays resolved');
        }
        return reload(id, tx);
      });
    },

    async assign(actor: Actor, id: string, input: TaskAssigneeInput): Promise<Task> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const record = await getWritable(actor, id, tx);
        if (input.assigneeId !== null) {
          const assignee = await tasks.findAssignable(input.assigneeId, tx);
          if (!assignee) throw DomainError.invalid('assigneeId', 'must be an active officer or admin');
          if (assignee.role === 'officer' && assignee.schoolId !== null && assignee.schoolId !== record.schoolId) {
            throw DomainError.invalid('assigneeId', "works for another school's TTO");
          }
        }
        await tasks.update(id, { assigneeId: input.assigneeId }, tx);
        return reload(id, tx);
      });
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;
