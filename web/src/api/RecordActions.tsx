import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { navigate } from '../router/router.tsx';
import { ButtonLink } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ApiError, api } from './client.ts';
import { errorText } from './error-text.ts';

interface RecordActionsProps {
  /** The record's page, e.g. `/inventions/42`; its API path is the same under `/api`. */
  pagePath: string;
  canEdit: boolean;
  canDelete: boolean;
}

/** Edit and delete buttons of a record's page, shown only to those who may use them. */
export function RecordActions({ pagePath, canEdit, canDelete }: RecordActionsProps) {
  const t = useT();
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (!canEdit && !canDelete) return null;

  const remove = () => {
    api.remove(`/api${pagePath}`).then(
      () => navigate(pagePath.replace(/\/[^/]+$/, '')),
      (error: unknown) => setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  return (
    <div className="page-actions">
      {canEdit && (
        <ButtonLink to={`${pagePath}/edit`} variant="primary">
          {t('action.edit')}
        </ButtonLink>
      )}
      {canDelete && (
        <ConfirmButton label={t('action.delete')} question={t('action.deleteQuestion')} confirmLabel={t('action.deleteConfirm')} cancelLabel={t('form.cancel')} onConfirm={remove} />
      )}
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
    </div>
  );
}
