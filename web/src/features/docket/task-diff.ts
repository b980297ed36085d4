import type { Task } from '#core/docket/docket-task';

export interface TaskChange {
  added: Task[];
  removed: Task[];
  /** Tasks kept whose due date moved: the task as it is now, and the due date it had. */
  moved: { task: Task; previousDue: string }[];
}

/**
 * What a recomputation changed in a family's open deadlines, so the officer who recorded an event sees
 * its effect: deadlines that appeared, those that went, those whose date moved. Resolved tasks are left
 * out: they keep their dates.
 */
export function diffTasks(before: readonly Task[], after: readonly Task[]): TaskChange {
  const open = (tasks: readonly Task[]) => new Map(tasks.filter((task) => task.status === 'open').map((task) => [task.id, task]));
  const old = open(before);
  const now = open(after);
  const added = [...now.values()].filter((task) => !old.has(task.id));
  const removed = [...old.values()].filter((task) => !now.has(task.id));
  const moved = [...now.values()].flatMap((task) => {
    const previous = old.get(task.id);
    return previous && previous.due !== task.due ? [{ task, previousDue: previous.due }] : [];
  });
  const byDue = (a: Task, b: Task) => a.due.localeCompare(b.due);
  return { added: added.sort(byDue), removed: removed.sort(byDue), moved: moved.sort((a, b) => byDue(a.task, b.task)) };
}

export function hasChanges(change: TaskChange): boolean {
  return change.added.length + change.removed.length + change.moved.length > 0;
}
