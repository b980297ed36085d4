import { type SQL, asc, desc, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ListQuery, Page } from '#core/common';
import { DomainError } from './errors.ts';

/**
 * ORDER BY for a list: the requested field (`-field` for descending) among those allowed, then the id in
 * the same direction, so that pages never overlap or skip rows and one index on (field, id) serves both
 * directions.
 */
export function orderBy(
  query: Pick<ListQuery, 'sort'>,
  sortable: Record<string, AnyPgColumn>,
  fallback: string,
  tieBreaker: AnyPgColumn,
): SQL[] {
  const requested = query.sort ?? fallback;
  const descending = requested.startsWith('-');
  const field = descending ? requested.slice(1) : requested;
  const column = sortable[field];
  if (!column) {
    throw DomainError.invalid('sort', `must be one of ${Object.keys(sortable).join(', ')} (with "-" for descending)`);
  }
  return descending ? [desc(column), desc(tieBreaker)] : [asc(column), asc(tieBreaker)];
}

/**
 * A prefix full-text query over the words typed: "graph sens" finds "graphene sensor". Words are reduced
 * to letters and digits so no user text reaches to_tsquery's syntax.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `${word}:*`).join(' & ');
}

export function matchesText(document: SQL, text: string): SQL {
  const query = prefixTsQuery(text);
  if (query === null) return sql`true`;
  return sql`${document} @@ to_tsquery('simple', ${query})`;
}

export function toPage<T>(items: T[], total: number, query: Pick<ListQuery, 'limit' | 'offset'>): Page<T> {
  const nextOffset = query.offset + items.length < total ? query.offset + items.length : null;
  return { items, total, limit: query.limit, offset: query.offset, nextOffset };
}

export const countAll = sql<number>`count(*)::int`;
