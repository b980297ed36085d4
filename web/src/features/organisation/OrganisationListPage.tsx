import type { Organisation } from '#core/organisation';
import { companyCategories, organisationKinds } from '../../api/enums.ts';
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

export function OrganisationListPage() {
  const t = useT();
  const user = useUser();
  const list = useList<Organisation>('/api/organisations', { filters: ['kind', 'companyCategory'], defaultSort: 'name' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);

  const columns: ListColumn<Organisation>[] = [
    { key: 'name', header: t('organisation.name'), sortKey: 'name', render: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link>, csv: (o) => o.name },
    { key: 'shortName', header: t('organisation.shortName'), render: (o) => o.shortName, csv: (o) => o.shortName },
    { key: 'kind', header: t('organisation.kind'), sortKey: 'kind', render: (o) => enumLabel(t, 'organisationKind', o.kind), csv: (o) => enumLabel(t, 'organisationKind', o.kind) },
    { key: 'city', header: t('organisation.city'), render: (o) => o.city, csv: (o) => o.city },
    { key: 'country', header: t('organisation.country'), render: (o) => o.country, csv: (o) => o.country },
    { key: 'siren', header: t('organisation.siren'), render: (o) => o.siren ?? o.rnsr, csv: (o) => o.siren ?? o.rnsr },
  ];

  return (
    <ListView
      title={t('nav.organisations')}
      actions={canWrite(user, 'organisations') && <ButtonLink to="/organisations/new" variant="primary">{t('organisation.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-kind" label={t('organisation.kind')} value={list.filters.kind ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'organisationKind', organisationKinds)} onChange={(value) => list.setFilter('kind', value)} />
          <SelectField path="filter-category" label={t('organisation.companyCategory')} value={list.filters.companyCategory ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'companyCategory', companyCategories)} onChange={(value) => list.setFilter('companyCategory', value)} />
        </>
      }
      columns={columns}
      rowKey={(o) => o.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="organisations"
    />
  );
}
