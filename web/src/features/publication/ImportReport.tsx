import type { ImportRun } from '#core/publication-corpus';
import { useI18n } from '../../i18n/i18n.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Notice } from '../../ui/Notice.tsx';

/** A run's counts as they grow, then its report: what the portfolio took, and each bad record with its place. */
export function ImportReport({ run }: { run: ImportRun }) {
  const { t, formatNumber } = useI18n();
  const count = (value: number) => formatNumber(value);
  const { portfolio } = run;
  return (
    <section aria-labelledby="report-title" className="family-section">
      <h2 id="report-title">{t('publication.report')}</h2>
      {/* One live region (a Notice inside it would be a second one, announced twice): "importing", then how it ended. */}
      <div role="status" className={run.status === 'finished' ? `notice notice-${run.failed > 0 ? 'info' : 'success'}` : undefined}>
        {run.status === 'running' && t('publication.running')}
        {run.status === 'finished' && (run.failed > 0 ? t('publication.finishedWithErrors', { count: count(run.failed) }) : t('publication.finished'))}
      </div>
      {run.status === 'failed' && <Notice tone="error">{t('publication.runFailed', { message: run.message ?? '' })}</Notice>}
      <DetailList
        items={[
          { label: t('publication.runFiles'), value: run.files.join(', ') },
          { label: t('publication.countRead'), value: count(run.read) },
          { label: t('publication.countInserted'), value: count(run.inserted) },
          { label: t('publication.countUpdated'), value: count(run.updated) },
          { label: t('publication.countUnchanged'), value: count(run.unchanged) },
          { label: t('publication.countFailed'), value: count(run.failed) },
          { label: t('publication.countLinked'), value: count(run.linked) },
          {
            label: t('publication.portfolioChanges'),
            value: t('publication.portfolioSummary', {
              families: count(portfolio.families),
              statuses: count(portfolio.statusChanges),
              publications: count(portfolio.publicationsAdded),
              events: count(portfolio.eventsRecorded),
              renewals: count(portfolio.renewalsPaid),
              lapses: count(portfolio.lapsesNoted),
            }),
          },
        ]}
      />
      {run.errors.length > 0 && (
        <>
          <h3>{t('publication.badRecords')}</h3>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('publication.badRecords')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.file')}</th>
                  <th scope="col" className="numeric">
                    {t('publication.line')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('publication.column')}
                  </th>
                  <th scope="col">{t('publication.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {run.errors.map((error, index) => (
                  <tr key={`${error.file}-${error.line ?? ''}-${error.column ?? ''}-${index}`}>
                    <td className="mono">{error.file}</td>
                    <td className="numeric">{error.line ?? ''}</td>
                    <td className="numeric">{error.column ?? ''}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {run.omittedErrors > 0 && <p className="muted">{t('publication.omittedErrors', { count: count(run.omittedErrors) })}</p>}
        </>
      )}
    </section>
  );
}
