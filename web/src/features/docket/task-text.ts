import type { DeadlineKind } from '#core/docket/docket-case';
import type { DocketTrigger } from '#core/docket/docket-rule';
import type { ProsecutionEventType, Task, TaskStatus } from '#core/docket/docket-task';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import { daysBetween } from './month-grid.ts';

/*
 * How a deadline reads on screen, in the office's own words. Each table is keyed by the core type, so
 * the compiler fails when core adds a kind, an event or a status without a label.
 */

export const deadlineKindLabels: Record<DeadlineKind, MessageKey> = {
  priority: 'deadlineKind.priority',
  publication: 'deadlineKind.publication',
  'national-phase': 'deadlineKind.national-phase',
  'regional-phase': 'deadlineKind.regional-phase',
  'examination-request': 'deadlineKind.examination-request',
  renewal: 'deadlineKind.renewal',
  'r71-3-reply': 'deadlineKind.r71-3-reply',
  'opposition-end': 'deadlineKind.opposition-end',
  validation: 'deadlineKind.validation',
  'unitary-effect-request': 'deadlineKind.unitary-effect-request',
  'maintenance-fee': 'deadlineKind.maintenance-fee',
  'search-report-reply': 'deadlineKind.search-report-reply',
  'co-owner-information': 'deadlineKind.co-owner-information',
  'abandonment-notice': 'deadlineKind.abandonment-notice',
  'classification-answer': 'deadlineKind.classification-answer',
  'attribution-claim': 'deadlineKind.attribution-claim',
};
export const deadlineKinds = Object.keys(deadlineKindLabels) as DeadlineKind[];

export const eventTypeLabels: Record<ProsecutionEventType, MessageKey> = {
  'search-report-published': 'eventType.search-report-published',
  'grant-published': 'eventType.grant-published',
  'r71-3-notified': 'eventType.r71-3-notified',
  'pct-filed': 'eventType.pct-filed',
  'search-report-notified': 'eventType.search-report-notified',
  'co-ownership-decision': 'eventType.co-ownership-decision',
  'abandonment-planned': 'eventType.abandonment-planned',
  'invention-declaration-received': 'eventType.invention-declaration-received',
};

/** What started a deadline's period: a date of the application, or one of its events. */
const triggerLabels: Record<DocketTrigger, MessageKey> = {
  filing: 'docket.trigger.filing',
  'earliest-priority': 'docket.trigger.earliest-priority',
  'pct-priority': 'docket.trigger.pct-priority',
  ...eventTypeLabels,
};

export function triggerText(t: Translate, type: string): string {
  const key = (triggerLabels as Record<string, MessageKey | undefined>)[type];
  return key ? t(key) : type;
}

export const taskStatusLabels: Record<TaskStatus, MessageKey> = {
  open: 'taskStatus.open',
  done: 'taskStatus.done',
  waived: 'taskStatus.waived',
  missed: 'taskStatus.missed',
};

/** The events an officer records by hand on an application of this office; `abandonment-planned` comes from the abandon action. */
export function recordableEvents(office: string): ProsecutionEventType[] {
  const all: ProsecutionEventType[] = [
    'search-report-published',
    'r71-3-notified',
    'grant-published',
    'pct-filed',
    'search-report-notified',
    'co-ownership-decision',
    'invention-declaration-received',
  ];
  return all.filter((type) => {
    if (type === 'search-report-published' || type === 'r71-3-notified') return office === 'EP';
    if (type === 'search-report-notified') return office === 'FR';
    if (type === 'pct-filed') return office !== 'WO';
    return true;
  });
}

/** "EP renewal, year 5", "US maintenance fee, 7.5 years", "Reply to the R.71(3) communication". */
export function taskWhat(t: Translate, task: Pick<Task, 'kind' | 'year' | 'office'>, formatNumber: (value: number) => string): string {
  const office = task.office ?? '';
  if (task.kind === 'renewal' && task.year !== null) return t('docket.what.renewal', { office, year: formatNumber(task.year) }).trim();
  if (task.kind === 'maintenance-fee' && task.year !== null) return t('docket.what.maintenance', { office, year: formatNumber(task.year) }).trim();
  return t(deadlineKindLabels[task.kind]);
}

/**
 * Where a deadline stands today, said in words (never by colour alone): overdue (past its last day),
 * in its grace period (past due, surcharge payable until the grace end), due in some days, or resolved.
 */
export type Urgency =
  | { kind: 'overdue' }
  | { kind: 'grace'; until: string }
  | { kind: 'due'; days: number }
  | { kind: 'resolved'; status: Exclude<TaskStatus, 'open'> };

export function urgencyOf(task: Pick<Task, 'status' | 'isOverdue' | 'due' | 'graceEnd'>, today: string): Urgency {
  if (task.status !== 'open') return { kind: 'resolved', status: task.status };
  if (task.isOverdue) return { kind: 'overdue' };
  const days = daysBetween(today, task.due);
  if (days < 0 && task.graceEnd !== null) return { kind: 'grace', until: task.graceEnd };
  return { kind: 'due', days: Math.max(0, days) };
}

export function urgencyText(t: Translate, urgency: Urgency): string {
  switch (urgency.kind) {
    case 'overdue':
      return t('docket.urgency.overdue');
    case 'grace':
      // The grace period's end is in its own column.
      return t('docket.urgency.grace');
    case 'due':
      if (urgency.days === 0) return t('docket.urgency.today');
      return urgency.days <= 90 ? t('docket.urgency.inDays', { days: urgency.days }) : t('docket.urgency.later');
    case 'resolved':
      return t(taskStatusLabels[urgency.status]);
  }
}
