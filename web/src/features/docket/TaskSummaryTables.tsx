import type { TaskCounts, TaskSummary } from '#core/docket/docket-task';
import { toQueryString } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';

interface CountsRow extends TaskCounts {
  key: string;
  label: string;
  /** The list filter that shows this row's tasks. */
  filter: Record<string, string>;
}

function CountsTable({ caption, header, rows, total }: { caption: string; header: string; rows: readonly CountsRow[]; total: TaskCounts }) {
  const { t, formatNumber } = useI18n();
  const cell = (row: CountsRow, view: 'overdue' | 'due30' | 'due90', value: number) =>
    value === 0 ? (
      formatNumber(0)
    ) : (
      <Link to={`/deadlines${toQueryString({ view, ...row.filter })}`} aria-label={`${formatNumber(value)} — ${row.label} — ${t(`docket.view.${view}`)}`}>
        {formatNumber(value)}
      </Link>
    );
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="numeric">
              {t('docket.view.overdue')}
            </th>
            <th scope="col" className="numeric">
              {t('docket.view.due30')}
            </th>
            <th scope="col" className="numeric">
              {t('docket.view.due90')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="empty">
                {t('ui.noResults')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{cell(row, 'overdue', row.overdue)}</td>
                <td className="numeric">{cell(row, 'due30', row.dueIn30)}</td>
                <td className="numeric">{cell(row, 'due90', row.dueIn90)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('home.total')}</th>
            <td className="numeric">{formatNumber(total.overdue)}</td>
            <td className="numeric">{formatNumber(total.dueIn30)}</td>
            <td className="numeric">{formatNumber(total.dueIn90)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Open deadlines counted per school and per assignee: overdue, due within 30 days, within 90 (the 30 included). */
export function TaskSummaryTables({ summary, myId }: { summary: TaskSummary; myId: string }) {
  const { t } = useI18n();
  const schools: CountsRow[] = summary.schools.map((row) => ({ ...row, key: row.schoolId, label: row.schoolName, filter: { schoolId: row.schoolId } }));
  const assignees: CountsRow[] = summary.assignees.map((row) => ({
    ...row,
    key: row.assigneeId ?? 'none',
    label: row.assigneeName ?? t('docket.unassigned'),
    filter: { assigneeId: row.assigneeId === null ? 'none' : row.assigneeId === myId ? 'me' : row.assigneeId },
  }));
  return (
    <div className="summary-grid">
      <CountsTable caption={t('docket.summaryBySchool')} header={t('common.school')} rows={schools} total={summary.total} />
      <CountsTable caption={t('docket.summaryByAssignee')} header={t('docket.assignee')} rows={assignees} total={summary.total} />
    </div>
  );
}
