import { useEffect, useRef, useState } from 'react';
import type { Page } from '#core/common';
import type { ReviewItem } from '#core/publication-corpus';
import { ApiError, api } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { LinkForm } from './LinkForm.tsx';
import { dismissPublication, publicationLabel } from './publication-api.ts';
import './publication.css';

const PAGE_SIZE = 25;

/**
 * The institution's publications that no family knows: its name, a school's or a unit's among the
 * applicants. Each is linked to its family (which then takes it) or dismissed.
 */
export function ReviewPage() {
  const { t, formatDate } = useI18n();
  const [offset, setOffset] = useState(0);
  const [linking, setLinking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const page = useResource(`review:${offset}`, () => api.get<Page<ReviewItem>>('/api/publications/review', { limit: PAGE_SIZE, offset }));

  // The item acted on leaves the list, and the focus with it: the focus goes to the message that says
  // what was done, rather than to nowhere.
  useEffect(() => {
    if (done) message.current?.focus();
  }, [done]);

  const dismiss = (item: ReviewItem) => {
    setFailure(null);
    dismissPublication(item.id).then(
      () => {
        setDone(t('publication.dismissed', { publication: publicationLabel(item) }));
        page.reload();
      },
      (error: unknown) => setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('publication.reviewTitle')}</h1>
      </div>
      <p className="muted">{t('publication.reviewIntro')}</p>
      {/* One live region, in the page from the start so the message is announced when it comes. */}
      <div role="status" tabIndex={-1} ref={message} className={done ? 'notice notice-success' : 'visually-hidden'}>
        {done ?? ''}
      </div>
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      {page.state === 'loading' && <Loading label={t('ui.loading')} />}
      {page.state === 'failed' && <Notice tone="error">{errorText(t, page.error)}</Notice>}
      {page.state === 'ready' && (
        <>
          <p className="list-count">{t('ui.resultCount', { count: page.data.total })}</p>
          {page.data.items.length === 0 && <p className="muted">{t('publication.reviewEmpty')}</p>}
          {page.data.items.map((item) => (
            <article key={item.id} className="publication-entry" aria-label={publicationLabel(item)}>
              <h2>
                <Link to={`/publications/${item.id}`} className="mono">
                  {publicationLabel(item)}
                </Link>{' '}
                <span className="muted">{formatDate(item.publicationDate)}</span>
              </h2>
              {item.title && <p>{item.title}</p>}
              <p>
                {t('publication.applicantsLine', { names: item.applicantNames.join('; ') })}
              </p>
              <p className="muted">{t('publication.matches', { organisations: item.matchedOrganisations.map((organisation) => organisation.name).join(', ') })}</p>
              {linking === item.id ? (
                <LinkForm
                  publication={item}
                  onCancel={() => setLinking(null)}
                  onLinked={() => {
                    setLinking(null);
                    setDone(t('publication.linkedDone', { publication: publicationLabel(item) }));
                    page.reload();
                  }}
                />
              ) : (
                <div className="form-actions">
                  <Button variant="primary" onClick={() => setLinking(item.id)}>
                    {t('publication.linkToFamily')}
                  </Button>
                  <ConfirmButton
                    label={t('publication.dismiss')}
                    confirmLabel={t('publication.dismissConfirm')}
                    cancelLabel={t('form.cancel')}
                    question={t('publication.dismissQuestion', { publication: publicationLabel(item) })}
                    onConfirm={() => dismiss(item)}
                  />
                </div>
              )}
            </article>
          ))}
          <Pagination total={page.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
