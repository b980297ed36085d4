import { DeadlineKind } from '#core/docket/docket-case';
import type { Task } from '#core/docket/docket-task';
import type { TaskRecord } from './task.repository.ts';
import { lastDayOf } from './task-plan.ts';

/** The answer for a task, every field listed, so that a new column never leaks. */
export function presentTask(record: TaskRecord, today: string): Task {
  const { task } = record;
  return {
    id: task.id,
    assetId: task.assetId,
    assetTitle: record.assetTitle,
    assetReference: record.assetReference,
    schoolId: record.schoolId,
    schoolName: record.schoolName,
    applicationId: task.applicationId,
    office: record.office,
    applicationNumber: record.applicationNumber,
    kind: DeadlineKind.parse(task.kind),
    year: task.year,
    ruleId: task.ruleId,
    basis: task.basis,
    trigger: { type: task.triggerType, date: task.triggerDate },
    windowOpens: task.windowOpens,
    due: task.due,
    graceEnd: task.graceEnd,
    dueUnextended: task.dueUnextended,
    status: task.status,
    isOverdue: task.status === 'open' && lastDayOf(task) < today,
    resolvedOn: task.resolvedOn,
    resolvedAt: task.resolvedAt,
    resolvedById: task.resolvedBy,
    resolvedByName: record.resolvedByName,
    reason: task.reason,
    recomputedDue: task.recomputedDue,
    assigneeId: task.assigneeId,
    assigneeName: record.assigneeName,
    computedAt: task.computedAt,
    createdAt: task.createdAt,
  };
}
