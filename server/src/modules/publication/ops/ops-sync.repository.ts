import { and, asc, eq, exists, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { applications, assets } from '../../asset/asset.table.ts';
import { familySyncs } from '../publication.table.ts';

export type FamilySyncRow = typeof familySyncs.$inferSelect;

/** Families the scheduler leaves alone: OPS has nothing more to tell the office about them. */
export const UNSYNCED_STATUSES = ['abandoned', 'transferred', 'lapsed'] as const;

export function createFamilySyncRepository(db: Db) {
  return {
    async find(assetId: string, tx: Db = db): Promise<FamilySyncRow | null> {
      const [row] = await tx.select().from(familySyncs).where(eq(familySyncs.assetId, assetId));
      return row ?? null;
    },

    /**
     * Marks the family's sync as running, unless one is: answers false when another sync of the family
     * started after `staleBefore` and has not ended (an older one died with its server and is taken over).
     */
    async claim(row: Pick<FamilySyncRow, 'assetId' | 'startedAt' | 'startedBy'>, staleBefore: string, tx: Db = db): Promise<boolean> {
      const claimed = await tx
        .insert(familySyncs)
        .values({ ...row, status: 'running', finishedAt: null, lastSuccessAt: null, message: null, requests: [], runId: null })
        .onConflictDoUpdate({
          target: familySyncs.assetId,
          set: { status: 'running', startedAt: row.startedAt, startedBy: row.startedBy, finishedAt: null, message: null },
          setWhere: or(sql`${familySyncs.status} <> 'running'`, lt(familySyncs.startedAt, staleBefore)),
        })
        .returning({ assetId: familySyncs.assetId });
      return claimed.length > 0;
    },

    async finish(assetId: string, values: Pick<FamilySyncRow, 'status' | 'finishedAt' | 'message' | 'requests' | 'runId'> & { lastSuccessAt?: string }, tx: Db = db): Promise<void> {
      await tx.update(familySyncs).set(values).where(eq(familySyncs.assetId, assetId));
    },

    /**
     * The families the scheduler syncs next: patent families still alive with at least one application,
     * never synced or whose last sync started before `before` (null: all of them), the longest waiting first.
     */
    async due(before: string | null, limit: number, tx: Db = db): Promise<string[]> {
      const rows = await tx
        .select({ id: assets.id })
        .from(assets)
        .leftJoin(familySyncs, eq(familySyncs.assetId, assets.id))
        .where(
          and(
            eq(assets.kind, 'patent_family'),
            notInArray(assets.status, [...UNSYNCED_STATUSES]),
            exists(tx.select({ one: sql`1` }).from(applications).where(eq(applications.assetId, assets.id))),
            before === null ? undefined : or(isNull(familySyncs.assetId), lt(familySyncs.startedAt, before)),
          ),
        )
        .orderBy(sql`${familySyncs.startedAt} asc nulls first`, asc(assets.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    /** Patent families by id or by reference, each name with the families it names (a reference may be shared). */
    async familiesNamed(names: string[], tx: Db = db): Promise<Map<string, string[]>> {
      const ids = names.filter((name) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name));
      if (names.length === 0) return new Map();
      const rows = await tx
        .select({ id: assets.id, reference: assets.reference })
        .from(assets)
        .where(and(eq(assets.kind, 'patent_family'), or(inArray(assets.reference, names), ids.length > 0 ? inArray(assets.id, ids) : undefined)))
        .orderBy(asc(assets.id));
      const named = new Map<string, string[]>();
      for (const name of names) {
        const matching = rows.filter((row) => row.id === name.toLowerCase() || row.reference === name).map((row) => row.id);
        if (matching.length > 0) named.set(name, matching);
      }
      return named;
    },
  };
}
export type FamilySyncRepository = ReturnType<typeof createFamilySyncRepository>;
