import { type SQL, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { inventors } from '../invention/invention.table.ts';
import { assets, ownershipShares } from './asset.table.ts';

/**
 * The assets an actor may open, as a condition on the `assets` table (undefined: all of them). Lists,
 * reads by id and the portfolio counts all use it, so a record is never counted where it cannot be opened.
 *
 * - admin, reader, central officer: every asset;
 * - a school's officer: the assets of that school;
 * - a researcher: the assets of the inventions they are an inventor on;
 * - a partner: the assets their organisation co-owns.
 */
export function visibleAssets(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'admin':
    case 'reader':
      return undefined;
    case 'officer':
      return actor.schoolId === null ? undefined : eq(assets.schoolId, actor.schoolId);
    case 'researcher':
      if (actor.personId === null) return sql`false`;
      return sql`exists (select 1 from ${inventors} where ${inventors.inventionId} = ${assets.inventionId} and ${inventors.personId} = ${actor.personId})`;
    case 'partner':
      if (actor.organisationId === null) return sql`false`;
      return sql`exists (select 1 from ${ownershipShares} where ${ownershipShares.assetId} = ${assets.id} and ${ownershipShares.organisationId} = ${actor.organisationId})`;
  }
}
