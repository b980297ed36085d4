import { describe, expect, it } from 'vitest';
import type { FamilyDeadline } from '#core/docket/family-docket';
import { docketFamily } from '#core/docket/family-docket';
import { type TaskRow, computedColumns, planTasks } from './task-plan.ts';

const stamp = '2026-03-02T09:00:00.000Z';
const context = { today: '2026-03-02', liveApplicationIds: new Set(['ep']) };

/** The EP application's deadlines, with an R.71(3) communication notified on `notified`. */
function computed(notified: string): FamilyDeadline[] {
  return docketFamily({
    assetId: 'asset',
    applications: [{ id: 'ep', office: 'EP', filingDate: '2024-05-15', isLive: true, grantDate: null, priorityDates: [], events: [{ type: 'r71-3-notified', date: notified }] }],
  });
}

function stored(deadline: FamilyDeadline, overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    id: `task-${deadline.key}`,
    assetId: deadline.assetId,
    applicationId: deadline.applicationId,
    taskKey: deadline.key,
    ...computedColumns(deadline),
    status: 'open',
    resolvedOn: null,
    resolvedAt: null,
    resolvedBy: null,
    reason: null,
    recomputedDue: null,
    assigneeId: null,
    computedAt: stamp,
    createdAt: stamp,
    ...overrides,
  };
}

const reply = (deadlines: FamilyDeadline[]) => deadlines.find((entry) => entry.deadline.kind === 'r71-3-reply')!;

describe('planning the tasks of a new computation', () => {
  it('inserts every deadline of a family that has no tasks yet', () => {
    const deadlines = computed('2026-01-10');
    expect(planTasks([], deadlines, context)).toEqual({ inserts: deadlines, updates: [], deletes: [] });
  });

  it('writes nothing when the computation gives the same dates', () => {
    const deadlines = computed('2026-01-10');
    expect(planTasks(deadlines.map((entry) => stored(entry)), deadlines, context)).toEqual({ inserts: [], updates: [], deletes: [] });
  });

  it('moves an open task to the corrected dates', () => {
    const task = stored(reply(computed('2026-01-10')));
    const plan = planTasks([task], [reply(computed('2026-01-20'))], context);
    expect(plan.updates).toEqual([{ id: task.id, values: { triggerDate: '2026-01-20', due: '2026-05-20', dueUnextended: '2026-05-20' } }]);
  });

  it('leaves a done task as it was, noting the new due date, and clears the note when the date comes back', () => {
    const task = stored(reply(computed('2026-01-10')), { status: 'done', resolvedAt: stamp });
    const moved = planTasks([task], [reply(computed('2026-01-20'))], context);
    expect(moved.updates).toEqual([{ id: task.id, values: { recomputedDue: '2026-05-20' } }]);
    const back = planTasks([{ ...task, recomputedDue: '2026-05-20' }], [reply(computed('2026-01-10'))], context);
    expect(back.updates).toEqual([{ id: task.id, values: { recomputedDue: null } }]);
  });

  it('deletes open tasks no longer computed and keeps resolved ones', () => {
    const open = stored(reply(computed('2026-01-10')));
    const waived = stored(reply(computed('2026-01-10')), { id: 'waived', taskKey: 'other', status: 'waived', resolvedAt: stamp });
    expect(planTasks([open, waived], [], context).deletes).toEqual([open.id]);
  });

  it('keeps an overdue open task of an application no longer live, and drops its future ones', () => {
    const past = stored(reply(computed('2025-06-02')));
    const future = stored(reply(computed('2026-01-10')), { id: 'future', taskKey: 'future' });
    const plan = planTasks([past, future], [], { today: '2026-03-02', liveApplicationIds: new Set() });
    expect(plan.deletes).toEqual(['future']);
  });
});
