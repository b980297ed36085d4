import type { Page } from '#core/common';
import { useSearchParams } from '../router/router.tsx';
import { api, toQueryString } from './client.ts';
import { type Resource, useResource } from './use-resource.ts';

export interface ListState<T> {
  q: string;
  sort: string | undefined;
  offset: number;
  limit: number;
  /** The filters in force, by name, as in the address bar. */
  filters: Record<string, string>;
  page: Resource<Page<T>>;
  setQuery(q: string): void;
  setFilter(name: string, value: string): void;
  setSort(sort: string): void;
  setOffset(offset: number): void;
  /** Every record that matches the search and filters, page after page (for the CSV export). */
  fetchAll(): Promise<T[]>;
}

const PAGE_SIZE = 25;
const EXPORT_PAGE_SIZE = 1000;
const EXPORT_MAX_PAGES = 20;

/** A list whose search, filters, order and page live in the query string, so a list can be shared or bookmarked. */
export function useList<T>(path: string, options: { filters: readonly string[]; defaultSort?: string }): ListState<T> {
  const [search, setSearch] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const name of options.filters) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  const q = search.get('q') ?? '';
  const sort = search.get('sort') ?? options.defaultSort;
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const params = { ...filters, q, sort, offset, limit: PAGE_SIZE };
  const page = useResource(path + toQueryString(params), () => api.list<T>(path, params));

  return {
    q,
    sort,
    offset,
    limit: PAGE_SIZE,
    filters,
    page,
    setQuery: (text) => setSearch({ q: text.trim() || null, offset: null }, { replace: true }),
    setFilter: (name, value) => setSearch({ [name]: value || null, offset: null }),
    setSort: (next) => setSearch({ sort: next, offset: null }),
    setOffset: (next) => setSearch({ offset: next > 0 ? String(next) : null }),
    async fetchAll() {
      const items: T[] = [];
      let nextOffset: number | null = 0;
      for (let count = 0; nextOffset !== null && count < EXPORT_MAX_PAGES; count++) {
        const answer: Page<T> = await api.list<T>(path, { ...filters, q, sort, offset: nextOffset, limit: EXPORT_PAGE_SIZE });
        items.push(...answer.items);
        nextOffset = answer.nextOffset;
      }
      return items;
    },
  };
}
