import { useState } from 'react';
import type { Asset } from '#core/asset';
import type { PublicationSummary } from '#core/publication-corpus';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { RecordPicker } from '../../ui/RecordPicker.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { fetchFamily, linkPublication, searchFamilies } from './publication-api.ts';

/**
 * Links a publication to a family by hand: the family, then the application it publishes when it is
 * one the family lists (its status, publications and deadlines then follow the publication).
 */
export function LinkForm({ publication, onLinked, onCancel }: { publication: PublicationSummary; onLinked: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [family, setFamily] = useState<Asset | null>(null);
  const [applicationId, setApplicationId] = useState('');
  const [loadFailure, setLoadFailure] = useState<ApiError | null>(null);
  const submission = useSubmit(
    () => linkPublication(publication.id, { assetId: family?.id ?? '', applicationId: applicationId || null }),
    () => onLinked(),
  );

  const chooseFamily = (id: string | null) => {
    setApplicationId('');
    setFamily(null);
    if (!id) return;
    fetchFamily(id).then(
      (loaded) => {
        setFamily(loaded);
        // The application at the publication's office, when there is exactly one.
        const sameOffice = loaded.applications.filter((application) => application.office === publication.country);
        if (sameOffice.length === 1 && sameOffice[0]) setApplicationId(sameOffice[0].id);
      },
      (error: unknown) => setLoadFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  return (
    <form onSubmit={submission.submit} className="link-form" noValidate>
      <RecordPicker
        path={`link-${publication.id}-family`}
        label={t('publication.family')}
        value={family?.id ?? null}
        valueLabel={family ? family.title : undefined}
        search={searchFamilies}
        onChange={(id) => chooseFamily(id)}
        searchLabel={t('publication.searchFamily')}
        emptyLabel={t('form.choose')}
        required
        error={submission.errors.assetId}
      />
      {family && (
        <SelectField
          path={`link-${publication.id}-application`}
          label={t('publication.application')}
          value={applicationId}
          emptyLabel={t('publication.noApplication')}
          options={family.applications.map((application) => ({ value: application.id, label: `${application.office} ${application.applicationNumber}` }))}
          onChange={setApplicationId}
          error={submission.errors.applicationId}
        />
      )}
      {loadFailure && <Notice tone="error">{errorText(t, loadFailure)}</Notice>}
      {submission.failure && submission.failure.kind !== 'invalid' && <Notice tone="error">{errorText(t, submission.failure)}</Notice>}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!family || submission.isSubmitting}>
          {t('publication.link')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
