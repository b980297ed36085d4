import { type SQL, and, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ListQuery } from '#core/common';
import type { DeadlineKind } from '#core/docket/docket-case';
import type { TaskCounts, TaskStatus } from '#core/docket/docket-task';
import type { Db } from '../../platform/db.ts';
import { countAll, orderBy } from '../../platform/list.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { users } from '../auth/auth.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { escapeLike } from '../organisation/organisation.repository.ts';
import { deadlineTasks } from './docket.table.ts';
import type { TaskRow } from './task-plan.ts';

/** The filters as the repository takes them: `me` already turned into the caller's id. */
export interface TaskConditions {
  status?: TaskStatus;
  dueWithin?: number;
  overdue?: boolean;
  schoolId?: string;
  assigneeId?: string | 'none';
  assetId?: string;
  applicationId?: string;
  kind?: DeadlineKind;
  office?: string;
  dueFrom?: string;
  dueTo?: string;
}

/** A task with what is shown with it: its family, school, application and the people on it. */
export interface TaskRecord {
  task: TaskRow;
  assetTitle: string;
  assetReference: string | null;
  schoolId: string;
  schoolName: string;
  office: string | null;
  applicationNumber: string | null;
  assigneeName: string | null;
  resolvedByName: string | null;
}

const assignee = alias(users, 'assignee');
const resolver = alias(users, 'resolver');

const sortable = {
  due: deadlineTasks.due,
  graceEnd: deadlineTasks.graceEnd,
  kind: deadlineTasks.kind,
  status: deadlineTasks.status,
  createdAt: deadlineTasks.createdAt,
};

const lastDay = sql`coalesce(${deadlineTasks.graceEnd}, ${deadlineTasks.due})`;
const isOpen = eq(deadlineTasks.status, 'open');

/** Open and past its last day (the grace period's end when there is one). */
export function overdueOn(today: string): SQL {
  return and(isOpen, sql`${lastDay} < ${today}::date`)!;
}

/** Open, not overdue, due within `days` days: a task in its grace period counts as due now. */
export function dueWithinOn(today: string, days: number): SQL {
  return and(isOpen, sql`${lastDay} >= ${today}::date`, sql`${deadlineTasks.due} <= ${today}::date + ${days}::int`)!;
}

