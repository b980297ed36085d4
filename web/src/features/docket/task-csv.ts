import type { Task, TaskSummary } from '#core/docket/docket-task';
import type { Translate } from '../../i18n/i18n.tsx';
import type { Option } from '../../ui/Select.tsx';
import type { CsvCell } from '../../ui/csv.ts';
import { taskStatusLabels, taskWhat } from './task-text.ts';

/**
 * The deadlines as a spreadsheet: one row per task, dates as ISO dates (a spreadsheet sorts them), and
 * every field an officer filters on.
 */
export function taskCsvRows(t: Translate, tasks: readonly Task[], formatNumber: (value: number) => string): CsvCell[][] {
  const header = [
    t('docket.due'),
    t('docket.graceEnd'),
    t('common.status'),
    t('docket.overdue'),
    t('docket.what'),
    t('common.reference'),
    t('family.one'),
    t('family.office'),
    t('family.applicationNumber'),
    t('common.school'),
    t('docket.assignee'),
    t('docket.basis'),
    t('docket.resolvedOn'),
    t('docket.resolve.reason'),
  ];
  const rows = tasks.map((task) => [
    task.due,
    task.graceEnd,
    t(taskStatusLabels[task.status]),
    task.isOverdue ? t('common.yes') : t('common.no'),
    taskWhat(t, task, formatNumber),
    task.assetReference,
    task.assetTitle,
    task.office,
    task.applicationNumber,
    task.schoolName,
    task.assigneeName,
    task.basis,
    task.resolvedOn,
    task.reason,
  ]);
  return [header, ...rows];
}

/** Whom a deadline may be given to: the reader first, then those who already hold deadlines. */
export function assigneeOptions(t: Translate, me: { id: string; displayName: string }, summary: TaskSummary | null): Option[] {
  const others = (summary?.assignees ?? [])
    .filter((row): row is typeof row & { assigneeId: string } => row.assigneeId !== null && row.assigneeId !== me.id)
    .map((row) => ({ value: row.assigneeId, label: row.assigneeName ?? row.assigneeId }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [{ value: me.id, label: t('docket.meNamed', { name: me.displayName }) }, ...others];
}
