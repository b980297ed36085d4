import type { Asset } from '#core/asset';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { FamilySyncPanel } from './FamilySyncPanel.tsx';
import { LinkReview, LinkReviewMessages, useLinkReviews } from './LinkReview.tsx';
import { PublicationEvents } from './PublicationEvents.tsx';
import { canImport, fetchFamilyPublications, matchedByLabel, publicationLabel } from './publication-api.ts';
import './publication.css';

/**
 * The "Publications" section of a family's page: what the offices published of it, with legal events
 * and register steps, and its sync with EPO OPS, after which the family and this list are read again.
 * Admins and officers confirm the links matching left to be confirmed, and reject the wrong ones.
 */
export function FamilyPublications({ family, onFamilyChanged }: { family: Asset; onFamilyChanged?: () => void }) {
  const { t, formatDate } = useI18n();
  const resource = useResource(`family-publications:${family.id}:${family.updatedAt}`, () => fetchFamilyPublications(family.id));
  const applicationNumber = (id: string | null) => family.applications.find((application) => application.id === id)?.applicationNumber ?? null;
  const mayReview = canImport(useUser());
  const reviews = useLinkReviews(() => resource.reload());

  return (
    <section aria-labelledby="publications-title" className="family-section">
      <h2 id="publications-title">{t('publication.familySection')}</h2>
      <FamilySyncPanel
        family={family}
        onSynced={() => {
          resource.reload();
          onFamilyChanged?.();
        }}
      />
      <LinkReviewMessages done={reviews.done} failure={reviews.failure} messageRef={reviews.messageRef} />
      {resource.state === 'loading' && <Loading label={t('ui.loading')} />}
      {resource.state === 'failed' && <Notice tone="error">{errorText(t, resource.error)}</Notice>}
      {resource.state === 'ready' && resource.data.items.length === 0 && <p className="muted">{t('publication.noneForFamily')}</p>}
      {resource.state === 'ready' &&
        resource.data.items.map((publication) => {
          const link = publication.links.find((candidate) => candidate.assetId === family.id);
          return (
            <article key={publication.id} className="publication-entry" aria-label={publicationLabel(publication)}>
              <h3>
                <Link to={`/publications/${publication.id}`}>{publicationLabel(publication)}</Link>{' '}
                <span className="muted">{formatDate(publication.publicationDate)}</span>
              </h3>
              {publication.title && <p>{publication.title}</p>}
              {link && (
                <p className="muted">
                  {t('publication.linkedBy', { how: matchedByLabel(t, link.matchedBy) })}
                  {link.applicationId && ` · ${t('publication.ofApplication', { number: applicationNumber(link.applicationId) ?? link.applicationNumber ?? '' })}`}
                  {!link.isConfirmed && ` · ${t('publication.unconfirmed')}`}
                </p>
              )}
              {link && mayReview && <LinkReview publication={publication} link={link} onDone={reviews.onDone} />}
              <PublicationEvents publication={publication} />
            </article>
          );
        })}
    </section>
  );
}
