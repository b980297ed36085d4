import { useState } from 'react';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSearchParams } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { DayTaskList } from './DayTaskList.tsx';
import { DigestPanel } from './DigestPanel.tsx';
import { docketApi, fetchAllTasks } from './docket-api.ts';
import { addDays, addMonths, firstOfMonth, groupByDate, isMonth, localToday, monthOf } from './month-grid.ts';
import { MonthGrid } from './MonthGrid.tsx';
import { SubscribePanel } from './SubscribePanel.tsx';
import './docket.css';

/**
 * The open deadlines on a month calendar (or as a list, which reads better with a screen reader), the
 * personal calendar feed to subscribe to, and the daily digest.
 */
export function CalendarPage() {
  const { t, lang, formatDate } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const [search, setSearch] = useSearchParams();
  const today = localToday(new Date());
  const asked = search.get('month');
  const month = isMonth(asked) ? asked : monthOf(today);
  const isList = search.get('mode') === 'list';
  const schoolId = search.get('schoolId') ?? '';
  const isMine = search.get('mine') === '1';
  const [selection, setSelection] = useState<{ date: string; byKeyboard: boolean } | null>(null);
  const selected = selection && monthOf(selection.date) === month ? selection.date : monthOf(today) === month ? today : firstOfMonth(month);

  // The month's open deadlines only: the API takes the date range.
  const query = {
    status: 'open',
    sort: 'due',
    dueFrom: firstOfMonth(month),
    dueTo: addDays(addMonths(firstOfMonth(month), 1), -1),
    schoolId: schoolId || undefined,
    assigneeId: isMine ? 'me' : undefined,
  };
  const tasks = useResource(`calendar:${month}:${schoolId}:${isMine}`, () => fetchAllTasks(query));
  const settings = useResource('/api/me/digest', docketApi.digest);
  const byDate = groupByDate(tasks.data ?? [], (task) => task.due);
  const monthTitle = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const inMonth = [...byDate.entries()].filter(([date]) => monthOf(date) === month).sort(([a], [b]) => a.localeCompare(b));

  const goTo = (date: string, byKeyboard: boolean) => {
    setSelection({ date, byKeyboard });
    if (monthOf(date) !== month) setSearch({ month: monthOf(date) }, { replace: byKeyboard });
  };
  const goToMonth = (next: string) => {
    setSelection(null);
    setSearch({ month: next === monthOf(today) ? null : next });
  };

  return (
    <section className="calendar-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('calendar.title')}</h1>
        <div className="page-actions" role="group" aria-label={t('calendar.display')}>
          <Button aria-pressed={!isList} onClick={() => setSearch({ mode: null })}>
            {t('calendar.gridView')}
          </Button>
          <Button aria-pressed={isList} onClick={() => setSearch({ mode: 'list' })}>
            {t('calendar.listView')}
          </Button>
        </div>
      </div>
      <p className="lede">{t('calendar.intro')}</p>
      <div className="toolbar">
        <SelectField path="calendar-school" label={t('common.school')} value={schoolId} emptyLabel={t('ui.all')} options={schools} onChange={(value) => setSearch({ schoolId: value })} />
        <CheckboxField path="calendar-mine" label={t('calendar.onlyMine')} checked={isMine} onChange={(checked) => setSearch({ mine: checked ? '1' : null })} />
      </div>
      <div className="month-nav">
        <Button onClick={() => goToMonth(monthOf(addMonths(firstOfMonth(month), -1)))}>
          <span aria-hidden="true">← </span>
          {t('calendar.previousMonth')}
        </Button>
        <h2 aria-live="polite">{monthTitle}</h2>
        <Button onClick={() => goToMonth(monthOf(addMonths(firstOfMonth(month), 1)))}>
          {t('calendar.nextMonth')}
          <span aria-hidden="true"> →</span>
        </Button>
        <Button variant="quiet" onClick={() => goToMonth(monthOf(today))} disabled={month === monthOf(today)}>
          {t('calendar.today')}
        </Button>
      </div>
      {tasks.state === 'failed' && <Notice tone="error">{errorText(t, tasks.error)}</Notice>}
      {tasks.state === 'loading' && <Loading label={t('ui.loading')} />}
      {tasks.state === 'ready' && !isList && (
        <>
          <p className="muted small">{t('calendar.keys')}</p>
          <div className="month-wrap">
            <MonthGrid
              month={month}
              today={today}
              selected={selected}
              tasksByDate={byDate}
              onSelect={goTo}
              focusSelected={selection?.byKeyboard ?? false}
              label={`${t('calendar.title')} — ${monthTitle}`}
            />
          </div>
          <section aria-labelledby="day-title" className="panel day-panel">
            <h2 id="day-title">{t('calendar.dayTitle', { date: formatDate(selected) })}</h2>
            <DayTaskList tasks={byDate.get(selected) ?? []} emptyText={t('calendar.noDeadlineDay')} />
          </section>
        </>
      )}
      {tasks.state === 'ready' && isList && (
        <section aria-labelledby="list-title" className="panel">
          <h2 id="list-title">{t('calendar.listTitle', { month: monthTitle })}</h2>
          {inMonth.length === 0 ? (
            <p className="muted">{t('calendar.noDeadlineInMonth')}</p>
          ) : (
            inMonth.map(([date, dayTasks]) => (
              <div key={date} className="list-day">
                <h3>{formatDate(date)}</h3>
                <DayTaskList tasks={dayTasks} emptyText={t('calendar.noDeadlineDay')} />
              </div>
            ))
          )}
        </section>
      )}
      <div className="calendar-panels">
        {settings.state === 'ready' ? (
          <>
            <SubscribePanel hasFeed={settings.data.hasCalendarFeed} onCreated={settings.reload} />
            {canWrite(user, 'families') && <DigestPanel settings={settings.data} />}
          </>
        ) : (
          settings.state === 'failed' && <Notice tone="error">{errorText(t, settings.error)}</Notice>
        )}
      </div>
    </section>
  );
}
