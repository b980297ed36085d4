import type { Agreement } from '#core/agreement';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { LinkedName } from '../directory/LinkedName.tsx';
import { AssetLink } from './AssetLink.tsx';

export function AgreementDetailPage({ agreement }: { agreement: Agreement }) {
  const { t, formatDate, formatNumber } = useI18n();
  const user = useUser();
  const isWriter = canWrite(user, 'agreements');
  const a = agreement;
  const yesNo = a.exclusive === null ? '' : a.exclusive ? t('common.yes') : t('common.no');
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {enumLabel(t, 'agreementType', a.type)}
            {a.reference && ` · ${a.reference}`} · <StatusBadge value={a.status} label={enumLabel(t, 'agreementStatus', a.status)} />
          </p>
          <h1 id="page-title">{a.title}</h1>
        </div>
        <RecordActions pagePath={`/agreements/${a.id}`} canEdit={isWriter} canDelete={isWriter} />
      </div>
      <DetailList
        items={[
          { label: t('common.school'), value: a.schoolId && <LinkedName kind="organisation" id={a.schoolId} /> },
          { label: t('agreement.signedOn'), value: formatDate(a.signedOn) },
          { label: t('agreement.startsOn'), value: formatDate(a.startsOn) },
          { label: t('agreement.endsOn'), value: formatDate(a.endsOn) },
          { label: t('agreement.exclusive'), value: yesNo },
          { label: t('agreement.field'), value: a.field },
          { label: t('agreement.territory'), value: a.territory },
          { label: t('agreement.amountEur'), value: a.amountEur === null ? '' : formatNumber(a.amountEur, { style: 'currency', currency: 'EUR' }) },
          { label: t('common.updatedAt'), value: formatDate(a.updatedAt) },
        ]}
      />
      <h2>{t('agreement.parties')}</h2>
      <ul className="related">
        {a.parties.map((party) => (
          <li key={party.organisationId}>
            <Link to={`/organisations/${party.organisationId}`}>{party.organisationName}</Link> — {enumLabel(t, 'partyRole', party.role)}
          </li>
        ))}
      </ul>
      <h2>{t('agreement.assets')}</h2>
      {a.assetIds.length === 0 ? (
        <p className="muted">{t('ui.none')}</p>
      ) : (
        <ul className="related">
          {a.assetIds.map((id) => (
            <li key={id}>
              <AssetLink id={id} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
