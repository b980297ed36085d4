import { useState } from 'react';
import type { Page } from '#core/common';
import type { Task } from '#core/docket/docket-task';
import { api, toQueryString } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useSearchParams } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { downloadCsv, toCsv } from '../../ui/csv.ts';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { fetchAllTasks, useTaskSummary } from './docket-api.ts';
import { assigneeOptions, taskCsvRows } from './task-csv.ts';
import { TaskSummaryTables } from './TaskSummaryTables.tsx';
import { TaskTable } from './TaskTable.tsx';
import { deadlineKindLabels, deadlineKinds, taskStatusLabels } from './task-text.ts';
import { type TaskView, defaultSort, resolutionOf, resolutions, taskFilterNames, taskViews, viewOf, viewQuery } from './task-views.ts';
import './docket.css';

const PAGE_SIZE = 25;
const DOCKET_OFFICES = ['FR', 'EP', 'WO', 'US'];

/**
 * The deadlines the reader may see: quick views (overdue, due within 30 or 90 days, every open one,
 * the resolved ones), filters and search in the address bar, sorted by due date, with the actions of
 * an officer on each, a CSV export, and the counts per school and per assignee.
 */
export function DeadlinesPage() {
  const { t, lang, formatNumber } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const [search, setSearch] = useSearchParams();
  const [version, setVersion] = useState(0);
  const [isExporting, setIsExporting] = useState(false);

  const view = viewOf(search.get('view'));
  const resolution = resolutionOf(search.get('resolution'));
  const filters: Record<string, string> = {};
  for (const name of taskFilterNames) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  const q = search.get('q') ?? '';
  const sort = search.get('sort') ?? defaultSort(view);
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const query = { ...viewQuery(view, resolution), ...filters, q, sort };
  const params = { ...query, offset, limit: PAGE_SIZE };
  const loadPage = (): Promise<Page<Task>> => api.list<Task>('/api/tasks', params);
  const page = useResource(`/api/tasks${toQueryString(params)}#${version}`, loadPage);
  const shown = page.data ?? (page.state === 'loading' ? page.stale : null);
  const summary = useTaskSummary(version);
  const people = assigneeOptions(t, user, summary.data);
  const canAct = canWrite(user, 'families');

  const viewLink = (next: TaskView) => {
    const kept = new URLSearchParams(search);
    for (const key of ['view', 'offset', 'sort', 'resolution']) kept.delete(key);
    if (next !== 'open') kept.set('view', next);
    const text = kept.toString();
    return `/deadlines${text ? `?${text}` : ''}`;
  };

  const exportCsv = async () => {
    setIsExporting(true);
    try {
      const tasks = await fetchAllTasks(query);
      // French spreadsheets split on semicolons, English ones on commas.
      downloadCsv(`deadlines-${view}.csv`, toCsv(taskCsvRows(t, tasks, (value) => formatNumber(value)), lang === 'fr' ? ';' : ','));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <section className="deadlines" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('docket.title')}</h1>
        <div className="page-actions">
          <Link to="/calendar" className="button button-secondary">
            {t('nav.calendar')}
          </Link>
          <Button onClick={() => void exportCsv()} disabled={isExporting || !shown || shown.total === 0}>
            {t('ui.exportCsv')}
          </Button>
        </div>
      </div>
      <nav aria-label={t('docket.views')} className="view-tabs">
        <ul>
          {taskViews.map((name) => (
            <li key={name}>
              <Link to={viewLink(name)} aria-current={view === name ? 'page' : undefined}>
                {t(`docket.view.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="toolbar">
        <SearchBox label={t('docket.search')} value={q} onSearch={(text) => setSearch({ q: text.trim() || null, offset: null }, { replace: true })} />
        {view === 'done' && (
          <SelectField
            path="filter-resolution"
            label={t('docket.resolution')}
            value={resolution}
            options={resolutions.map((value) => ({ value, label: t(taskStatusLabels[value]) }))}
            onChange={(value) => setSearch({ resolution: value === 'done' ? null : value, offset: null })}
          />
        )}
        <SelectField path="filter-school" label={t('common.school')} value={filters.schoolId ?? ''} emptyLabel={t('ui.all')} options={schools} onChange={(value) => setSearch({ schoolId: value, offset: null })} />
        <SelectField
          path="filter-assignee"
          label={t('docket.assignee')}
          value={filters.assigneeId ?? ''}
          emptyLabel={t('ui.all')}
          options={[
            { value: 'me', label: t('docket.mine') },
            { value: 'none', label: t('docket.unassigned') },
            ...people.filter((person) => person.value !== user.id),
          ]}
          onChange={(value) => setSearch({ assigneeId: value, offset: null })}
        />
        <SelectField
          path="filter-kind"
          label={t('docket.kind')}
          value={filters.kind ?? ''}
          emptyLabel={t('ui.all')}
          options={deadlineKinds.map((kind) => ({ value: kind, label: t(deadlineKindLabels[kind]) }))}
          onChange={(value) => setSearch({ kind: value, offset: null })}
        />
        <SelectField
          path="filter-office"
          label={t('family.office')}
          value={filters.office ?? ''}
          emptyLabel={t('ui.all')}
          options={DOCKET_OFFICES.map((code) => ({ value: code, label: code }))}
          onChange={(value) => setSearch({ office: value, offset: null })}
        />
      </div>
      <p className="list-count" role="status" aria-live="polite">
        {shown ? t('ui.resultCount', { count: formatNumber(shown.total) }) : ''}
        {page.state === 'loading' && shown ? ` — ${t('ui.loading')}` : ''}
      </p>
      {page.state === 'failed' && <Notice tone="error">{errorText(t, page.error)}</Notice>}
      {!shown && page.state !== 'failed' && <Loading label={t('ui.loading')} />}
      {shown && (
        <>
          <TaskTable
            caption={`${t('docket.title')} — ${t(`docket.view.${view}`)}`}
            tasks={shown.items}
            showFamily
            canAct={canAct}
            people={people}
            sort={sort}
            onSort={(next) => setSearch({ sort: next, offset: null })}
            onChanged={() => setVersion((value) => value + 1)}
            emptyText={t('docket.noTasks')}
          />
          <Pagination total={shown.total} limit={shown.limit} offset={shown.offset} onChange={(next) => setSearch({ offset: next > 0 ? String(next) : null })} />
        </>
      )}
      <section aria-labelledby="summary-title" className="panel">
        <h2 id="summary-title">{t('docket.summary')}</h2>
        <p className="muted">{t('docket.summaryHint')}</p>
        {summary.state === 'ready' ? <TaskSummaryTables summary={summary.data} myId={user.id} /> : <Loading label={t('ui.loading')} />}
      </section>
    </section>
  );
}
