import { useState } from 'react';
import type { PublicationLink } from '#core/publication-corpus';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { confirmLink, publicationLabel, unlinkPublication } from './publication-api.ts';

/** What came of a person's say on a link: the sentence the page announces, or the refusal. */
export type LinkReviewOutcome = { message: string } | { error: ApiError };

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
