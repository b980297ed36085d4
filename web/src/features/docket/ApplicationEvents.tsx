import { type ReactNode, useState } from 'react';
import type { Application } from '#core/asset';
import type { ProsecutionEvent } from '#core/docket/docket-task';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { docketApi } from './docket-api.ts';
import { EventForm } from './EventForm.tsx';
import { ModalDialog } from './ModalDialog.tsx';
import { eventTypeLabels, recordableEvents } from './task-text.ts';

interface ApplicationEventsProps {
  application: Application;
  canEdit: boolean;
  /** Called after an event was recorded, corrected or deleted, with what was done: the page recomputes what it shows. */
  onChanged: (what: string) => Promise<void>;
  /** What the last change did to the deadlines, shown under the application where it was made. */
  effect: ReactNode;
}

/** The procedural events of one application, with the forms to record, correct and delete them. */
export function ApplicationEvents({ application: a, canEdit, onChanged, effect }: ApplicationEventsProps) {
  const { t, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<ProsecutionEvent | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const events = useResource(`events:${a.id}:${version}`, () => docketApi.events(a.id));
  const shown = events.data ?? (events.state === 'loading' ? events.stale : null);
  const types = recordableEvents(a.office);
  const headingId = `application-${a.id}`;

  const changed = async (what: string) => {
    setEditing(null);
    setFailure(null);
    setVersion((value) => value + 1);
    await onChanged(what);
  };

  const remove = (event: ProsecutionEvent) => {
    docketApi.deleteEvent(a.id, event.id).then(
      () => changed(t('docket.event.deleted', { event: t(eventTypeLabels[event.type]) })),
      (error: unknown) => setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  return (
    <section className="application-events" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {a.office} <span className="mono">{a.applicationNumber}</span> · {formatDate(a.filingDate)} <StatusBadge value={a.status} label={enumLabel(t, 'applicationStatus', a.status)} />
      </h3>
      {events.state === 'failed' && <Notice tone="error">{errorText(t, events.error)}</Notice>}
      {!shown && events.state === 'loading' && <Loading label={t('ui.loading')} />}
      {shown && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('docket.event.caption', { number: a.applicationNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('docket.event.date')}</th>
                <th scope="col">{t('docket.event.type')}</th>
                <th scope="col">{t('docket.event.note')}</th>
                <th scope="col">{t('docket.event.recordedBy')}</th>
                {canEdit && <th scope="col">{t('docket.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 ? (
                <tr>
                  <td colSpan={canEdit ? 5 : 4} className="empty">
                    {t('docket.event.none')}
                  </td>
                </tr>
              ) : (
                shown.map((event) => (
                  <tr key={event.id}>
                    <td className="nowrap">{formatDate(event.date)}</td>
                    <td>{t(eventTypeLabels[event.type])}</td>
                    <td>{event.note}</td>
                    <td>{event.recordedByName ?? '—'}</td>
                    {canEdit && (
                      <td>
                        <div className="row-actions">
                          <Button variant="quiet" onClick={() => setEditing(event)} aria-label={`${t('docket.event.correct')} — ${t(eventTypeLabels[event.type])}, ${formatDate(event.date)}`}>
                            {t('docket.event.correct')}
                          </Button>
                          <ConfirmButton
                            label={t('action.delete')}
                            question={t('docket.event.deleteQuestion')}
                            confirmLabel={t('action.deleteConfirm')}
                            cancelLabel={t('form.cancel')}
                            onConfirm={() => remove(event)}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      {canEdit && (
        <details className="add-event">
          <summary>{t('docket.event.add')}</summary>
          <EventForm
            prefix={`event-${a.id}`}
            types={types}
            submitLabel={t('docket.event.record')}
            send={(input) => docketApi.addEvent(a.id, input)}
            onSaved={(saved) => void changed(t('docket.event.recorded', { event: t(eventTypeLabels[saved.type]) }))}
          />
        </details>
      )}
      {effect}
      {editing && (
        <ModalDialog title={t('docket.event.correctTitle')} description={<p>{t('docket.event.correctHint')}</p>} onClose={() => setEditing(null)}>
          <EventForm
            prefix={`event-edit-${editing.id}`}
            types={types}
            event={editing}
            submitLabel={t('form.save')}
            send={(input) => docketApi.correctEvent(a.id, editing.id, input)}
            onSaved={(saved) => void changed(t('docket.event.corrected', { event: t(eventTypeLabels[saved.type]) }))}
            onCancel={() => setEditing(null)}
          />
        </ModalDialog>
      )}
    </section>
  );
}
