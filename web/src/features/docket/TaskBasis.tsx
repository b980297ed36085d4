import type { Task } from '#core/docket/docket-task';
import { useI18n } from '../../i18n/i18n.tsx';
import { triggerText } from './task-text.ts';

/**
 * The legal basis of a deadline and the dates behind it, folded under the task (a disclosure opens with
 * the keyboard too), with the basis also in the tooltip of its summary.
 */
export function TaskBasis({ task }: { task: Task }) {
  const { t, formatDate } = useI18n();
  return (
    <details className="task-basis">
      <summary title={task.basis}>{t('docket.basis')}</summary>
      <dl>
        <dt>{t('docket.basis')}</dt>
        <dd>{task.basis}</dd>
        <dt>{t('docket.trigger')}</dt>
        <dd>
          {triggerText(t, task.trigger.type)} — {formatDate(task.trigger.date)}
        </dd>
        {task.windowOpens && (
          <>
            <dt>{t('docket.windowOpens')}</dt>
            <dd>{formatDate(task.windowOpens)}</dd>
          </>
        )}
        {task.dueUnextended !== task.due && (
          <>
            <dt>{t('docket.dueUnextended')}</dt>
            <dd>{t('docket.dueUnextendedText', { date: formatDate(task.dueUnextended) })}</dd>
          </>
        )}
        {task.status !== 'open' && (
          <>
            <dt>{t('docket.resolution')}</dt>
            <dd>
              {t('docket.resolvedBy', { date: formatDate(task.resolvedOn), name: task.resolvedByName ?? '—' })}
              {task.reason && <> — {task.reason}</>}
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