export function createTaskRepository(db: Db) {
  const selectRecords = (tx: Db) =>
    tx
      .select({
        task: deadlineTasks,
        assetTitle: assets.title,
        assetReference: assets.reference,
        schoolId: assets.schoolId,
        schoolName: organisations.name,
        office: applications.office,
        applicationNumber: applications.applicationNumber,
        assigneeName: assignee.displayName,
        resolvedByName: resolver.displayName,
      })
      .from(deadlineTasks)
      .innerJoin(assets, eq(assets.id, deadlineTasks.assetId))
      .innerJoin(organisations, eq(organisations.id, assets.schoolId))
      .leftJoin(applications, eq(applications.id, deadlineTasks.applicationId))
      .leftJoin(assignee, eq(assignee.id, deadlineTasks.assigneeId))
      .leftJoin(resolver, eq(resolver.id, deadlineTasks.resolvedBy));

  function conditions(filter: TaskConditions, today: string): (SQL | undefined)[] {
    return [
      filter.status ? eq(deadlineTasks.status, filter.status) : undefined,
      filter.dueWithin === undefined ? undefined : dueWithinOn(today, filter.dueWithin),
      filter.overdue === undefined ? undefined : filter.overdue ? overdueOn(today) : sql`not (${overdueOn(today)})`,
      filter.schoolId ? eq(assets.schoolId, filter.schoolId) : undefined,
      filter.assigneeId === 'none'
        ? isNull(deadlineTasks.assigneeId)
        : filter.assigneeId
          ? eq(deadlineTasks.assigneeId, filter.assigneeId)
          : undefined,
      filter.assetId ? eq(deadlineTasks.assetId, filter.assetId) : undefined,
      filter.applicationId ? eq(deadlineTasks.applicationId, filter.applicationId) : undefined,
      filter.kind ? eq(deadlineTasks.kind, filter.kind) : undefined,
      filter.office ? eq(applications.office, filter.office) : undefined,
      filter.dueFrom ? sql`${deadlineTasks.due} >= ${filter.dueFrom}::date` : undefined,
      filter.dueTo ? sql`${deadlineTasks.due} <= ${filter.dueTo}::date` : undefined,
    ];
  }

  function matchesText(text: string): SQL | undefined {
    const pattern = `%${escapeLike(text)}%`;
    return or(ilike(assets.title, pattern), ilike(assets.reference, pattern), ilike(applications.applicationNumber, pattern));
  }

  return {
    /** A page of the tasks within `scope` (see visibleAssets) matching the filter, by due date unless asked otherwise. */
    async list(scope: SQL | undefined, filter: TaskConditions, query: ListQuery, today: string) {
      const where = and(scope, ...conditions(filter, today), query.q ? matchesText(query.q) : undefined);
      const [records, [counted]] = await Promise.all([
        selectRecords(db)
          .where(where)
          .orderBy(...orderBy(query, sortable, 'due', deadlineTasks.id))
          .limit(query.limit)
          .offset(query.offset),
        db
          .select({ total: countAll })
          .from(deadlineTasks)
          .innerJoin(assets, eq(assets.id, deadlineTasks.assetId))
          .leftJoin(applications, eq(applications.id, deadlineTasks.applicationId))
          .where(where),
      ]);
      return { records, total: counted?.total ?? 0 };
    },

    /** Every task matching, unpaged: for the calendar feed and the digest, which show them all. */
    async all(scope: SQL | undefined, filter: TaskConditions, today: string, tx: Db = db): Promise<TaskRecord[]> {
      return selectRecords(tx)
        .where(and(scope, ...conditions(filter, today)))
        .orderBy(...orderBy({}, sortable, 'due', deadlineTasks.id));
    },

    async findById(id: string, scope: SQL | undefined, tx: Db = db): Promise<TaskRecord | null> {
      const [record] = await selectRecords(tx).where(and(eq(deadlineTasks.id, id), scope));
      return record ?? null;
    },

    async findByIds(ids: string[], tx: Db = db): Promise<TaskRecord[]> {
      if (ids.length === 0) return [];
      return selectRecords(tx)
        .where(inArray(deadlineTasks.id, ids))
        .orderBy(...orderBy({}, sortable, 'due', deadlineTasks.id));
    },

    /** The open tasks of these applications whose last day is today or later. */
    async openFromOn(applicationIds: string[], fromDay: string, tx: Db = db): Promise<TaskRecord[]> {
      if (applicationIds.length === 0) return [];
      return selectRecords(tx)
        .where(and(inArray(deadlineTasks.applicationId, applicationIds), isOpen, sql`${lastDay} >= ${fromDay}::date`))
        .orderBy(...orderBy({}, sortable, 'due', deadlineTasks.id));
    },

    async update(id: string, values: Partial<TaskRow>, tx: Db = db): Promise<void> {
      await tx.update(deadlineTasks).set(values).where(eq(deadlineTasks.id, id));
    },

    async delete(ids: string[], tx: Db = db): Promise<void> {
      if (ids.length === 0) return;
      await tx.delete(deadlineTasks).where(inArray(deadlineTasks.id, ids));
    },

    /** Open tasks counted per school and per assignee: overdue, due within 30 and within 90 days. */
    async summary(scope: SQL | undefined, today: string) {
      const counts = {
        overdue: sql<number>`(count(*) filter (where ${overdueOn(today)}))::int`,
        dueIn30: sql<number>`(count(*) filter (where ${dueWithinOn(today, 30)}))::int`,
        dueIn90: sql<number>`(count(*) filter (where ${dueWithinOn(today, 90)}))::int`,
      };
      const where = and(scope, or(overdueOn(today), dueWithinOn(today, 90)));
      const [schools, assignees] = await Promise.all([
        db
          .select({ schoolId: assets.schoolId, schoolName: organisations.name, ...counts })
          .from(deadlineTasks)
          .innerJoin(assets, eq(assets.id, deadlineTasks.assetId))
          .innerJoin(organisations, eq(organisations.id, assets.schoolId))
          .where(where)
          .groupBy(assets.schoolId, organisations.name)
          .orderBy(organisations.name, assets.schoolId),
        db
          .select({ assigneeId: deadlineTasks.assigneeId, assigneeName: assignee.displayName, ...counts })
          .from(deadlineTasks)
          .innerJoin(assets, eq(assets.id, deadlineTasks.assetId))
          .leftJoin(assignee, eq(assignee.id, deadlineTasks.assigneeId))
          .where(where)
          .groupBy(deadlineTasks.assigneeId, assignee.displayName)
          .orderBy(sql`${assignee.displayName} nulls last`, deadlineTasks.assigneeId),
      ]);
      return { schools, assignees };
    },

    /** Whether this user may be given tasks: an active officer or admin. */
    async findAssignable(userId: string, tx: Db = db): Promise<{ id: string; role: string; schoolId: string | null } | null> {
      const [row] = await tx
        .select({ id: users.id, role: users.role, schoolId: users.schoolId })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.isDisabled, false), inArray(users.role, ['admin', 'officer'])));
      return row ?? null;
    },
  };
}
export type TaskRepository = ReturnType<typeof createTaskRepository>;

export function sumCounts(rows: TaskCounts[]): TaskCounts {
  return rows.reduce(
    (total, row) => ({ overdue: total.overdue + row.overdue, dueIn30: total.dueIn30 + row.dueIn30, dueIn90: total.dueIn90 + row.dueIn90 }),
    { overdue: 0, dueIn30: 0, dueIn90: 0 },
  );
}
