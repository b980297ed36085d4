import { useState } from 'react';
import type { Publication } from '#core/publication-corpus';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { LinkReview, LinkReviewMessages, useLinkReviews } from './LinkReview.tsx';
import { PublicationEvents } from './PublicationEvents.tsx';
import { canImport, fetchPublication, matchedByLabel, publicationLabel } from './publication-api.ts';
import './publication.css';

/**
 * One publication as the offices gave it, with the families it is linked to (those the reader may
 * open); admins and officers confirm or reject each link, after which the publication is read again.
 */
export function PublicationDetailPage({ publication }: { publication: Publication }) {
  const { t, formatDate } = useI18n();
  const mayReview = canImport(useUser());
  const [p, setPublication] = useState(publication);
  const reviews = useLinkReviews(() =>
    fetchPublication(p.id).then(setPublication, (error: unknown) =>
      reviews.setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error))),
    ),
  );
  const names = (parties: Publication['applicants']) => [...new Set(parties.map((party) => party.name))].join('; ');
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('publication.one')}</p>
          <h1 id="page-title">{publicationLabel(p)}</h1>
        </div>
      </div>
      {p.title && <p>{p.title}</p>}
      <LinkReviewMessages done={reviews.done} failure={reviews.failure} messageRef={reviews.messageRef} />
      <DetailList
        items={[
          { label: t('publication.date'), value: formatDate(p.publicationDate) },
          { label: t('family.applicationNumber'), value: p.applicationNumber },
          { label: t('family.filingDate'), value: formatDate(p.filingDate) },
          { label: t('family.docdbFamily'), value: p.familyId },
          { label: t('publication.applicants'), value: p.applicantNames.join('; ') },
          { label: t('publication.inventors'), value: names(p.inventors) },
          { label: t('publication.owners'), value: names(p.owners) },
          { label: t('family.priorities'), value: p.priorities.map((claim) => `${claim.country ?? ''} ${claim.number}${claim.date ? ` (${formatDate(claim.date)})` : ''}`.trim()).join('; ') },
          { label: t('publication.classifications'), value: p.classifications.map((entry) => entry.code).join(', ') },
          { label: t('publication.source'), value: p.source },
          {
            label: t('publication.families'),
            value:
              p.links.length === 0
                ? null
                : p.links.map((link) => (
                    <div key={link.assetId}>
                      <Link to={`/families/${link.assetId}`}>{link.assetReference ?? link.assetTitle}</Link> ({matchedByLabel(t, link.matchedBy)}
                      {link.isConfirmed ? '' : `, ${t('publication.unconfirmed')}`})
                      {mayReview && <LinkReview publication={p} link={link} onDone={reviews.onDone} />}
                    </div>
                  )),
          },
        ]}
      />
      <div className="publication-events">
        <PublicationEvents publication={p} />
      </div>
    </article>
  );
}
