import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ListQuery } from '#core/common';
import type { Db } from '../../platform/db.ts';
import { countAll } from '../../platform/list.ts';
import { users } from '../auth/auth.table.ts';
import { importRuns } from './publication.table.ts';

export type ImportRunRow = typeof importRuns.$inferSelect;

/** Why a run stopped without a word: its process did. */
export const interruptedMessage = 'interrupted: the server or the command running this import stopped before it ended';

export interface ImportRunRecord {
  run: ImportRunRow;
  startedByName: string | null;
}

export function createImportRunRepository(db: Db) {
  const selectRecords = (tx: Db) =>
    tx.select({ run: importRuns, startedByName: users.displayName }).from(importRuns).leftJoin(users, eq(users.id, importRuns.startedBy));

  return {
    async insert(row: ImportRunRow, tx: Db = db): Promise<void> {
      await tx.insert(importRuns).values(row);
    },

    async update(id: string, values: Partial<ImportRunRow>, tx: Db = db): Promise<void> {
      await tx.update(importRuns).set(values).where(eq(importRuns.id, id));
    },

    async findById(id: string, tx: Db = db): Promise<ImportRunRecord | null> {
      const [record] = await selectRecords(tx).where(eq(importRuns.id, id));
      return record ?? null;
    },

    /** Running runs whose heartbeat is older than `silentSince`: failed, with the reason in their report. */
    async failSilent(silentSince: string, now: string, tx: Db = db): Promise<number> {
      const failed = await tx
        .update(importRuns)
        .set({
          status: 'failed',
          finishedAt: now,
          report: sql`jsonb_set(${importRuns.report}, '{message}', to_jsonb(${interruptedMessage}::text))`,
        })
        .where(and(eq(importRuns.status, 'running'), or(isNull(importRuns.heartbeatAt), lt(importRuns.heartbeatAt, silentSince))))
        .returning({ id: importRuns.id });
      return failed.length;
    },

    /** The runs, newest first. */
    async list(query: Pick<ListQuery, 'limit' | 'offset'>) {
      const [records, [counted]] = await Promise.all([
        selectRecords(db).orderBy(desc(importRuns.startedAt), desc(importRuns.id)).limit(query.limit).offset(query.offset),
        db.select({ total: countAll }).from(importRuns),
      ]);
      return { records, total: counted?.total ?? 0 };
    },
  };
}
export type ImportRunRepository = ReturnType<typeof createImportRunRepository>;
