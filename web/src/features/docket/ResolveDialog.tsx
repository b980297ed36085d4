import { useState } from 'react';
import type { Task } from '#core/docket/docket-task';
import { useSubmit } from '../../api/use-submit.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField, TextField, fieldId } from '../../ui/Field.tsx';
import { docketApi } from './docket-api.ts';
import { failureOf, fieldErrorsOf, prefixed } from './form-errors.ts';
import { localToday } from './month-grid.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { taskWhat } from './task-text.ts';
import { type Resolution, resolutions } from './task-views.ts';

const PREFIX = 'resolve';
const labels: Record<string, MessageKey> = { status: 'docket.resolve.status', reason: 'docket.resolve.reason', resolvedOn: 'docket.resolve.resolvedOn' };
const statusLabels: Record<Resolution, MessageKey> = { done: 'docket.resolve.done', waived: 'docket.resolve.waived', missed: 'docket.resolve.missed' };

/** Marks a deadline done, waived or missed; waiving or missing one needs a reason, which the API checks too. */
export function ResolveDialog({ task, onClose, onResolved }: { task: Task; onClose: () => void; onResolved: (task: Task) => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const today = localToday(new Date());
  const [status, setStatus] = useState<Resolution>('done');
  const [reason, setReason] = useState('');
  const [resolvedOn, setResolvedOn] = useState(today);
  const submission = useSubmit(
    () => docketApi.resolve(task.id, { status, reason: reason.trim() === '' ? null : reason.trim(), resolvedOn }),
    onResolved,
  );
  const failure = failureOf(t, submission.failure, labels, PREFIX);
  const errors = fieldErrorsOf(t, submission.errors, PREFIX);
  const path = (field: string) => prefixed(PREFIX, field);

  return (
    <ModalDialog
      title={t('docket.resolve.title')}
      description={
        <p>
          {taskWhat(t, task, formatNumber)} — {task.applicationNumber ?? task.assetReference ?? task.assetTitle} — {t('docket.due')} {formatDate(task.due)}
        </p>
      }
      onClose={onClose}
    >
      <form onSubmit={submission.submit} noValidate>
        {failure && <ErrorSummary title={t('form.errorTitle')} message={failure.message} items={failure.items} />}
        <fieldset className="choice-group" id={fieldId(path('status'))} tabIndex={-1}>
          <legend>{t('docket.resolve.status')}</legend>
          {resolutions.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="resolve-status" value={value} checked={status === value} onChange={() => setStatus(value)} />
              {t(statusLabels[value])}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          path={path('reason')}
          label={t('docket.resolve.reason')}
          hint={status === 'done' ? t('docket.resolve.reasonOptional') : t('docket.resolve.reasonRequired')}
          required={status !== 'done'}
          value={reason}
          onChange={setReason}
          error={errors[path('reason')]}
        />
        <TextField path={path('resolvedOn')} type="date" label={t('docket.resolve.resolvedOn')} max={today} value={resolvedOn} onChange={setResolvedOn} required error={errors[path('resolvedOn')]} />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={submission.isSubmitting}>
            {t('docket.resolve.submit')}
          </Button>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
