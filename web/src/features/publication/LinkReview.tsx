import { type RefObject, useEffect, useRef, useState } from 'react';
import type { PublicationLink } from '#core/publication-corpus';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Notice } from '../../ui/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { confirmLink, publicationLabel, unlinkPublication } from './publication-api.ts';

/** What came of a person's say on a link: the sentence the page announces, or the refusal. */
export type LinkReviewOutcome = { message: string } | { error: ApiError };

/**
 * The outcome of the link reviews of a page: what was done, or the refusal, and `onDone` for each
 * LinkReview, which then calls `reload`. A confirmed link loses its button and a rejected one leaves
 * the page, so the focus goes to the message that says what was done rather than to nowhere.
 */
export function useLinkReviews(reload: () => void) {
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) messageRef.current?.focus();
  }, [done]);
  const onDone = (outcome: LinkReviewOutcome) => {
    if ('error' in outcome) {
      setFailure(outcome.error);
      return;
    }
    setFailure(null);
    setDone(outcome.message);
    reload();
  };
  return { done, failure, setFailure, messageRef, onDone };
}

/** The page's one live region for link reviews, there from the start so the message is announced when it comes, and the refusal. */
export function LinkReviewMessages({ done, failure, messageRef }: { done: string | null; failure: ApiError | null; messageRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useI18n();
  return (
    <>
      <div role="status" tabIndex={-1} ref={messageRef} className={done ? 'notice notice-success' : 'visually-hidden'}>
        {done ?? ''}
      </div>
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
    </>
  );
}

interface LinkReviewProps {
  publication: { id: string; country: string; number: string; kind: string | null };
  link: PublicationLink;
  onDone: (outcome: LinkReviewOutcome) => void;
}

/**
 * A person's say on a publication's link to a family: "Confirm" when matching left it to be confirmed,
 * and "Not this family", asked first in the page, which rejects it so that no import brings it back.
 * The page announces the outcome and reads the links again.
 */
export function LinkReview({ publication, link, onDone }: LinkReviewProps) {
  const { t } = useI18n();
  const [isSending, setIsSending] = useState(false);
  const names = { publication: publicationLabel(publication), family: link.assetReference ?? link.assetTitle };

  const send = (action: () => Promise<unknown>, message: string) => {
    if (isSending) return;
    setIsSending(true);
    action().then(
      () => {
        setIsSending(false);
        onDone({ message });
      },
      (error: unknown) => {
        setIsSending(false);
        onDone({ error: error instanceof ApiError ? error : new ApiError('internal', 0, String(error)) });
      },
    );
  };

  return (
    <div className="form-actions link-review">
      {!link.isConfirmed && (
        <Button disabled={isSending} onClick={() => send(() => confirmLink(publication.id, link.assetId), t('publication.linkConfirmed', names))}>
          {t('publication.confirmLink')}
        </Button>
      )}
      <ConfirmButton
        label={t('publication.unlink')}
        confirmLabel={t('publication.unlinkConfirm')}
        cancelLabel={t('form.cancel')}
        question={t('publication.unlinkQuestion', names)}
        onConfirm={() => send(() => unlinkPublication(publication.id, link.assetId), t('publication.unlinked', names))}
      />
    </div>
  );
}
