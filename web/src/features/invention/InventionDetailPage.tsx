import type { Invention } from '#core/invention';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canEditInvention, canWrite } from '../auth/permissions.ts';
import { LinkedName } from '../directory/LinkedName.tsx';

export function InventionDetailPage({ invention }: { invention: Invention }) {
  const { t, formatDate, formatNumber } = useI18n();
  const user = useUser();
  const i = invention;
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {i.reference ?? t('invention.one')} · <StatusBadge value={i.status} label={enumLabel(t, 'inventionStatus', i.status)} />
          </p>
          <h1 id="page-title">{i.title}</h1>
        </div>
        <RecordActions pagePath={`/inventions/${i.id}`} canEdit={canEditInvention(user, i)} canDelete={canWrite(user, 'inventions')} />
      </div>
      <DetailList
        items={[
          { label: t('common.school'), value: <Link to={`/organisations/${i.schoolId}`}>{i.schoolName}</Link> },
          { label: t('invention.researchUnit'), value: i.researchUnitId && <LinkedName kind="organisation" id={i.researchUnitId} /> },
          { label: t('invention.carnot'), value: i.carnotId && <LinkedName kind="organisation" id={i.carnotId} /> },
          { label: t('invention.partnershipAgreement'), value: i.partnershipAgreementId && <Link to={`/agreements/${i.partnershipAgreementId}`}>{t('invention.partnershipAgreement')}</Link> },
          { label: t('invention.funding'), value: i.funding },
          { label: t('invention.disclosedOn'), value: formatDate(i.disclosedOn) },
          { label: t('invention.decidedOn'), value: formatDate(i.decidedOn) },
          { label: t('common.updatedAt'), value: formatDate(i.updatedAt) },
        ]}
      />
      <h2>{t('invention.summary')}</h2>
      <p className="prose">{i.summary || '—'}</p>
      <h2>{t('invention.inventors')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('invention.inventor')}</th>
              <th scope="col" className="numeric">
                {t('invention.contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {i.inventors.map((inventor) => (
              <tr key={inventor.personId}>
                <td>
                  <Link to={`/people/${inventor.personId}`}>{inventor.name}</Link>
                </td>
                <td className="numeric">{formatNumber(inventor.contribution / 100, { style: 'percent', maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`/families?inventionId=${i.id}`}>{t('invention.relatedFamilies')}</Link>
      </p>
    </article>
  );
}
