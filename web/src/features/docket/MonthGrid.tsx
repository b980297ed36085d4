import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { Task } from '#core/docket/docket-task';
import { useI18n } from '../../i18n/i18n.tsx';
import { monthOf, monthWeeks, moveDate } from './month-grid.ts';
import { taskWhat } from './task-text.ts';

interface MonthGridProps {
  month: string;
  today: string;
  selected: string;
  tasksByDate: ReadonlyMap<string, Task[]>;
  /** A day chosen by click or keyboard; `byKeyboard` asks for the focus to follow. */
  onSelect: (date: string, byKeyboard: boolean) => void;
  /** Whether the focus should move to the selected day after this render. */
  focusSelected: boolean;
  label: string;
}

const CHIPS = 3;

/**
 * A month as a grid of days (WAI-ARIA grid, one tab stop): arrows move by a day or a week, Home and End
 * to the week's ends, Page Up and Page Down by a month. Each day says its date and how many deadlines
 * fall on it; their list is in the day panel and in the list view.
 */
export function MonthGrid({ month, today, selected, tasksByDate, onSelect, focusSelected, label }: MonthGridProps) {
  const { t, lang, formatNumber } = useI18n();
  const grid = useRef<HTMLTableElement>(null);
  const weeks = monthWeeks(month);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  const fullDate = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: the week's names in the reader's language.
  const weekdays = Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index)));

  useEffect(() => {
    if (!focusSelected) return;
    grid.current?.querySelector<HTMLElement>(`[data-date="${selected}"]`)?.focus();
  }, [focusSelected, selected, month]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = moveDate(selected, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    onSelect(next, true);
  };

  return (
    <table className="month-grid" role="grid" aria-label={label} ref={grid} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th key={day.toISOString()} scope="col" abbr={weekdayLong.format(day)}>
              {weekday.format(day)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const tasks = tasksByDate.get(date) ?? [];
              const overdue = tasks.filter((task) => task.isOverdue).length;
              const isOutside = monthOf(date) !== month;
              const isSelected = date === selected;
              const count = tasks.length === 0 ? t('calendar.noDeadline') : t('calendar.deadlineCount', { count: formatNumber(tasks.length) });
              const overdueText = overdue > 0 ? `, ${t('calendar.overdueCount', { count: formatNumber(overdue) })}` : '';
              return (
                <td
                  key={date}
                  role="gridcell"
                  data-date={date}
                  tabIndex={isSelected ? 0 : -1}
                  aria-selected={isSelected}
                  aria-current={date === today ? 'date' : undefined}
                  className={['day', isOutside ? 'day-outside' : '', isSelected ? 'day-selected' : '', date === today ? 'day-today' : ''].filter(Boolean).join(' ')}
                  onClick={() => onSelect(date, false)}
                >
                  <span className="visually-hidden">
                    {fullDate.format(new Date(`${date}T00:00:00Z`))}: {count}
                    {overdueText}
                  </span>
                  <span className="day-number" aria-hidden="true">
                    {Number(date.slice(8))}
                  </span>
                  {tasks.length > 0 && (
                    <ul className="day-tasks" aria-hidden="true">
                      {tasks.slice(0, CHIPS).map((task) => (
                        <li key={task.id} className={task.isOverdue ? 'chip chip-overdue' : 'chip'} title={`${taskWhat(t, task, formatNumber)} — ${task.applicationNumber ?? task.assetTitle}`}>
                          {task.isOverdue && '⚠ '}
                          {taskWhat(t, task, formatNumber)}
                        </li>
                      ))}
                      {tasks.length > CHIPS && <li className="chip-more">{t('calendar.more', { count: formatNumber(tasks.length - CHIPS) })}</li>}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
