import type { Person } from '#core/person';
import { employmentStatuses } from '../../api/enums.ts';
import { errorText } from '../../api/error-text.ts';
import { useList } from '../../api/use-list.ts';
import { enumLabel, enumOptions } from '../../i18n/enum-options.ts';
import { useT } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { type ListColumn, ListView } from '../../ui/ListView.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';

export function PersonListPage() {
  const t = useT();
  const user = useUser();
  const list = useList<Person>('/api/people', { filters: ['employmentStatus', 'organisationId'], defaultSort: 'lastName' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);
  const affiliations = (p: Person) => p.affiliations.map((a) => a.organisationName).join(', ');

  const columns: ListColumn<Person>[] = [
    { key: 'lastName', header: t('person.lastName'), sortKey: 'lastName', render: (p) => <Link to={`/people/${p.id}`}>{p.lastName}</Link>, csv: (p) => p.lastName },
    { key: 'firstName', header: t('person.firstName'), sortKey: 'firstName', render: (p) => p.firstName, csv: (p) => p.firstName },
    { key: 'email', header: t('person.email'), render: (p) => p.email, csv: (p) => p.email },
    { key: 'status', header: t('person.employmentStatus'), render: (p) => enumLabel(t, 'employmentStatus', p.employmentStatus), csv: (p) => enumLabel(t, 'employmentStatus', p.employmentStatus) },
    { key: 'affiliations', header: t('person.affiliations'), render: affiliations, csv: affiliations },
    { key: 'orcid', header: t('person.orcid'), render: (p) => p.orcid, csv: (p) => p.orcid },
  ];

  return (
    <ListView
      title={t('nav.people')}
      actions={canWrite(user, 'people') && <ButtonLink to="/people/new" variant="primary">{t('person.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-status" label={t('person.employmentStatus')} value={list.filters.employmentStatus ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'employmentStatus', employmentStatuses)} onChange={(value) => list.setFilter('employmentStatus', value)} />
          <OrganisationPicker path="filter-organisation" label={t('person.organisation')} value={list.filters.organisationId ?? null} onChange={(id) => list.setFilter('organisationId', id ?? '')} />
        </>
      }
      columns={columns}
      rowKey={(p) => p.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="people"
    />
  );
}
