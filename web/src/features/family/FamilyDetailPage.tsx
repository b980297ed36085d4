import type { Asset } from '#core/asset';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { FamilyDocketSections } from '../docket/FamilyDocketSections.tsx';
import { FamilyPublications } from '../publication/FamilyPublications.tsx';
import { ApplicationTable } from './ApplicationTable.tsx';

/** A patent family: its record, co-owners and applications, its publications, then its deadlines, procedural events, costs and abandonment. */
export function FamilyDetailPage({ family, onChanged }: { family: Asset; onChanged?: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const user = useUser();
  const isWriter = canWrite(user, 'families');
  const f = family;
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {f.reference ?? t('family.one')} · <StatusBadge value={f.status} label={enumLabel(t, 'assetStatus', f.status)} />
          </p>
          <h1 id="page-title">{f.title}</h1>
        </div>
        <RecordActions pagePath={`/families/${f.id}`} canEdit={isWriter} canDelete={isWriter} />
      </div>
      <DetailList
        items={[
          { label: t('common.school'), value: <Link to={`/organisations/${f.schoolId}`}>{f.schoolName}</Link> },
          { label: t('family.invention'), value: f.inventionId && <Link to={`/inventions/${f.inventionId}`}>{t('family.openInvention')}</Link> },
          { label: t('family.priorityDate'), value: formatDate(f.firstFilingDate) },
          { label: t('family.docdbFamily'), value: f.familyId },
          { label: t('family.ownershipAgreement'), value: f.ownershipAgreementId && <Link to={`/agreements/${f.ownershipAgreementId}`}>{t('family.openAgreement')}</Link> },
          { label: t('common.updatedAt'), value: formatDate(f.updatedAt) },
        ]}
      />
      <h2>{t('family.owners')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('family.owner')}</th>
              <th scope="col" className="numeric">
                {t('family.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.owners.map((owner) => (
              <tr key={owner.organisationId}>
                <td>
                  <Link to={`/organisations/${owner.organisationId}`}>{owner.organisationName}</Link>
                </td>
                <td className="numeric">{formatNumber(owner.share / 100, { style: 'percent', maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('family.applications')}</h2>
      <ApplicationTable applications={f.applications} />
      <p>
        <Link to={`/agreements?assetId=${f.id}`}>{t('family.relatedAgreements')}</Link>
      </p>
      <FamilyPublications family={f} onFamilyChanged={onChanged} />
      <FamilyDocketSections family={f} onFamilyChanged={onChanged} />
    </article>
  );
}
