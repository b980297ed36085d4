import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TaskChange } from './task-diff.ts';
import { hasChanges } from './task-diff.ts';
import { taskWhat } from './task-text.ts';

/**
 * What an event changed in the family's deadlines, said right where the officer recorded it: the
 * deadlines added, those that went and those whose date moved. It takes the focus, so a screen reader
 * reads it at once.
 */
export function TaskChangeNotice({ what, change }: { what: string; change: TaskChange }) {
  const { t, formatDate, formatNumber } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [change]);
  const line = (task: TaskChange['added'][number]) => `${taskWhat(t, task, formatNumber)}${task.applicationNumber ? ` (${task.applicationNumber})` : ''}`;
  return (
    <div className="notice notice-success task-change" role="status" tabIndex={-1} ref={ref}>
      <p>
        <strong>{what}</strong> {hasChanges(change) ? t('docket.effect.recomputed') : t('docket.effect.none')}
      </p>
      {change.added.length > 0 && (
        <>
          <p>{t('docket.effect.added', { count: formatNumber(change.added.length) })}</p>
          <ul>
            {change.added.map((task) => (
              <li key={task.id}>
                {line(task)} — {t('docket.due')} {formatDate(task.due)}
              </li>
            ))}
          </ul>
        </>
      )}
      {change.moved.length > 0 && (
        <>
          <p>{t('docket.effect.moved', { count: formatNumber(change.moved.length) })}</p>
          <ul>
            {change.moved.map(({ task, previousDue }) => (
              <li key={task.id}>
                {line(task)} — {formatDate(previousDue)} → {formatDate(task.due)}
              </li>
            ))}
          </ul>
        </>
      )}
      {change.removed.length > 0 && (
        <>
          <p>{t('docket.effect.removed', { count: formatNumber(change.removed.length) })}</p>
          <ul>
            {change.removed.map((task) => (
              <li key={task.id}>
                {line(task)} — {formatDate(task.due)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
