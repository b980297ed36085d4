import type { Asset } from '#core/asset';
import { assetStatuses, commonOffices } from '../../api/enums.ts';
import { errorText } from '../../api/error-text.ts';
import { useList } from '../../api/use-list.ts';
import { enumLabel, enumOptions } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { type ListColumn, ListView } from '../../ui/ListView.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canWrite } from '../auth/permissions.ts';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';

const offices = (family: Asset) => [...new Set(family.applications.map((application) => application.office))].join(' ');
const owners = (family: Asset) => family.owners.map((owner) => owner.organisationName).join(', ');

export function FamilyListPage() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const list = useList<Asset>('/api/families', { filters: ['status', 'schoolId', 'office', 'ownerId', 'inventionId'], defaultSort: '-updatedAt' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);

  const columns: ListColumn<Asset>[] = [
    { key: 'reference', header: t('common.reference'), sortKey: 'reference', render: (f) => f.reference, csv: (f) => f.reference },
    { key: 'title', header: t('common.title'), sortKey: 'title', render: (f) => <Link to={`/families/${f.id}`}>{f.title}</Link>, csv: (f) => f.title },
    { key: 'status', header: t('common.status'), sortKey: 'status', render: (f) => <StatusBadge value={f.status} label={enumLabel(t, 'assetStatus', f.status)} />, csv: (f) => enumLabel(t, 'assetStatus', f.status) },
    { key: 'school', header: t('common.school'), render: (f) => f.schoolName, csv: (f) => f.schoolName },
    { key: 'offices', header: t('family.offices'), render: offices, csv: offices },
    { key: 'firstFilingDate', header: t('family.priorityDate'), sortKey: 'firstFilingDate', render: (f) => formatDate(f.firstFilingDate), csv: (f) => f.firstFilingDate },
    { key: 'owners', header: t('family.owners'), render: owners, csv: owners },
  ];

  return (
    <ListView
      title={t('nav.families')}
      actions={canWrite(user, 'families') && <ButtonLink to="/families/new" variant="primary">{t('family.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-status" label={t('common.status')} value={list.filters.status ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'assetStatus', assetStatuses)} onChange={(v) => list.setFilter('status', v)} />
          <SelectField path="filter-school" label={t('common.school')} value={list.filters.schoolId ?? ''} emptyLabel={t('ui.all')} options={schools} onChange={(v) => list.setFilter('schoolId', v)} />
          <SelectField path="filter-office" label={t('family.office')} value={list.filters.office ?? ''} emptyLabel={t('ui.all')} options={commonOffices.map((code) => ({ value: code, label: code }))} onChange={(v) => list.setFilter('office', v)} />
          <OrganisationPicker path="filter-owner" label={t('family.owner')} value={list.filters.ownerId ?? null} onChange={(id) => list.setFilter('ownerId', id ?? '')} />
        </>
      }
      columns={columns}
      rowKey={(f) => f.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="patent-families"
    />
  );
}
