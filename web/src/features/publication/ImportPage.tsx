import { type FormEvent, useEffect, useState } from 'react';
import type { Page } from '#core/common';
import type { ImportRun } from '#core/publication-corpus';
import { ApiError, api } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ImportReport } from './ImportReport.tsx';
import { fetchRun, uploadImport } from './publication-api.ts';

/** How often a run in progress is asked for its counts. */
const POLL_MS = 1000;

/**
 * Import a patent-office file: choose it, send it, follow the run while it reads (counts grow), then
 * read its report: what was inserted, updated or unchanged, what the portfolio took, the bad records.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const runs = useResource(`import-runs:${run?.id ?? ''}:${run?.status ?? ''}`, () => api.list<ImportRun>('/api/imports', { limit: 20 }));

  // A run still reading is asked again every second until it ends.
  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setTimeout(() => {
      fetchRun(run.id).then(setRun, (error: unknown) => setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || isSending) return;
    setIsSending(true);
    setFailure(null);
    setRun(null);
    uploadImport(file).then(
      (started) => {
        setIsSending(false);
        setRun(started);
      },
      (error: unknown) => {
        setIsSending(false);
        setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
      },
    );
  };

  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('publication.importTitle')}</h1>
      </div>
      <p className="muted">{t('publication.importIntro')}</p>
      <form onSubmit={submit} noValidate>
        <Field path="import-file" label={t('publication.file')} hint={t('publication.fileHint')} required>
          {(control) => <input {...control} type="file" accept=".xml,.json,.csv,.zip" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!file || isSending || run?.status === 'running'}>
            {isSending ? t('publication.sending') : t('publication.importSubmit')}
          </Button>
        </div>
      </form>
      {failure && <Notice tone="error">{failure.kind === 'invalid' ? failure.message : errorText(t, failure)}</Notice>}
      {run && <ImportReport run={run} />}
      <h2>{t('publication.runs')}</h2>
      <RunTable runs={runs.data} onOpen={setRun} />
    </section>
  );
}

function RunTable({ runs, onOpen }: { runs: Page<ImportRun> | null; onOpen: (run: ImportRun) => void }) {
  const { t, lang, formatNumber } = useI18n();
  // With the time: runs of the same day would otherwise be buttons of the same name.
  const started = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  if (!runs) return null;
  if (runs.items.length === 0) return <p className="muted">{t('publication.noRuns')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('publication.runs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publication.runStarted')}</th>
            <th scope="col">{t('publication.runBy')}</th>
            <th scope="col">{t('publication.runFiles')}</th>
            <th scope="col" className="numeric">
              {t('publication.countRead')}
            </th>
            <th scope="col" className="numeric">
              {t('publication.countFailed')}
            </th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.items.map((run) => (
            <tr key={run.id}>
              <td>
                <Button variant="quiet" onClick={() => onOpen(run)}>
                  {started.format(new Date(run.startedAt))}
                </Button>
              </td>
              <td>{run.startedByName ?? t('publication.commandLine')}</td>
              <td>{run.files.length === 1 ? run.files[0] : t('publication.fileCount', { count: formatNumber(run.files.length) })}</td>
              <td className="numeric">{formatNumber(run.read)}</td>
              <td className="numeric">{formatNumber(run.failed)}</td>
              <td>{t(`publication.status.${run.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
