import type { Task } from '#core/docket/docket-task';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { taskWhat } from './task-text.ts';

/** The deadlines of one day as a plain list: what, on which application of which family, for whom. */
export function DayTaskList({ tasks, emptyText }: { tasks: readonly Task[]; emptyText: string }) {
  const { t, formatNumber } = useI18n();
  if (tasks.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="day-list">
      {tasks.map((task) => (
        <li key={task.id}>
          {task.isOverdue && <strong className="urgency urgency-overdue">⚠ {t('docket.urgency.overdue')}</strong>} <strong>{taskWhat(t, task, formatNumber)}</strong>
          {' — '}
          <Link to={`/families/${task.assetId}`}>{task.assetReference ?? task.assetTitle}</Link>
          {task.applicationNumber && <span className="mono"> {task.applicationNumber}</span>}
          <span className="muted">
            {' — '}
            {task.schoolName}
            {' — '}
            {task.assigneeName ?? t('docket.unassigned')}
          </span>
        </li>
      ))}
    </ul>
  );
}
