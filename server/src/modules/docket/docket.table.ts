import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { isoTimestamp } from '../../platform/columns.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { users } from '../auth/auth.table.ts';

/**
 * The typed procedural events of an application (search report published, R.71(3) notified, grant
 * published…) and the workflow events the docket rules fire on (co-owner decision, planned abandonment…).
 * The status history (`application_events`) says what an application is; these say what the offices
 * and the TTO did, dated, so the deadlines can be computed from them.
 */
export const prosecutionEvents = pgTable(
  'prosecution_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    type: text('type', {
      enum: [
        'search-report-published',
        'grant-published',
        'r71-3-notified',
        'pct-filed',
        'search-report-notified',
        'co-ownership-decision',
        'abandonment-planned',
        'invention-declaration-received',
      ],
    }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: isoTimestamp('created_at').notNull(),
  },
  (t) => [index('prosecution_events_application_idx').on(t.applicationId)],
);

/**
 * One deadline to act on: computed by the docket rules from the application's dates and events, then
 * resolved by a person (done, waived or missed, with who and why). `task_key` names the deadline
 * independently of its dates, so a corrected event updates the task instead of making a new one.
 */
export const deadlineTasks = pgTable(
  'deadline_tasks',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    /** Null for the tasks of the whole family (the co-owners' notices). */
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    taskKey: text('task_key').notNull().unique(),
    /** `<rule id>@<valid from>`: the rule-table row that produced the dates. */
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    year: numeric('year', { precision: 4, scale: 1, mode: 'number' }),
    basis: text('basis').notNull(),
    triggerType: text('trigger_type').notNull(),
    triggerDate: date('trigger_date', { mode: 'string' }).notNull(),
    windowOpens: date('window_opens', { mode: 'string' }),
    due: date('due', { mode: 'string' }).notNull(),
    graceEnd: date('grace_end', { mode: 'string' }),
    dueUnextended: date('due_unextended', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done', 'waived', 'missed'] }).notNull(),
    /** The day the act was done (or the deadline waived or missed), as the person says. */
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolvedAt: isoTimestamp('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    /** A resolved task keeps the dates it was resolved against; a later computation that moves them is noted here. */
    recomputedDue: date('recomputed_due', { mode: 'string' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    computedAt: isoTimestamp('computed_at').notNull(),
    createdAt: isoTimestamp('created_at').notNull(),
  },
  (t) => [
    index('deadline_tasks_asset_idx').on(t.assetId),
    index('deadline_tasks_application_idx').on(t.applicationId),
    index('deadline_tasks_status_due_idx').on(t.status, t.due),
    index('deadline_tasks_assignee_idx').on(t.assigneeId),
    check('deadline_tasks_resolution_check', sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

/**
 * Each user's docketing settings: the calendar feed's secret (only its SHA-256 is kept, as for sessions),
 * the daily digest (on or off, language) and the last day a digest went out, so a restart never sends
 * the same day twice.
 */
export const docketUserSettings = pgTable('docket_user_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  calendarTokenHash: text('calendar_token_hash').unique(),
  isDigestEnabled: boolean('is_digest_enabled').notNull().default(true),
  locale: text('locale', { enum: ['fr', 'en'] }).notNull().default('fr'),
  digestSentOn: date('digest_sent_on', { mode: 'string' }),
  updatedAt: isoTimestamp('updated_at').notNull(),
});
