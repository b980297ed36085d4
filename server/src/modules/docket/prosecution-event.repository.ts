import { type SQL, and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { users } from '../auth/auth.table.ts';
import { prosecutionEvents } from './docket.table.ts';

export type ProsecutionEventRow = typeof prosecutionEvents.$inferSelect;

/** An application with what access and validation need: its family and the family's school. */
export interface ApplicationInScope {
  id: string;
  assetId: string;
  schoolId: string;
  office: string;
  filingDate: string;
}

export function createProsecutionEventRepository(db: Db) {
  const selectEvents = (tx: Db) =>
    tx
      .select({ event: prosecutionEvents, recordedByName: users.displayName })
      .from(prosecutionEvents)
      .leftJoin(users, eq(users.id, prosecutionEvents.recordedBy));

  return {
    /** The application if its family is within `scope` (see visibleAssets). */
    async findApplication(id: string, scope: SQL | undefined, tx: Db = db): Promise<ApplicationInScope | null> {
      const [row] = await tx
        .select({
          id: applications.id,
          assetId: applications.assetId,
          schoolId: assets.schoolId,
          office: applications.office,
          filingDate: applications.filingDate,
        })
        .from(applications)
        .innerJoin(assets, eq(assets.id, applications.assetId))
        .where(and(eq(applications.id, id), scope));
      return row ?? null;
    },

    async list(applicationId: string, tx: Db = db) {
      return selectEvents(tx)
        .where(eq(prosecutionEvents.applicationId, applicationId))
        .orderBy(asc(prosecutionEvents.date), asc(prosecutionEvents.createdAt), asc(prosecutionEvents.id));
    },

    async findById(applicationId: string, id: string, tx: Db = db) {
      const [row] = await selectEvents(tx).where(and(eq(prosecutionEvents.applicationId, applicationId), eq(prosecutionEvents.id, id)));
      return row ?? null;
    },

    async insert(rows: ProsecutionEventRow[], tx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await tx.insert(prosecutionEvents).values(rows);
    },

    async update(id: string, values: Partial<ProsecutionEventRow>, tx: Db = db): Promise<void> {
      await tx.update(prosecutionEvents).set(values).where(eq(prosecutionEvents.id, id));
    },

    async delete(id: string, tx: Db = db): Promise<void> {
      await tx.delete(prosecutionEvents).where(eq(prosecutionEvents.id, id));
    },
  };
}
export type ProsecutionEventRepository = ReturnType<typeof createProsecutionEventRepository>;
