import { type SQL, asc, eq, sql } from 'drizzle-orm';
import { type AssetFilter, normalisePatentNumber } from '#core/asset';
import type { ListQuery } from '#core/common';
import { DomainError } from '../../platform/errors.ts';
import { matchesText, orderBy } from '../../platform/list.ts';
import { applications, assets, ownershipShares, publications } from './asset.table.ts';

/** How a list of assets is filtered, searched and sorted: conditions and orderings on the `assets` table. */

const sortable = {
  title: assets.title,
  reference: assets.reference,
  status: assets.status,
  createdAt: assets.createdAt,
  updatedAt: assets.updatedAt,
};
const sortFields = [...Object.keys(sortable), 'firstFilingDate'];

/** The same expression as the GIN index `assets_search_idx`, so the planner uses the index. */
const searchDocument = sql`to_tsvector('simple', ${assets.title} || ' ' || coalesce(${assets.reference}, ''))`;

const firstFilingDate = sql`(select min(${applications.filingDate}) from ${applications} where ${applications.assetId} = ${assets.id})`;

export function assetOrder(query: ListQuery): SQL[] {
  const requested = query.sort ?? '-updatedAt';
  const field = requested.replace(/^-/, '');
  if (!sortFields.includes(field)) {
    throw DomainError.invalid('sort', `must be one of ${sortFields.join(', ')} (with "-" for descending)`);
  }
  if (field !== 'firstFilingDate') return orderBy(query, sortable, '-updatedAt', assets.id);
  // Assets without applications (software, know-how) sort last either way.
  const direction = requested.startsWith('-') ? sql`desc` : sql`asc`;
  return [sql`${firstFilingDate} ${direction} nulls last`, asc(assets.id)];
}

/**
 * Words of the title or reference (prefix full-text search); exactly the reference (the text parser splits
 * "PF-2021-003" into "pf" and the number "-2021", which no prefix query matches); or exactly an application
 * or publication number, as the office writes it ("FR2001234", "EP2400812"). One `in (… union …)` rather
 * than an `or`, so the text arm uses the GIN index and the other arms their own scans.
 */
export function matchesSearch(q: string): SQL {
  const number = normalisePatentNumber(q);
  return sql`${assets.id} in (
    select ${assets.id} from ${assets} where ${matchesText(searchDocument, q)}
    union select ${assets.id} from ${assets} where ${assets.reference} in (${q}, ${number})
    union select ${applications.assetId} from ${applications} where ${applications.applicationNumber} = ${number}
    union select ${applications.assetId} from ${publications}
      join ${applications} on ${applications.id} = ${publications.applicationId}
      where ${publications.number} = ${number}
  )`;
}

export function filterConditions(filter: AssetFilter): (SQL | undefined)[] {
  return [
    filter.kind ? eq(assets.kind, filter.kind) : undefined,
    filter.status ? eq(assets.status, filter.status) : undefined,
    filter.schoolId ? eq(assets.schoolId, filter.schoolId) : undefined,
    filter.inventionId ? eq(assets.inventionId, filter.inventionId) : undefined,
    filter.office
      ? sql`exists (select 1 from ${applications} where ${applications.assetId} = ${assets.id} and ${applications.office} = ${filter.office})`
      : undefined,
    filter.ownerId
      ? sql`exists (select 1 from ${ownershipShares} where ${ownershipShares.assetId} = ${assets.id} and ${ownershipShares.organisationId} = ${filter.ownerId})`
      : undefined,
  ];
}
