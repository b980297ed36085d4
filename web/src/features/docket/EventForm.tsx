import { useState } from 'react';
import type { ProsecutionEvent, ProsecutionEventInput, ProsecutionEventType } from '#core/docket/docket-task';
import { useSubmit } from '../../api/use-submit.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { failureOf, fieldErrorsOf, prefixed } from './form-errors.ts';
import { eventTypeLabels } from './task-text.ts';

const labels: Record<string, MessageKey> = { type: 'docket.event.type', date: 'docket.event.date', note: 'docket.event.note' };

interface EventFormProps {
  /** Names the fields apart from the other forms of the page. */
  prefix: string;
  types: readonly ProsecutionEventType[];
  event?: ProsecutionEvent;
  submitLabel: string;
  send: (input: ProsecutionEventInput) => Promise<ProsecutionEvent>;
  onSaved: (event: ProsecutionEvent) => void;
  onCancel?: () => void;
}

/** An event of an application: what happened, on which day, and a note; the API checks it fits the office. */
export function EventForm({ prefix, types, event, submitLabel, send, onSaved, onCancel }: EventFormProps) {
  const t = useT();
  const choices = event && !types.includes(event.type) ? [event.type, ...types] : types;
  const [type, setType] = useState<ProsecutionEventType | ''>(event?.type ?? '');
  const [date, setDate] = useState(event?.date ?? '');
  const [note, setNote] = useState(event?.note ?? '');
  const submission = useSubmit(
    // An empty type is sent as it is, so the API names the field that is missing.
    () => send({ type: type as ProsecutionEventType, date, note: note.trim() === '' ? null : note.trim() }),
    (saved) => {
      if (!event) {
        setType('');
        setDate('');
        setNote('');
      }
      onSaved(saved);
    },
  );
  const failure = failureOf(t, submission.failure, labels, prefix);
  const errors = fieldErrorsOf(t, submission.errors, prefix);
  const path = (field: string) => prefixed(prefix, field);

  return (
    <form onSubmit={submission.submit} noValidate className="event-form">
      {failure && <ErrorSummary title={t('form.errorTitle')} message={failure.message} items={failure.items} />}
      <div className="event-fields">
        <SelectField
          path={path('type')}
          label={t('docket.event.type')}
          value={type}
          emptyLabel={t('form.choose')}
          options={choices.map((value) => ({ value, label: t(eventTypeLabels[value]) }))}
          onChange={(value) => setType(value as ProsecutionEventType | '')}
          required
          error={errors[path('type')]}
        />
        <TextField path={path('date')} type="date" label={t('docket.event.date')} value={date} onChange={setDate} required error={errors[path('date')]} />
        <TextField path={path('note')} label={t('docket.event.note')} value={note} onChange={setNote} error={errors[path('note')]} />
        <div className="event-actions">
          <Button type="submit" variant="primary" disabled={submission.isSubmitting}>
            {submitLabel}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
        </div>
      </div>
    </form>
  );
}
