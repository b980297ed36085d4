import type { Startup } from '#core/startup';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { LinkedName } from '../directory/LinkedName.tsx';

export function StartupDetailPage({ startup }: { startup: Startup }) {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const isWriter = canWrite(user, 'startups');
  const s = startup;
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {s.isSpinOff ? t('startup.spinOff') : t('startup.one')} · <StatusBadge value={s.stage} label={enumLabel(t, 'startupStage', s.stage)} />
          </p>
          <h1 id="page-title">{s.name}</h1>
        </div>
        <RecordActions pagePath={`/startups/${s.id}`} canEdit={isWriter} canDelete={isWriter} />
      </div>
      <DetailList
        items={[
          { label: t('startup.company'), value: <Link to={`/organisations/${s.organisationId}`}>{s.name}</Link> },
          { label: t('common.school'), value: s.schoolId && <LinkedName kind="organisation" id={s.schoolId} /> },
          { label: t('startup.incubator'), value: s.incubatorId && <LinkedName kind="organisation" id={s.incubatorId} /> },
          { label: t('startup.incubationStart'), value: formatDate(s.incubationStart) },
          { label: t('startup.incubationEnd'), value: formatDate(s.incubationEnd) },
          { label: t('startup.foundedOn'), value: formatDate(s.foundedOn) },
          { label: t('common.updatedAt'), value: formatDate(s.updatedAt) },
        ]}
      />
      <h2>{t('startup.description')}</h2>
      <p className="prose">{s.description || '—'}</p>
      <h2>{t('startup.founders')}</h2>
      {s.founders.length === 0 ? (
        <p className="muted">{t('ui.none')}</p>
      ) : (
        <ul className="related">
          {s.founders.map((founder) => (
            <li key={founder.personId}>
              <Link to={`/people/${founder.personId}`}>{founder.name}</Link>
              {founder.role && ` — ${founder.role}`}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/agreements?partyId=${s.organisationId}`}>{t('startup.relatedAgreements', { count: s.agreementIds.length })}</Link>
      </p>
    </article>
  );
}
