import type { Invention } from '#core/invention';
import { inventionStatuses } from '../../api/enums.ts';
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
import { canCreate } from '../auth/permissions.ts';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { PersonPicker } from '../directory/PersonPicker.tsx';

export function InventionListPage() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const list = useList<Invention>('/api/inventions', { filters: ['status', 'schoolId', 'inventorId'], defaultSort: '-updatedAt' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);
  const inventors = (i: Invention) => i.inventors.map((inventor) => inventor.name).join(', ');

  const columns: ListColumn<Invention>[] = [
    { key: 'reference', header: t('common.reference'), render: (i) => i.reference, csv: (i) => i.reference },
    { key: 'title', header: t('common.title'), sortKey: 'title', render: (i) => <Link to={`/inventions/${i.id}`}>{i.title}</Link>, csv: (i) => i.title },
    { key: 'status', header: t('common.status'), sortKey: 'status', render: (i) => <StatusBadge value={i.status} label={enumLabel(t, 'inventionStatus', i.status)} />, csv: (i) => enumLabel(t, 'inventionStatus', i.status) },
    { key: 'school', header: t('common.school'), render: (i) => i.schoolName, csv: (i) => i.schoolName },
    { key: 'inventors', header: t('invention.inventors'), render: inventors, csv: inventors },
    { key: 'disclosedOn', header: t('invention.disclosedOn'), sortKey: 'disclosedOn', render: (i) => formatDate(i.disclosedOn), csv: (i) => i.disclosedOn },
  ];

  return (
    <ListView
      title={t('nav.inventions')}
      actions={canCreate(user, 'inventions') && <ButtonLink to="/inventions/new" variant="primary">{t('invention.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-status" label={t('common.status')} value={list.filters.status ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'inventionStatus', inventionStatuses)} onChange={(v) => list.setFilter('status', v)} />
          <SelectField path="filter-school" label={t('common.school')} value={list.filters.schoolId ?? ''} emptyLabel={t('ui.all')} options={schools} onChange={(v) => list.setFilter('schoolId', v)} />
          <PersonPicker path="filter-inventor" label={t('invention.inventor')} value={list.filters.inventorId ?? null} onChange={(id) => list.setFilter('inventorId', id ?? '')} />
        </>
      }
      columns={columns}
      rowKey={(i) => i.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="inventions"
    />
  );
}
