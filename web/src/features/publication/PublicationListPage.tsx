import type { PublicationSummary } from '#core/publication-corpus';
import { commonOffices } from '../../api/enums.ts';
import { errorText } from '../../api/error-text.ts';
import { useList } from '../../api/use-list.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { type ListColumn, ListView } from '../../ui/ListView.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { canImport, publicationLabel } from './publication-api.ts';

const kinds = ['A1', 'A2', 'A3', 'B1', 'B2', 'A', 'B', 'C', 'T', 'S1'];
const applicants = (publication: PublicationSummary) => publication.applicantNames.join('; ');

/** The publication corpus: every publication imported, the institution's and everyone else's. */
export function PublicationListPage() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const list = useList<PublicationSummary>('/api/publications', { filters: ['country', 'kind', 'year', 'applicant', 'linked'], defaultSort: '-publicationDate' });
  const page = list.page.data ?? (list.page.state === 'loading' ? list.page.stale : null);
  const linkedLabel = (publication: PublicationSummary) => (publication.isLinked ? t('publication.linkedYes') : t('publication.linkedNo'));

  const columns: ListColumn<PublicationSummary>[] = [
    {
      key: 'number',
      header: t('publication.number'),
      sortKey: 'number',
      render: (p) => (
        <Link to={`/publications/${p.id}`} className="mono">
          {publicationLabel(p)}
        </Link>
      ),
      csv: publicationLabel,
    },
    { key: 'publicationDate', header: t('publication.date'), sortKey: 'publicationDate', render: (p) => formatDate(p.publicationDate), csv: (p) => p.publicationDate },
    { key: 'title', header: t('common.title'), render: (p) => p.title, csv: (p) => p.title },
    { key: 'applicants', header: t('publication.applicants'), render: applicants, csv: applicants },
    { key: 'applicationNumber', header: t('family.applicationNumber'), render: (p) => p.applicationNumber, csv: (p) => p.applicationNumber },
    { key: 'linked', header: t('publication.linked'), render: linkedLabel, csv: linkedLabel },
  ];

  return (
    <ListView
      title={t('nav.publications')}
      actions={
        canImport(user) && (
          <>
            <ButtonLink to="/publications/review">{t('publication.review')}</ButtonLink>
            <ButtonLink to="/publications/import" variant="primary">
              {t('publication.import')}
            </ButtonLink>
          </>
        )
      }
      filters={
        <>
          <SelectField path="filter-country" label={t('publication.country')} value={list.filters.country ?? ''} emptyLabel={t('ui.all')} options={commonOffices.map((code) => ({ value: code, label: code }))} onChange={(v) => list.setFilter('country', v)} />
          <SelectField
            path="filter-kind"
            label={t('publication.kind')}
            value={list.filters.kind ?? ''}
            emptyLabel={t('ui.all')}
            options={[...kinds.map((kind) => ({ value: kind, label: kind })), { value: 'none', label: t('publication.noKind') }]}
            onChange={(v) => list.setFilter('kind', v)}
          />
          <SearchBox label={t('publication.year')} value={list.filters.year ?? ''} onSearch={(v) => /^(\d{4})?$/.test(v.trim()) && list.setFilter('year', v.trim())} />
          <SearchBox label={t('publication.applicant')} value={list.filters.applicant ?? ''} onSearch={(v) => list.setFilter('applicant', v.trim())} />
          <SelectField
            path="filter-linked"
            label={t('publication.linked')}
            value={list.filters.linked ?? ''}
            emptyLabel={t('ui.all')}
            options={[
              { value: 'true', label: t('publication.linkedYes') },
              { value: 'false', label: t('publication.linkedNo') },
            ]}
            onChange={(v) => list.setFilter('linked', v)}
          />
        </>
      }
      columns={columns}
      rowKey={(p) => p.id}
      state={list}
      page={page}
      isLoading={list.page.state === 'loading'}
      error={list.page.state === 'failed' ? errorText(t, list.page.error) : null}
      exportName="publications"
    />
  );
}
