import { useCallback, useEffect, useState } from 'react';
import type { Asset } from '#core/asset';
import type { Task } from '#core/docket/docket-task';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { FamilyCosts, useFamilyCosts } from '../forecast/FamilyCosts.tsx';
import { AbandonPanel } from './AbandonPanel.tsx';
import { ApplicationEvents } from './ApplicationEvents.tsx';
import { fetchAllTasks, useTaskSummary } from './docket-api.ts';
import { assigneeOptions } from './task-csv.ts';
import { type TaskChange, diffTasks } from './task-diff.ts';
import { TaskChangeNotice } from './TaskChangeNotice.tsx';
import { TaskTable } from './TaskTable.tsx';
import './docket.css';

/** A family's renewals run for 20 years: the nearest deadlines first, the others on request. */
const FIRST_ROWS = 12;

interface Effect {
  applicationId: string;
  what: string;
  change: TaskChange;
}

/**
 * The docketing sections of a family's page: its deadlines, the procedural events of each application
 * (recording one recomputes the deadlines, and the page says what changed), its renewal costs, and the
 * abandon action. `onFamilyChanged` reloads the family after an abandonment changed its applications.
 */
export function FamilyDocketSections({ family, onFamilyChanged }: { family: Asset; onFamilyChanged?: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const canAct = canWrite(user, 'families');
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [effect, setEffect] = useState<Effect | null>(null);
  const [version, setVersion] = useState(0);
  const costs = useFamilyCosts(family.id, version);
  const summary = useTaskSummary();
  const people = assigneeOptions(t, user, summary.data);

  const load = useCallback(() => fetchAllTasks({ assetId: family.id, sort: 'due' }), [family.id]);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (loaded) => isCurrent && setTasks(loaded),
      (error: unknown) => isCurrent && setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
    return () => {
      isCurrent = false;
    };
  }, [load, family.updatedAt]);

  // A link from the deadlines page names an application (`#application-<id>`): bring it into view.
  useEffect(() => {
    const target = window.location.hash.startsWith('#application-') ? document.getElementById(window.location.hash.slice(1)) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus();
  }, []);

  /** After an event changed: the deadlines as they are now, and what changed in them. */
  const afterEvent = (applicationId: string) => async (what: string) => {
    const before = tasks ?? [];
    try {
      const after = await load();
      setTasks(after);
      setEffect({ applicationId, what, change: diffTasks(before, after) });
      setVersion((value) => value + 1);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
    }
  };

  const reloadTasks = async () => {
    try {
      setTasks(await load());
      setVersion((value) => value + 1);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
    }
  };

  const matching = (tasks ?? []).filter((task) => showResolved || task.status === 'open');
  const shown = showAll ? matching : matching.slice(0, FIRST_ROWS);

  return (
    <>
      <section aria-labelledby="deadlines-title" className="family-section">
        <h2 id="deadlines-title">{t('docket.familyDeadlines')}</h2>
        <CheckboxField path="family-show-resolved" label={t('docket.showResolved')} checked={showResolved} onChange={setShowResolved} />
        {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
        {tasks === null && !failure && <Loading label={t('ui.loading')} />}
        {tasks !== null && (
          <TaskTable
            caption={t('docket.familyDeadlines')}
            tasks={shown}
            showFamily={false}
            canAct={canAct}
            people={people}
            onChanged={() => void reloadTasks()}
            emptyText={t('docket.noTasks')}
          />
        )}
        {matching.length > FIRST_ROWS && (
          <Button variant="quiet" className="show-all" onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
            {showAll ? t('docket.showFewer', { count: FIRST_ROWS }) : t('docket.showAll', { count: matching.length })}
          </Button>
        )}
      </section>
      <section aria-labelledby="events-title" className="family-section">
        <h2 id="events-title">{t('docket.events')}</h2>
        <p className="muted">{t('docket.eventsIntro')}</p>
        {family.applications.map((application) => (
          <ApplicationEvents
            key={application.id}
            application={application}
            canEdit={canAct}
            onChanged={afterEvent(application.id)}
            effect={effect?.applicationId === application.id && <TaskChangeNotice what={effect.what} change={effect.change} />}
          />
        ))}
      </section>
      <section aria-labelledby="costs-title" className="family-section">
        <h2 id="costs-title">{t('forecast.familyCosts')}</h2>
        <FamilyCosts costs={costs} />
      </section>
      {canAct && (
        <section aria-labelledby="abandon-title" className="family-section">
          <h2 id="abandon-title">{t('abandon.heading')}</h2>
          <AbandonPanel
            family={family}
            costs={costs}
            onAbandoned={async (result) => {
              await reloadTasks();
              if (result.outcome === 'abandoned') onFamilyChanged?.();
            }}
          />
        </section>
      )}
    </>
  );
}
