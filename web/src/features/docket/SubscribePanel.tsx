import { useId, useState } from 'react';
import type { CalendarFeed } from '#core/docket/docket-task';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { docketApi } from './docket-api.ts';

/**
 * The personal calendar feed: its secret address is made (or replaced) here and shown once, with a copy
 * button; only its hash is kept on the server, so a lost address is replaced, not shown again.
 */
export function SubscribePanel({ hasFeed, onCreated }: { hasFeed: boolean; onCreated: () => void }) {
  const t = useT();
  const id = useId();
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const create = () => {
    setCopied(null);
    docketApi.createCalendarToken().then(
      (created) => {
        setFeed(created);
        setFailure(null);
        onCreated();
      },
      (error: unknown) => setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    );
  };

  const copy = () => {
    if (!feed) return;
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopied('no');
      return;
    }
    clipboard.writeText(feed.url).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('calendar.subscribe')}</h2>
      <p>{t('calendar.subscribeIntro')}</p>
      <p className="muted">{t('calendar.subscribeSecret')}</p>
      {feed ? (
        <div className="feed-address">
          <Notice tone="success">{t('calendar.feedCreated')}</Notice>
          <label htmlFor={`${id}-url`}>{t('calendar.feedAddress')}</label>
          <div className="copy-row">
            <input id={`${id}-url`} type="text" readOnly value={feed.url} onFocus={(event) => event.target.select()} aria-describedby={`${id}-once`} />
            <Button variant="primary" onClick={copy}>
              {t('calendar.copy')}
            </Button>
          </div>
          <p id={`${id}-once`} className="field-hint">
            {t('calendar.shownOnce')}
          </p>
          <p role="status" className="small">
            {copied === 'yes' ? t('calendar.copied') : copied === 'no' ? t('calendar.copyFailed') : ''}
          </p>
        </div>
      ) : hasFeed ? (
        <>
          <p>{t('calendar.feedExists')}</p>
          <ConfirmButton label={t('calendar.replaceFeed')} question={t('calendar.replaceQuestion')} confirmLabel={t('calendar.replaceConfirm')} cancelLabel={t('form.cancel')} onConfirm={create} />
        </>
      ) : (
        <Button variant="primary" onClick={create}>
          {t('calendar.createFeed')}
        </Button>
      )}
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
    </section>
  );
}
