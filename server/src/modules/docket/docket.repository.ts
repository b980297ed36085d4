import { and, asc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { DocketFamily } from '#core/docket/family-docket';
import { type Db, inOrder } from '../../platform/db.ts';
import { applications, assets, priorityClaims, publications } from '../asset/asset.table.ts';
import { users } from '../auth/auth.table.ts';
import { deadlineTasks, prosecutionEvents } from './docket.table.ts';
import type { ComputedColumns, TaskRow } from './task-plan.ts';

/** Applications with deadlines: still pending, or granted. */
const LIVE_APPLICATION = new Set(['filed', 'published', 'granted']);
/** An asset in one of these states has no deadlines left to keep. */
const ENDED_ASSET = new Set(['lapsed', 'abandoned', 'transferred']);

/** Ids per DELETE: far below PostgreSQL's 65,535 parameters per statement. */
const BATCH_SIZE = 500;
/** Tasks per INSERT, sent as one JSON document. */
const JSON_BATCH_SIZE = 2000;

export interface FamilyContext {
  family: DocketFamily;
  schoolId: string;
}

/** What the recomputation reads and writes: the families' dates and events, and their tasks. */
export function createDocketRepository(db: Db) {
  return {
    /** The patent families among `assetIds`, with what the docket rules read of each application. */
    async loadFamilies(assetIds: string[], tx: Db = db): Promise<FamilyContext[]> {
      if (assetIds.length === 0) return [];
      const assetRows = await tx
        .select({ id: assets.id, status: assets.status, schoolId: assets.schoolId })
        .from(assets)
        .where(and(inArray(assets.id, assetIds), eq(assets.kind, 'patent_family')))
        // Two writes to one family recompute its tasks one after the other, never side by side.
        .for('update');
      const familyIds = assetRows.map((row) => row.id);
      if (familyIds.length === 0) return [];
      const applicationRows = await tx
        .select({
          id: applications.id,
          assetId: applications.assetId,
          office: applications.office,
          filingDate: applications.filingDate,
          status: applications.status,
          grantDate: applications.grantDate,
        })
        .from(applications)
        .where(inArray(applications.assetId, familyIds))
        .orderBy(asc(applications.filingDate), asc(applications.id));
      const applicationIds = applicationRows.map((row) => row.id);
      const [claimRows, eventRows, publishedRows] =
        applicationIds.length === 0
          ? [[], [], []]
          : await inOrder([
              tx
                .select({ applicationId: priorityClaims.applicationId, date: priorityClaims.date })
                .from(priorityClaims)
                .where(inArray(priorityClaims.applicationId, applicationIds)),
              tx
                .select({ applicationId: prosecutionEvents.applicationId, type: prosecutionEvents.type, date: prosecutionEvents.date })
                .from(prosecutionEvents)
                .where(inArray(prosecutionEvents.applicationId, applicationIds))
                .orderBy(asc(prosecutionEvents.date), asc(prosecutionEvents.id)),
              tx
                .select({ applicationId: publications.applicationId, date: sql<string>`min(${publications.date})::text` })
                .from(publications)
                .where(inArray(publications.applicationId, applicationIds))
                .groupBy(publications.applicationId),
            ]);
      const publishedOn = new Map(publishedRows.map((row) => [row.applicationId, row.date]));
      const claimsOf = groupBy(claimRows, (row) => row.applicationId);
      const eventsOf = groupBy(eventRows, (row) => row.applicationId);
      const applicationsOf = groupBy(applicationRows, (row) => row.assetId);
      return assetRows.map((asset) => ({
        schoolId: asset.schoolId,
        family: {
          assetId: asset.id,
          applications: (applicationsOf.get(asset.id) ?? []).map((application) => ({
            id: application.id,
            office: application.office,
            filingDate: application.filingDate,
            isLive: !ENDED_ASSET.has(asset.status) && LIVE_APPLICATION.has(application.status),
            grantDate: application.grantDate,
            priorityDates: (claimsOf.get(application.id) ?? []).map((claim) => claim.date),
            events: (eventsOf.get(application.id) ?? []).map((event) => ({ type: event.type, date: event.date })),
            publishedOn: publishedOn.get(application.id) ?? null,
          })),
        },
      }));
    },

    /** Up to `limit` patent family ids after `afterId`, in id order: the whole docket, a page at a time. */
    async familyIdsAfter(afterId: string | null, limit: number, tx: Db = db): Promise<string[]> {
      const rows = await tx
        .select({ id: assets.id })
        .from(assets)
        .where(and(eq(assets.kind, 'patent_family'), afterId === null ? undefined : gt(assets.id, afterId)))
        .orderBy(asc(assets.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    async tasksOfAssets(assetIds: string[], tx: Db = db): Promise<TaskRow[]> {
      if (assetIds.length === 0) return [];
      return tx.select().from(deadlineTasks).where(inArray(deadlineTasks.assetId, assetIds));
    },

    /**
     * The officer a school's new tasks go to: its only active officer; a school with none or several
     * gets unassigned tasks, for its officers to share out.
     */
    async soleOfficers(schoolIds: string[], tx: Db = db): Promise<Map<string, string>> {
      if (schoolIds.length === 0) return new Map();
      const rows = await tx
        .select({ id: users.id, schoolId: users.schoolId })
        .from(users)
        .where(and(eq(users.role, 'officer'), eq(users.isDisabled, false), inArray(users.schoolId, schoolIds)));
      const officers = groupBy(rows, (row) => row.schoolId ?? '');
      const sole = new Map<string, string>();
      for (const [schoolId, list] of officers) if (list.length === 1 && list[0]) sole.set(schoolId, list[0].id);
      return sole;
    },

    /**
     * Writes new tasks as one JSON parameter per batch, which the database turns into rows itself: a
     * first computation writes about a dozen tasks per application, and this is several times faster
     * than binding each value on its own.
     */
    async insertTasks(rows: TaskRow[], tx: Db = db): Promise<void> {
      const columns = Object.entries(getTableColumns(deadlineTasks));
      for (let start = 0; start < rows.length; start += JSON_BATCH_SIZE) {
        const batch = rows
          .slice(start, start + JSON_BATCH_SIZE)
          .map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key as keyof TaskRow]])));
        await tx.execute(
          sql`insert into ${deadlineTasks} select * from json_populate_recordset(null::${deadlineTasks}, ${JSON.stringify(batch)}::json)`,
        );
      }
    },

    async updateTask(id: string, values: Partial<ComputedColumns> & Partial<TaskRow>, tx: Db = db): Promise<void> {
      await tx.update(deadlineTasks).set(values).where(eq(deadlineTasks.id, id));
    },

    async deleteTasks(ids: string[], tx: Db = db): Promise<void> {
      for (let start = 0; start < ids.length; start += BATCH_SIZE) {
        await tx.delete(deadlineTasks).where(inArray(deadlineTasks.id, ids.slice(start, start + BATCH_SIZE)));
      }
    },
  };
}
export type DocketRepository = ReturnType<typeof createDocketRepository>;

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
