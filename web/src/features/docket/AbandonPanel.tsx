import { useState } from 'react';
import type { Asset } from '#core/asset';
import type { AbandonResult } from '#core/docket/docket-task';
import type { FamilyCostsAnswer } from '#core/fees/fee-forecast';
import type { Resource } from '../../api/use-resource.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, fieldId } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { sumTotals } from '../forecast/budget-table.ts';
import { MoneyTotals } from '../forecast/MoneyTotals.tsx';
import { docketApi } from './docket-api.ts';
import { failureOf, fieldErrorsOf, prefixed } from './form-errors.ts';
import { ModalDialog } from './ModalDialog.tsx';

const PREFIX = 'abandon';
const LIVE = new Set(['filed', 'published', 'granted']);
const labels: Record<string, MessageKey> = { applicationIds: 'abandon.applications', reason: 'abandon.reason', confirm: 'abandon.confirmNotice' };

interface AbandonPanelProps {
  family: Asset;
  costs: Resource<FamilyCostsAnswer>;
  onAbandoned: (result: AbandonResult) => Promise<void>;
}

/**
 * Abandoning applications of a family: choose them, see what it saves (their future renewal fees), give
 * the reason. On a co-owned family the co-owners get 4 months' notice first (Code de la recherche
 * L.533-1): the API records the planned abandonment and answers the notice's end.
 */
export function AbandonPanel({ family, costs, onAbandoned }: AbandonPanelProps) {
  const { t, formatDate } = useI18n();
  const [isOpen, setIsOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<AbandonResult | null>(null);
  const isShared = family.owners.length > 1;
  const live = family.applications.filter((application) => LIVE.has(application.status));
  const savings = costs.data?.savingsIfAbandoned ?? [];
  const savingsOf = (id: string) => savings.find((item) => item.applicationId === id)?.savings ?? null;
  const picked = chosen.map(savingsOf).filter((item) => item !== null);

  const submission = useSubmit(
    () => docketApi.abandon(family.id, { applicationIds: chosen, reason: reason.trim(), confirm }),
    (answer) => {
      setIsOpen(false);
      setResult(answer);
      setChosen([]);
      setReason('');
      setConfirm(false);
      void onAbandoned(answer);
    },
  );
  const failure = failureOf(t, submission.failure, labels, PREFIX);
  const errors = fieldErrorsOf(t, submission.errors, PREFIX);
  const path = (field: string) => prefixed(PREFIX, field);
  const numberOf = (id: string) => family.applications.find((application) => application.id === id)?.applicationNumber ?? id;

  return (
    <>
      <p>{t('abandon.intro')}</p>
      {isShared && <p className="muted">{t('abandon.coOwnedIntro')}</p>}
      {result?.outcome === 'notice-started' && (
        <Notice tone="info">
          <p>
            <strong>{t('abandon.noticeStarted', { date: formatDate(result.noticeEnds) })}</strong>
          </p>
          <p>{t('abandon.noticeExplained', { applications: result.applicationIds.map(numberOf).join(', ') })}</p>
        </Notice>
      )}
      {result?.outcome === 'abandoned' && (
        <Notice tone="success">
          {t('abandon.done', { applications: result.applicationIds.map(numberOf).join(', '), count: result.saves.length })}
        </Notice>
      )}
      {live.length === 0 ? (
        <p className="muted">{t('abandon.nothingLive')}</p>
      ) : (
        <Button variant="danger" onClick={() => setIsOpen(true)}>
          {t('abandon.open')}
        </Button>
      )}
      {isOpen && (
        <ModalDialog title={t('abandon.title', { title: family.title })} description={isShared ? <p>{t('abandon.coOwnedIntro')}</p> : undefined} onClose={() => setIsOpen(false)}>
          <form onSubmit={submission.submit} noValidate>
            {failure && <ErrorSummary title={t('form.errorTitle')} message={failure.message} items={failure.items} />}
            <fieldset className={`choice-group ${errors[path('applicationIds')] ? 'field-invalid' : ''}`} id={fieldId(path('applicationIds'))} tabIndex={-1}>
              <legend>{t('abandon.applications')}</legend>
              {errors[path('applicationIds')] && <p className="field-error">{errors[path('applicationIds')]}</p>}
              {live.map((application) => {
                const saved = savingsOf(application.id);
                return (
                  <div key={application.id} className="abandon-choice">
                    <CheckboxField
                      path={path(`application-${application.id}`)}
                      label={`${application.office} ${application.applicationNumber}`}
                      checked={chosen.includes(application.id)}
                      onChange={(checked) => setChosen((current) => (checked ? [...current, application.id] : current.filter((id) => id !== application.id)))}
                    />
                    {saved && (
                      <div className="muted small abandon-saving">
                        {t('abandon.savesNext5')} <MoneyTotals totals={saved.next5Years} verifySource={t('forecast.verifyTotal')} />
                      </div>
                    )}
                  </div>
                );
              })}
            </fieldset>
            <div className="savings" aria-live="polite">
              <h3>{t('abandon.savings')}</h3>
              {picked.length === 0 ? (
                <p className="muted">{t('abandon.chooseFirst')}</p>
              ) : (
                <dl className="savings-list">
                  <dt>{t('abandon.savesNext5')}</dt>
                  <dd>
                    <MoneyTotals totals={sumTotals(picked.map((item) => item.next5Years))} verifySource={t('forecast.verifyTotal')} />
                  </dd>
                  <dt>{t('abandon.savesUntilExpiry')}</dt>
                  <dd>
                    <MoneyTotals totals={sumTotals(picked.map((item) => item.untilExpiry))} verifySource={t('forecast.verifyTotal')} />
                  </dd>
                </dl>
              )}
            </div>
            {isShared && (
              <CheckboxField path={path('confirm')} label={t('abandon.confirmNotice')} checked={confirm} onChange={setConfirm} error={errors[path('confirm')]} />
            )}
            <TextAreaField path={path('reason')} label={t('abandon.reason')} required value={reason} onChange={setReason} error={errors[path('reason')]} />
            <div className="form-actions">
              <Button type="submit" variant="danger" disabled={submission.isSubmitting}>
                {isShared && !confirm ? t('abandon.submitNotice') : t('abandon.submit')}
              </Button>
              <Button onClick={() => setIsOpen(false)}>{t('form.cancel')}</Button>
            </div>
          </form>
        </ModalDialog>
      )}
    </>
  );
}
