import { useState } from 'react';
import type { Asset } from '#core/asset';
import type { FamilySync, SyncOperation, SyncRequestOutcome } from '#core/publication-corpus';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canImport, fetchFamilySync, syncFamilyNow } from './publication-api.ts';

const OPERATION_KEYS = {
  'full-cycle': 'publication.sync.operation.fullCycle',
  legal: 'publication.sync.operation.legal',
  'register-biblio': 'publication.sync.operation.registerBiblio',
  'register-events': 'publication.sync.operation.registerEvents',
  'register-procedural-steps': 'publication.sync.operation.registerSteps',
} as const satisfies Record<SyncOperation, string>;

const OUTCOME_KEYS = {
  fetched: 'publication.sync.outcome.fetched',
  cached: 'publication.sync.outcome.cached',
  not_found: 'publication.sync.outcome.notFound',
  skipped: 'publication.sync.outcome.skipped',
  failed: 'publication.sync.outcome.failed',
} as const satisfies Record<SyncRequestOutcome, string>;

/**
 * The family's link to EPO Open Patent Services: when it was last synced and how that went, when the
 * scheduler takes it again, and "Sync now" for admins and officers. What each request found is in a
 * table under a disclosure; after a sync the family and its publications are reloaded.
 */
export function FamilySyncPanel({ family, onSynced }: { family: Asset; onSynced: () => void }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const user = useUser();
  const resource = useResource(`family-sync:${family.id}`, () => fetchFamilySync(family.id));
  const [latest, setLatest] = useState<FamilySync | null>(null);
  const [isSyncing, setIsSyncing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const sync = latest ?? (resource.state === 'ready' ? resource.data : null);

  async function syncNow() {
    setIsSyncing(true);
    setError(null);
    try {
      setLatest(await syncFamilyNow(family.id));
      onSynced();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 0, String(caught)));
    } finally {
      setIsSyncing(false);
    }
  }

  return (
    <section className="sync-panel" aria-labelledby="sync-title">
      <h3 id="sync-title">{t('publication.sync.title')}</h3>
      {resource.state === 'failed' && <Notice tone="error">{errorText(t, resource.error)}</Notice>}
      {sync && !sync.isEnabled && <p className="muted">{t('publication.sync.disabled', { reason: sync.disabledReason ?? '' })}</p>}
      {sync?.isEnabled && <p>{statusLine(t, sync, formatDateTime)}</p>}
      {sync?.status === 'failed' && sync.message && <Notice tone="error">{t('publication.sync.failedBecause', { message: sync.message })}</Notice>}
      {sync?.nextDueAt && <p className="muted">{t('publication.sync.nextDue', { date: formatDateTime(sync.nextDueAt) })}</p>}
      {canImport(user) && (
        <Button onClick={() => void syncNow()} disabled={!sync?.isEnabled || isSyncing}>
          {isSyncing ? t('publication.sync.syncing') : t('publication.sync.now')}
        </Button>
      )}
      <div role="status" className="sync-result">
        {isSyncing && t('publication.sync.asking')}
        {!isSyncing && latest?.status === 'ok' && summaryLine(t, latest, formatNumber)}
      </div>
      {error && <Notice tone="error">{errorText(t, error)}</Notice>}
      {sync && sync.requests.length > 0 && (
        <details>
          <summary>{t('publication.sync.requests', { count: formatNumber(sync.requests.length) })}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('publication.sync.requestsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.sync.application')}</th>
                  <th scope="col">{t('publication.sync.question')}</th>
                  <th scope="col">{t('publication.sync.reference')}</th>
                  <th scope="col">{t('publication.sync.outcome')}</th>
                  <th scope="col" className="numeric">
                    {t('publication.sync.records')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sync.requests.map((request, index) => (
                  <tr key={`${request.applicationId}-${request.operation}-${index}`}>
                    <td>{family.applications.find((application) => application.id === request.applicationId)?.applicationNumber ?? ''}</td>
                    <td>{t(OPERATION_KEYS[request.operation])}</td>
                    <td className="mono">{request.reference ?? ''}</td>
                    <td>
                      {t(OUTCOME_KEYS[request.outcome])}
                      {request.message && <span className="muted"> · {request.message}</span>}
                    </td>
                    <td className="numeric">{formatNumber(request.records)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

function statusLine(t: Translate, sync: FamilySync, formatDateTime: (value: string | null) => string): string {
  switch (sync.status) {
    case 'never':
      return t('publication.sync.never');
    case 'running':
      return t('publication.sync.runningSince', { date: formatDateTime(sync.startedAt) });
    case 'ok':
      return t('publication.sync.lastOk', { date: formatDateTime(sync.finishedAt) });
    case 'failed':
      return sync.lastSuccessAt
        ? t('publication.sync.lastFailedAfter', { date: formatDateTime(sync.finishedAt), success: formatDateTime(sync.lastSuccessAt) })
        : t('publication.sync.lastFailed', { date: formatDateTime(sync.finishedAt) });
  }
}

function summaryLine(t: Translate, sync: FamilySync, formatNumber: (value: number) => string): string {
  const run = sync.run;
  if (!run) return t('publication.sync.nothingFound');
  const changed = run.inserted + run.updated;
  return changed === 0 && run.portfolio.families === 0
    ? t('publication.sync.upToDate')
    : t('publication.sync.changed', {
        publications: formatNumber(changed),
        statuses: formatNumber(run.portfolio.statusChanges),
        added: formatNumber(run.portfolio.publicationsAdded),
        renewals: formatNumber(run.portfolio.renewalsPaid),
      });
}
