import type { Task } from '#core/docket/docket-task';
import { useT } from '../../i18n/i18n.tsx';
import { urgencyOf, urgencyText } from './task-text.ts';

/** Where a deadline stands, in words with a mark: overdue and grace periods never rely on colour alone. */
export function UrgencyBadge({ task, today }: { task: Pick<Task, 'status' | 'isOverdue' | 'due' | 'graceEnd'>; today: string }) {
  const t = useT();
  const urgency = urgencyOf(task, today);
  const tone = urgency.kind === 'resolved' ? `resolved-${urgency.status}` : urgency.kind === 'due' && urgency.days <= 30 ? 'soon' : urgency.kind;
  const mark = urgency.kind === 'overdue' ? '⚠' : urgency.kind === 'grace' ? '◔' : urgency.kind === 'resolved' ? (urgency.status === 'done' ? '✓' : '✕') : null;
  return (
    <span className={`urgency urgency-${tone}`}>
      {mark && <span aria-hidden="true">{mark} </span>}
      {urgencyText(t, urgency)}
    </span>
  );
}
