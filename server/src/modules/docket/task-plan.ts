import type { FamilyDeadline } from '#core/docket/family-docket';
import type { deadlineTasks } from './docket.table.ts';

export type TaskRow = typeof deadlineTasks.$inferSelect;

/** The columns a computation sets; everything else (status, resolution, assignee) is a person's. */
export type ComputedColumns = Pick<
  TaskRow,
  'ruleId' | 'kind' | 'year' | 'basis' | 'triggerType' | 'triggerDate' | 'windowOpens' | 'due' | 'graceEnd' | 'dueUnextended'
>;

export interface TaskPlan {
  inserts: FamilyDeadline[];
  updates: { id: string; values: Partial<ComputedColumns> & Partial<Pick<TaskRow, 'recomputedDue' | 'status' | 'resolvedOn' | 'reason'>> }[];
  deletes: string[];
}

export function computedColumns({ deadline }: FamilyDeadline): ComputedColumns {
  return {
    ruleId: deadline.ruleId,
    kind: deadline.kind,
    year: deadline.year,
    basis: deadline.basis,
    triggerType: deadline.trigger.type,
    triggerDate: deadline.trigger.date,
    windowOpens: deadline.windowOpens,
    due: deadline.due,
    graceEnd: deadline.graceEnd,
    dueUnextended: deadline.dueUnextended,
  };
}

/** The last day to act: the end of the grace period when there is one, else the due date. */
export function lastDayOf(task: Pick<TaskRow, 'due' | 'graceEnd'>): string {
  return task.graceEnd ?? task.due;
}

/**
 * What to write so the stored tasks follow a new computation, matched by task key:
 * - a new deadline becomes an open task;
 * - an open task takes the new dates, and is done when the record shows the act (`metBy`);
 * - a resolved task (done, waived, missed) stays as it was resolved; when the computation moves its due
 *   date, the new date is noted in `recomputedDue` for a person to look at;
 * - a task no longer computed is deleted if open and kept if resolved. An open task already past of an
 *   application that is no longer live (abandoned, lapsed…) is kept too: it shows what was missed until an
 *   officer resolves it.
 */
export function planTasks(
  existing: TaskRow[],
  computed: FamilyDeadline[],
  context: { today: string; liveApplicationIds: ReadonlySet<string> },
): TaskPlan {
  const plan: TaskPlan = { inserts: [], updates: [], deletes: [] };
  const byKey = new Map(existing.map((task) => [task.taskKey, task]));
  for (const deadline of computed) {
    const task = byKey.get(deadline.key);
    byKey.delete(deadline.key);
    if (!task) {
      plan.inserts.push(deadline);
      continue;
    }
    const columns = computedColumns(deadline);
    if (task.status === 'open') {
      const changed = changedColumns(task, columns);
      const met = deadline.metBy ? { status: 'done' as const, resolvedOn: deadline.metBy.date, reason: deadline.metBy.reason } : null;
      if (changed || met) plan.updates.push({ id: task.id, values: { ...changed, ...met } });
      continue;
    }
    const recomputedDue = columns.due === task.due ? null : columns.due;
    if (recomputedDue !== task.recomputedDue) plan.updates.push({ id: task.id, values: { recomputedDue } });
  }
  for (const task of byKey.values()) {
    if (task.status !== 'open') continue;
    const isPastOfDeadApplication =
      task.applicationId !== null && !context.liveApplicationIds.has(task.applicationId) && lastDayOf(task) < context.today;
    if (!isPastOfDeadApplication) plan.deletes.push(task.id);
  }
  return plan;
}

function changedColumns(task: TaskRow, columns: ComputedColumns): Partial<ComputedColumns> | null {
  const changed: Partial<Record<keyof ComputedColumns, unknown>> = {};
  let any = false;
  for (const key of Object.keys(columns) as (keyof ComputedColumns)[]) {
    if (task[key] !== columns[key]) {
      changed[key] = columns[key];
      any = true;
    }
  }
  return any ? (changed as Partial<ComputedColumns>) : null;
}
