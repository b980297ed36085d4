import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Button } from './Button.tsx';
import { type CsvCell, downloadCsv, toCsv } from './csv.ts';
import { Loading, Notice } from './Notice.tsx';
import { Pagination } from './Pagination.tsx';
import { SearchBox } from './SearchBox.tsx';
import { type Column, Table } from './Table.tsx';

export interface ListColumn<T> extends Column<T> {
  /** The cell's value in the CSV export; a column without it is left out of the file. */
  csv?: (row: T) => CsvCell;
}

interface ListViewProps<T> {
  title: string;
  actions?: ReactNode;
  filters?: ReactNode;
  columns: readonly ListColumn<T>[];
  rowKey: (row: T) => string;
  state: {
    q: string;
    sort: string | undefined;
    setQuery(q: string): void;
    setSort(sort: string): void;
    setOffset(offset: number): void;
    fetchAll(): Promise<T[]>;
  };
  /** The page shown, or null before the first answer. */
  page: { items: readonly T[]; total: number; limit: number; offset: number } | null;
  isLoading: boolean;
  error: string | null;
  exportName: string;
}

/** A searchable, filterable, sortable list with its count, pages and CSV export. */
export function ListView<T>({ title, actions, filters, columns, rowKey, state, page, isLoading, error, exportName }: ListViewProps<T>) {
  const { t, lang, formatNumber } = useI18n();
  const [isExporting, setIsExporting] = useState(false);

  const exportCsv = async () => {
    setIsExporting(true);
    try {
      const rows = await state.fetchAll();
      const exported = columns.filter((column) => column.csv);
      const lines = [exported.map((column) => column.header), ...rows.map((row) => exported.map((column) => column.csv?.(row)))];
      // French Excel splits on semicolons, English on commas.
      downloadCsv(`${exportName}.csv`, toCsv(lines, lang === 'fr' ? ';' : ','));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <section className="list-view" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{title}</h1>
        <div className="page-actions">
          {actions}
          <Button onClick={() => void exportCsv()} disabled={isExporting || !page || page.total === 0}>
            {t('ui.exportCsv')}
          </Button>
        </div>
      </div>
      <div className="toolbar">
        <SearchBox label={t('ui.search')} value={state.q} onSearch={state.setQuery} />
        {filters}
      </div>
      <p className="list-count" role="status" aria-live="polite">
        {page ? t('ui.resultCount', { count: formatNumber(page.total) }) : ''}
        {isLoading && page ? ` — ${t('ui.loading')}` : ''}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {!page && !error && <Loading label={t('ui.loading')} />}
      {page && (
        <>
          <Table caption={title} columns={columns} rows={page.items} rowKey={rowKey} sort={state.sort} onSort={state.setSort} emptyText={t('ui.noResults')} />
          <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={state.setOffset} />
        </>
      )}
    </section>
  );
}
