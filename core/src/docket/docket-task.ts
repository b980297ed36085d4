import { z } from 'zod';
import { Country, Id, IsoDate } from '../common.ts';
import { DeadlineKind } from './docket-case.ts';

/*
 * The docketing API contract: procedural events of an application, the deadline tasks computed from
 * them, and the actions on tasks (resolve, reopen, assign, abandon a right).
 */

/** Every event the docket rules read: the offices' own and the workflow's. */
export const ProsecutionEventType = z.enum(
  [
    'search-report-published',
    'grant-published',
    'r71-3-notified',
    'pct-filed',
    'search-report-notified',
    'co-ownership-decision',
    'abandonment-planned',
    'invention-declaration-received',
  ],
  {
    error:
      'must be one of search-report-published, grant-published, r71-3-notified, pct-filed, search-report-notified, co-ownership-decision, abandonment-planned, invention-declaration-received',
  },
);
export type ProsecutionEventType = z.infer<typeof ProsecutionEventType>;

export const ProsecutionEventInput = z
  .object({
    type: ProsecutionEventType,
    date: IsoDate,
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type ProsecutionEventInput = z.infer<typeof ProsecutionEventInput>;

export const ProsecutionEvent = z.object({
  id: Id,
  applicationId: Id,
  type: ProsecutionEventType,
  date: IsoDate,
  note: z.string().nullable(),
  recordedById: Id.nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProsecutionEvent = z.infer<typeof ProsecutionEvent>;

export const TaskStatus = z.enum(['open', 'done', 'waived', 'missed'], { error: 'must be one of open, done, waived, missed' });
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A deadline to act on, with what it is about, where it comes from, and who resolved it. */
export const Task = z.object({
  id: Id,
  assetId: Id,
  assetTitle: z.string(),
  assetReference: z.string().nullable(),
  schoolId: Id,
  schoolName: z.string(),
  /** Null for a task of the whole family (a co-owners' notice). */
  applicationId: Id.nullable(),
  office: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  kind: DeadlineKind,
  /** Renewal year, or 3.5 / 7.5 / 11.5 for USPTO maintenance fees; null for a single deadline. */
  year: z.number().nullable(),
  ruleId: z.string(),
  basis: z.string(),
  trigger: z.object({ type: z.string(), date: IsoDate }),
  windowOpens: IsoDate.nullable(),
  due: IsoDate,
  graceEnd: IsoDate.nullable(),
  dueUnextended: IsoDate,
  status: TaskStatus,
  /** Open, and its last day (the grace period's end when there is one) is before today. */
  isOverdue: z.boolean(),
  resolvedOn: IsoDate.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedById: Id.nullable(),
  resolvedByName: z.string().nullable(),
  reason: z.string().nullable(),
  /** For a resolved task: the due date a later computation gave, when it differs from the one resolved. */
  recomputedDue: IsoDate.nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  computedAt: z.string(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof Task>;

const booleanText = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

/** Filters of the task list. `assigneeId` also takes `me` (the caller) and `none` (unassigned). */
export const TaskFilter = z.object({
  status: TaskStatus.optional(),
  /** Open tasks, not overdue, due within this many days (those in their grace period included). */
  dueWithin: z.enum(['30', '90'], { error: 'must be 30 or 90' }).transform(Number).optional(),
  overdue: booleanText.optional(),
  schoolId: Id.optional(),
  assigneeId: z.union([Id, z.literal('me'), z.literal('none')], { error: 'must be a UUID, me or none' }).optional(),
  assetId: Id.optional(),
  applicationId: Id.optional(),
  kind: DeadlineKind.optional(),
  /** Tasks of applications at this office (FR, EP, WO, US…). */
  office: Country.optional(),
  /** Tasks due in this range, both days included (the calendar's month). */
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
});
export type TaskFilter = z.infer<typeof TaskFilter>;

export const ResolvedStatus = z.enum(['done', 'waived', 'missed'], { error: 'must be one of done, waived, missed' });

export const TaskResolveInput = z
  .object({
    status: ResolvedStatus,
    reason: z.string().trim().max(2000).nullable().default(null),
    /** The day it was done; today when left out. */
    resolvedOn: IsoDate.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status !== 'done' && (value.reason === null || value.reason === '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required when a deadline is ${value.status}` });
    }
  });
export type TaskResolveInput = z.infer<typeof TaskResolveInput>;

export const TaskAssigneeInput = z.object({ assigneeId: Id.nullable() }).strict();
export type TaskAssigneeInput = z.infer<typeof TaskAssigneeInput>;

/** Open tasks counted three ways: overdue, due within 30 days, due within 90 days (the 30 included). */
export const TaskCounts = z.object({ overdue: z.number().int(), dueIn30: z.number().int(), dueIn90: z.number().int() });
export type TaskCounts = z.infer<typeof TaskCounts>;

export const TaskSummary = z.object({
  total: TaskCounts,
  schools: z.array(TaskCounts.extend({ schoolId: Id, schoolName: z.string() })),
  assignees: z.array(TaskCounts.extend({ assigneeId: Id.nullable(), assigneeName: z.string().nullable() })),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const AbandonInput = z
  .object({
    applicationIds: z.array(Id).min(1, { error: 'needs at least one application' }),
    reason: z.string().trim().min(1, { error: 'is required' }).max(2000),
    /** After the co-owners' notice has ended: abandon now. */
    confirm: z.boolean().default(false),
  })
  .strict();
export type AbandonInput = z.infer<typeof AbandonInput>;

/**
 * What an abandonment did: `notice-started` (co-owned: the co-owners are given notice first, and the
 * right may be abandoned from `noticeEnds`) or `abandoned`. `saves` lists the open deadlines that no
 * longer need acting on (those after the notice, for a notice).
 */
export const AbandonResult = z.object({
  outcome: z.enum(['notice-started', 'abandoned']),
  applicationIds: z.array(Id),
  noticeEnds: IsoDate.nullable(),
  noticeTask: Task.nullable(),
  saves: z.array(Task),
});
export type AbandonResult = z.infer<typeof AbandonResult>;

export const CalendarFeed = z.object({
  /** The feed's address: it holds the secret, and is shown only once. */
  url: z.string(),
  /** The same address without the host, for a client that knows the address it is served from. */
  path: z.string(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const DigestLocale = z.enum(['fr', 'en'], { error: 'must be fr or en' });
export type DigestLocale = z.infer<typeof DigestLocale>;

export const DigestSettings = z.object({
  isEnabled: z.boolean(),
  locale: DigestLocale,
  hasCalendarFeed: z.boolean(),
});
export type DigestSettings = z.infer<typeof DigestSettings>;

export const DigestSettingsInput = z.object({ isEnabled: z.boolean(), locale: DigestLocale }).strict();
export type DigestSettingsInput = z.infer<typeof DigestSettingsInput>;
