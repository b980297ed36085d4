import type { Agreement } from '#core/agreement';
import { agreementStatuses, agreementTypes } from '../../api/enums.ts';
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

const parties = (agreement: Agreement) => agreement.parties.map((party) => party.organisationName).join(', ');

export function AgreementListPage() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const schools = useSchoolOptions();
  const list = useList<Agreement>('/api/agreements', { filters: ['type', 'status', 'schoolId', 'partyId', 'assetId'], defaultSort: '-updatedAt' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);

  const columns: ListColumn<Agreement>[] = [
    { key: 'reference', header: t('common.reference'), sortKey: 'reference', render: (a) => a.reference, csv: (a) => a.reference },
    { key: 'title', header: t('common.title'), sortKey: 'title', render: (a) => <Link to={`/agreements/${a.id}`}>{a.title}</Link>, csv: (a) => a.title },
    { key: 'type', header: t('agreement.type'), sortKey: 'type', render: (a) => enumLabel(t, 'agreementType', a.type), csv: (a) => enumLabel(t, 'agreementType', a.type) },
    { key: 'status', header: t('common.status'), sortKey: 'status', render: (a) => <StatusBadge value={a.status} label={enumLabel(t, 'agreementStatus', a.status)} />, csv: (a) => enumLabel(t, 'agreementStatus', a.status) },
    { key: 'parties', header: t('agreement.parties'), render: parties, csv: parties },
    { key: 'signedOn', header: t('agreement.signedOn'), sortKey: 'signedOn', render: (a) => formatDate(a.signedOn), csv: (a) => a.signedOn },
    { key: 'endsOn', header: t('agreement.endsOn'), sortKey: 'endsOn', render: (a) => formatDate(a.endsOn), csv: (a) => a.endsOn },
  ];

  return (
    <ListView
      title={t('nav.agreements')}
      actions={canWrite(user, 'agreements') && <ButtonLink to="/agreements/new" variant="primary">{t('agreement.new')}</ButtonLink>}
      filters={
        <>
          <SelectField path="filter-type" label={t('agreement.type')} value={list.filters.type ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'agreementType', agreementTypes)} onChange={(v) => list.setFilter('type', v)} />
          <SelectField path="filter-status" label={t('common.status')} value={list.filters.status ?? ''} emptyLabel={t('ui.all')} options={enumOptions(t, 'agreementStatus', agreementStatuses)} onChange={(v) => list.setFilter('status', v)} />
          <SelectField path="filter-school" label={t('common.school')} value={list.filters.schoolId ?? ''} emptyLabel={t('ui.all')} options={schools} onChange={(v) => list.setFilter('schoolId', v)} />
          <OrganisationPicker path="filter-party" label={t('agreement.party')} value={list.filters.partyId ?? null} onChange={(id) => list.setFilter('partyId', id ?? '')} />
        </>
      }
      columns={columns}
      rowKey={(a) => a.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="agreements"
    />
  );
}
