import type { Person } from '#core/person';
import { RecordActions } from '../../api/RecordActions.tsx';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { personLabel } from '../directory/directory-api.ts';

export function PersonDetailPage({ person }: { person: Person }) {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const isWriter = canWrite(user, 'people');
  return (
    <article aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <p className="eyebrow">{enumLabel(t, 'employmentStatus', person.employmentStatus)}</p>
          <h1 id="page-title">{personLabel(person)}</h1>
        </div>
        <RecordActions pagePath={`/people/${person.id}`} canEdit={isWriter} canDelete={isWriter} />
      </div>
      <DetailList
        items={[
          { label: t('person.email'), value: person.email && <a href={`mailto:${person.email}`}>{person.email}</a> },
          { label: t('person.orcid'), value: person.orcid },
          { label: t('common.updatedAt'), value: formatDate(person.updatedAt) },
        ]}
      />
      <h2>{t('person.affiliations')}</h2>
      {person.affiliations.length === 0 ? (
        <p className="muted">{t('ui.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('person.organisation')}</th>
                <th scope="col">{t('person.title')}</th>
                <th scope="col">{t('person.startDate')}</th>
                <th scope="col">{t('person.endDate')}</th>
              </tr>
            </thead>
            <tbody>
              {person.affiliations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/organisations/${a.organisationId}`}>{a.organisationName}</Link>
                  </td>
                  <td>{a.title}</td>
                  <td>{formatDate(a.startDate)}</td>
                  <td>{formatDate(a.endDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`/inventions?inventorId=${person.id}`}>{t('person.relatedInventions')}</Link>
      </p>
    </article>
  );
}
