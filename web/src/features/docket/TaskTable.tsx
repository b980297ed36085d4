import { useEffect, useRef, useState } from 'react';
import type { Task } from '#core/docket/docket-task';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { Option } from '../../ui/Select.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { docketApi } from './docket-api.ts';
import { localToday } from './month-grid.ts';
import { ResolveDialog } from './ResolveDialog.tsx';
import { TaskBasis } from './TaskBasis.tsx';
import { UrgencyBadge } from './UrgencyBadge.tsx';
import { taskWhat } from './task-text.ts';

interface TaskTableProps {
  caption: string;
  tasks: readonly Task[];
  /** The family columns: shown on the deadlines page, left out on a family's own page. */
  showFamily: boolean;
  canAct: boolean;
  /** Who a task may be given to (besides nobody). */
  people: readonly Option[];
  sort?: string;
  onSort?: (sort: string) => void;
  onChanged: (task: Task) => void;
  emptyText: string;
}

type Dialog = { action: 'resolve' | 'assign'; task: Task } | null;

/** Deadlines, one row each: where they stand, their dates, what they are about, and what an officer can do with them. */
export function TaskTable({ caption, tasks, showFamily, canAct, people, sort, onSort, onChanged, emptyText }: TaskTableProps) {
  const { t, formatDate, formatNumber } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ text: string; count: number } | null>(null);
  const message = useRef<HTMLDivElement>(null);

  // The row acted on may leave the list (a resolved task leaves the open ones): the focus goes to the
  // message that says what was done, rather than to nowhere.
  useEffect(() => {
    if (done) message.current?.focus();
  }, [done]);
  const today = localToday(new Date());

  const finished = (text: string) => (task: Task) => {
    setDialog(null);
    setFailure(null);
    setDone((previous) => ({ text, count: (previous?.count ?? 0) + 1 }));
    onChanged(task);
  };

  const reopen = (task: Task) => {
    docketApi.reopen(task.id).then(finished(t('docket.reopened', { what: taskWhat(t, task, formatNumber) })), (error: unknown) =>
      setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  const columns: Column<Task>[] = [
    { key: 'urgency', header: t('docket.state'), render: (task) => <UrgencyBadge task={task} today={today} /> },
    {
      key: 'due',
      header: t('docket.due'),
      sortKey: onSort ? 'due' : undefined,
      render: (task) => (
        <>
          <span className="nowrap">{formatDate(task.due)}</span>
          {task.recomputedDue && <div className="muted small">{t('docket.recomputedDue', { date: formatDate(task.recomputedDue) })}</div>}
        </>
      ),
    },
    { key: 'graceEnd', header: t('docket.graceEnd'), sortKey: onSort ? 'graceEnd' : undefined, render: (task) => <span className="nowrap">{formatDate(task.graceEnd) || '—'}</span> },
    {
      key: 'what',
      header: t('docket.what'),
      render: (task) => (
        <>
          <span className="task-what">{taskWhat(t, task, formatNumber)}</span>
          <TaskBasis task={task} />
        </>
      ),
    },
    {
      key: 'subject',
      header: showFamily ? t('docket.subject') : t('family.applicationNumber'),
      render: (task) => (
        <>
          {showFamily && (
            <Link to={`/families/${task.assetId}`} className="task-family">
              {task.assetReference ?? task.assetTitle}
            </Link>
          )}
          {showFamily && task.assetReference && (
            <div className="task-family-title" title={task.assetTitle}>
              {task.assetTitle}
            </div>
          )}
          {task.applicationId ? (
            <Link className="mono nowrap" to={`/families/${task.assetId}#application-${task.applicationId}`}>
              {task.applicationNumber}
            </Link>
          ) : (
            <span className="muted">{t('docket.wholeFamily')}</span>
          )}
        </>
      ),
    },
    ...(showFamily ? [{ key: 'school', header: t('common.school'), render: (task: Task) => task.schoolName }] : []),
    {
      key: 'assignee',
      header: t('docket.assignee'),
      render: (task) => task.assigneeName ?? <span className="muted">{t('docket.unassigned')}</span>,
    },
    ...(canAct
      ? [
          {
            key: 'actions',
            header: t('docket.actions'),
            render: (task: Task) => {
              const what = `${taskWhat(t, task, formatNumber)}, ${task.applicationNumber ?? task.assetTitle}, ${formatDate(task.due)}`;
              return task.status === 'open' ? (
                <div className="row-actions">
                  <Button onClick={() => setDialog({ action: 'resolve', task })} aria-label={`${t('docket.resolveAction')} — ${what}`}>
                    {t('docket.resolveAction')}
                  </Button>
                  <Button variant="quiet" onClick={() => setDialog({ action: 'assign', task })} aria-label={`${t('docket.assignAction')} — ${what}`}>
                    {t('docket.assignAction')}
                  </Button>
                </div>
              ) : (
                <Button variant="quiet" onClick={() => reopen(task)} aria-label={`${t('docket.reopen')} — ${what}`}>
                  {t('docket.reopen')}
                </Button>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      <div role="status" tabIndex={-1} ref={message} className={done ? 'notice notice-success' : 'visually-hidden'}>
        {done?.text ?? ''}
      </div>
      <div className="task-table">
        <Table caption={caption} columns={columns} rows={tasks} rowKey={(task) => task.id} sort={sort} onSort={onSort} emptyText={emptyText} />
      </div>
      {dialog?.action === 'resolve' && (
        <ResolveDialog task={dialog.task} onClose={() => setDialog(null)} onResolved={finished(t('docket.resolved', { what: taskWhat(t, dialog.task, formatNumber) }))} />
      )}
      {dialog?.action === 'assign' && (
        <AssignDialog task={dialog.task} people={people} onClose={() => setDialog(null)} onAssigned={finished(t('docket.assigned', { what: taskWhat(t, dialog.task, formatNumber) }))} />
      )}
    </>
  );
}
