import { useState } from 'react';
import type { Task } from '#core/docket/docket-task';
import { useSubmit } from '../../api/use-submit.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, type Option } from '../../ui/Select.tsx';
import { docketApi } from './docket-api.ts';
import { failureOf, fieldErrorsOf, prefixed } from './form-errors.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { taskWhat } from './task-text.ts';

const PREFIX = 'assign';
const labels: Record<string, MessageKey> = { assigneeId: 'docket.assignee' };

/**
 * Gives a deadline to someone, or to nobody. The people offered are the caller and those who already
 * hold deadlines; the API checks that the person works for the family's school or for the whole office.
 */
export function AssignDialog({ task, people, onClose, onAssigned }: { task: Task; people: readonly Option[]; onClose: () => void; onAssigned: (task: Task) => void }) {
  const { t, formatNumber } = useI18n();
  const [assigneeId, setAssigneeId] = useState(task.assigneeId ?? '');
  const submission = useSubmit(() => docketApi.assign(task.id, assigneeId === '' ? null : assigneeId), onAssigned);
  const failure = failureOf(t, submission.failure, labels, PREFIX);
  const errors = fieldErrorsOf(t, submission.errors, PREFIX);
  const options = task.assigneeId && !people.some((person) => person.value === task.assigneeId)
    ? [{ value: task.assigneeId, label: task.assigneeName ?? task.assigneeId }, ...people]
    : people;

  return (
    <ModalDialog title={t('docket.assign.title')} description={<p>{taskWhat(t, task, formatNumber)} — {task.assetTitle}</p>} onClose={onClose}>
      <form onSubmit={submission.submit} noValidate>
        {failure && <ErrorSummary title={t('form.errorTitle')} message={failure.message} items={failure.items} />}
        <SelectField
          path={prefixed(PREFIX, 'assigneeId')}
          label={t('docket.assignee')}
          hint={t('docket.assign.hint')}
          value={assigneeId}
          emptyLabel={t('docket.unassigned')}
          options={options}
          onChange={setAssigneeId}
          error={errors[prefixed(PREFIX, 'assigneeId')]}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={submission.isSubmitting}>
            {t('docket.assign.submit')}
          </Button>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
