import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

export interface Column<T> {
  key: string;
  header: string;
  /** The API's sort field for this column, when the list can be sorted by it. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  isNumeric?: boolean;
}

interface TableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** `field` or `-field`, as the API takes it. */
  sort?: string;
  onSort?: (sort: string) => void;
  emptyText: string;
}

function sortState(sort: string | undefined, key: string): 'ascending' | 'descending' | 'none' {
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return 'none';
}

/** A data table whose sortable headers are buttons, with the current order announced through aria-sort. */
export function Table<T>({ caption, columns, rows, rowKey, sort, onSort, emptyText }: TableProps<T>) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const state = column.sortKey ? sortState(sort, column.sortKey) : undefined;
              const sortKey = column.sortKey;
              return (
                <th key={column.key} scope="col" aria-sort={state} className={column.isNumeric ? 'numeric' : undefined}>
                  {sortKey && onSort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(state === 'ascending' ? `-${sortKey}` : sortKey)}>
                      {column.header}
                      <span className="sort-icon" aria-hidden="true">
                        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">{t('ui.sortBy')}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.isNumeric ? 'numeric' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
