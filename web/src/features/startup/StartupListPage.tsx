import type { Startup } from '#core/startup';
import { startupStages } from '../../api/enums.ts';
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

const founders = (startup: Startup) => startup.founders.map((founder) => founder.name).join(', ');

export function StartupListPage() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const list = useList<Startup>('/api/startups', { filters: ['stage', 'schoolId', 'incubatorId', 'isSpinOff'], defaultSort: 'name' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);
  const spinOff = (s: Startup) => (s.isSpinOff ? t('common.yes') : t('common.no'));

  const columns: ListColumn<Startup>[] = [
    { key: 'name', header: t('startup.name'), sortKey: 'name', render: (s) => <Link to={`/startups/${s.id}`}>{s.name}</Link>, csv: (s) => s.name },
    { key: 'stage', header: t('startup.stage'), sortKey: 'stage', render: (s) => <StatusBadge value={s.stage} label={enumLabel(t, 'startupStage', s.stage)} />, csv: (s) => enumLabel(t, 'startupStage', s.stage) },
    { key: 'isSpinOff', header: t('startup.isSpinOff'), render: spinOff, csv: spinOff },
    { key: 'founders', header: t('startup.founders'), render: founders, csv: founders },
    { key: 'foundedOn', header: t('startup.foundedOn'), sortKey: 'foundedOn', render: (s) => formatDate(s.foundedOn), csv: (s) => s.foundedOn },
  ];

  return (
    <ListView
      title={t('nav.startups')}
      actions={canWrite(user, 'startups') && <ButtonLink to="/startups/new" variant="primary">{t('startup.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-stage" label={t('startup.stage')} value={list.filters.stage ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'startupStage', startupStages)} onChange={(v) => list.setFilter('stage', v)} />
          <SelectField path="filter-school" label={t('common.school')} value={list.filters.schoolId ?? ''} emptyLabel={t('ui.all')} options={schools} onChange={(v) => list.setFilter('schoolId', v)} />
          <SelectField path="filter-spinoff" label={t('startup.isSpinOff')} value={list.filters.isSpinOff ?? ''} emptyLabel={t('ui.all')} options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} onChange={(v) => list.setFilter('isSpinOff', v)} />
          <OrganisationPicker path="filter-incubator" kind="incubator" label={t('startup.incubator')} value={list.filters.incubatorId ?? null} onChange={(id) => list.setFilter('incubatorId', id ?? '')} />
        </>
      }
      columns={columns}
      rowKey={(s) => s.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="startups"
    />
  );
}
