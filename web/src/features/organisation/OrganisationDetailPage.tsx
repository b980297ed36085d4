import type { Organisation } from '#core/organisation';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { LinkedName } from '../directory/LinkedName.tsx';

export function OrganisationDetailPage({ organisation }: { organisation: Organisation }) {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const isWriter = canWrite(user, 'organisations');
  const o = organisation;
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">{enumLabel(t, 'organisationKind', o.kind)}</p>
          <h1 id="page-title">{o.name}</h1>
        </div>
        <RecordActions pagePath={`/organisations/${o.id}`} canEdit={isWriter} canDelete={isWriter} />
      </div>
      <DetailList
        items={[
          { label: t('organisation.shortName'), value: o.shortName },
          { label: t('organisation.parent'), value: o.parentId && <LinkedName kind="organisation" id={o.parentId} /> },
          { label: t('organisation.companyCategory'), value: enumLabel(t, 'companyCategory', o.companyCategory) },
          { label: t('organisation.mandataire'), value: o.mandataireId && <LinkedName kind="organisation" id={o.mandataireId} /> },
          { label: t('organisation.siren'), value: o.siren },
          { label: t('organisation.rnsr'), value: o.rnsr },
          { label: t('organisation.ror'), value: o.ror },
          { label: t('organisation.city'), value: o.city },
          { label: t('organisation.country'), value: o.country },
          { label: t('common.updatedAt'), value: formatDate(o.updatedAt) },
        ]}
      />
      <h2>{t('organisation.related')}</h2>
      <ul className="related">
        <li>
          <Link to={`/people?organisationId=${o.id}`}>{t('organisation.relatedPeople')}</Link>
        </li>
        {o.kind === 'school' && (
          <>
            <li>
              <Link to={`/inventions?schoolId=${o.id}`}>{t('organisation.relatedInventions')}</Link>
            </li>
            <li>
              <Link to={`/families?schoolId=${o.id}`}>{t('organisation.relatedFamilies')}</Link>
            </li>
          </>
        )}
        <li>
          <Link to={`/agreements?partyId=${o.id}`}>{t('organisation.relatedAgreements')}</Link>
        </li>
      </ul>
    </article>
  );
}
