import { randomUUID } from 'node:crypto';
import { docketRules } from '#core/docket/docket-rule';
import type { AbandonInput, AbandonResult } from '#core/docket/docket-task';
import { addDays, addMonths } from '#core/docket/iso-date';
import { firstDuplicate } from '#core/shares';
import { type Actor, requireManageSchool, requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import type { ApplicationRecord, AssetRecord, AssetRepository } from '../asset/asset.repository.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import type { DocketRecompute } from './docket-recompute.ts';
import type { ProsecutionEventRepository } from './prosecution-event.repository.ts';
import { recorderOf } from './prosecution-event.service.ts';
import { presentTask } from './task.presenter.ts';
import type { TaskRepository } from './task.repository.ts';

const LIVE = new Set(['filed', 'published', 'granted']);

/**
 * The notice the co-owners of a public result get before a right is abandoned, from the rule table
 * (Code de la recherche L.533-1, décret n° 2020-24 art. 9: 4 months), as a positive number of months.
 */
const NOTICE_MONTHS = Math.abs(
  (() => {
    const rule = docketRules.find((row) => row.kind === 'abandonment-notice');
    if (!rule || rule.period.type !== 'months') throw new Error('the rule table has no abandonment-notice row in months');
    return rule.period.months;
  })(),
);

/**
 * "Abandon this right": on a family the institution owns alone, the applications are abandoned at once
 * and their open deadlines dropped. On a co-owned family, the co-owners get notice first: the planned
 * abandonment is recorded as an event (which gives the notice task), and the right may be abandoned,
 * with `confirm`, once the notice has ended.
 */
export function createAbandonService(deps: {
  db: Db;
  assets: AssetRepository;
  organisations: OrganisationRepository;
  events: ProsecutionEventRepository;
  tasks: TaskRepository;
  recompute: DocketRecompute;
  clock: Clock;
}) {
  const { db, assets, organisations, events, tasks, recompute, clock } = deps;

  /** The top of an organisation's tree: the institution for its schools and units, a company for itself. */
  async function rootOf(id: string, tx: Db): Promise<string> {
    let current = id;
    for (let depth = 0; depth < 50; depth++) {
      const parentId = (await organisations.findById(current, tx))?.parentId ?? null;
      if (parentId === null) return current;
      current = parentId;
    }
    return current;
  }

  /** Co-owned: an owner outside the institution whose school holds the family. */
  async function isCoOwned(record: AssetRecord, tx: Db): Promise<boolean> {
    const institution = await rootOf(record.asset.schoolId, tx);
    for (const owner of record.owners) if ((await rootOf(owner.organisationId, tx)) !== institution) return true;
    return false;
  }

  function pickApplications(record: AssetRecord, input: AbandonInput): ApplicationRecord[] {
    const duplicate = firstDuplicate(input.applicationIds);
    if (duplicate !== undefined) throw DomainError.invalid('applicationIds', `lists application ${duplicate} twice`);
    return input.applicationIds.map((id, index) => {
      const application = record.applications.find((candidate) => candidate.id === id);
      if (!application) throw DomainError.invalid(`applicationIds.${index}`, 'is not an application of this family');
      if (!LIVE.has(application.status)) throw DomainError.conflict(`applicationIds.${index}`, `is ${application.status} already`);
      return application;
    });
  }

  /** The first day the right may be abandoned when notice is given today: the notice task then falls due today. */
  function noticeEndFrom(today: string): string {
    let end = addMonths(today, NOTICE_MONTHS);
    while (addMonths(end, -NOTICE_MONTHS) < today) end = addDays(end, 1);
    return end;
  }

  async function plannedEnds(applicationIds: string[], tx: Db): Promise<Map<string, string>> {
    const ends = new Map<string, string>();
    for (const id of applicationIds) {
      for (const { event } of await events.list(id, tx)) {
        if (event.type === 'abandonment-planned') ends.set(id, event.date);
      }
    }
    return ends;
  }

  async function startNotice(actor: Actor, record: AssetRecord, chosen: ApplicationRecord[], input: AbandonInput, tx: Db): Promise<AbandonResult> {
    const today = clock.now().toISOString().slice(0, 10);
    const planned = await plannedEnds(
      chosen.map((application) => application.id),
      tx,
    );
    const noticeEnds = noticeEndFrom(today);
    const createdAt = clock.now().toISOString();
    await events.insert(
      chosen
        .filter((application) => !planned.has(application.id))
        .map((application) => ({
          id: randomUUID(),
          applicationId: application.id,
          type: 'abandonment-planned' as const,
          date: noticeEnds,
          note: input.reason,
          recordedBy: recorderOf(actor),
          createdAt,
        })),
      tx,
    );
    await recompute.recomputeAsset(record.asset.id, tx);
    // A notice already running for every chosen application is answered again, not restarted.
    const ends = chosen.map((application) => planned.get(application.id) ?? noticeEnds);
    const end = ends.reduce((a, b) => (a >= b ? a : b));
    const familyTasks = await tasks.all(undefined, { assetId: record.asset.id, kind: 'abandonment-notice' }, today, tx);
    const noticeTask = familyTasks.find((task) => task.task.applicationId === null && task.task.triggerDate === end) ?? null;
    const saves = await tasks.openFromOn(
      chosen.map((application) => application.id),
      end,
      tx,
    );
    return {
      outcome: 'notice-started',
      applicationIds: input.applicationIds,
      noticeEnds: end,
      noticeTask: noticeTask && presentTask(noticeTask, today),
      saves: saves.map((task) => presentTask(task, today)),
    };
  }

  async function abandonNow(record: AssetRecord, chosen: ApplicationRecord[], input: AbandonInput, tx: Db): Promise<AbandonResult> {
    const today = clock.now().toISOString().slice(0, 10);
    const ids = chosen.map((application) => application.id);
    const saves = await tasks.openFromOn(ids, today, tx);
    for (const application of chosen) {
      const seq = Math.max(0, ...application.statusHistory.map((event) => event.seq)) + 1;
      await assets.updateApplication(application.id, { status: 'abandoned' }, tx);
      await assets.appendEvents(application.id, [{ seq, status: 'abandoned', date: today, note: input.reason }], tx);
    }
    await tasks.delete(
      saves.map((task) => task.task.id),
      tx,
    );
    await recompute.recomputeAsset(record.asset.id, tx);
    return {
      outcome: 'abandoned',
      applicationIds: input.applicationIds,
      noticeEnds: null,
      noticeTask: null,
      saves: saves.map((task) => presentTask(task, today)),
    };
  }

  return {
    async abandon(actor: Actor, assetId: string, input: AbandonInput): Promise<AbandonResult> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const record = await assets.findById(assetId, visibleAssets(actor), tx);
        if (!record) throw DomainError.notFound('asset', assetId);
        requireManageSchool(actor, record.asset.schoolId);
        const chosen = pickApplications(record, input);
        if (!(await isCoOwned(record, tx))) return abandonNow(record, chosen, input, tx);
        if (!input.confirm) return startNotice(actor, record, chosen, input, tx);
        const today = clock.now().toISOString().slice(0, 10);
        const planned = await plannedEnds(input.applicationIds, tx);
        for (const [index, application] of chosen.entries()) {
          const end = planned.get(application.id);
          if (end === undefined) {
            throw DomainError.conflict(`applicationIds.${index}`, "has no co-owners' notice running: abandon without confirm to start it");
          }
          if (end > today) throw DomainError.conflict('confirm', `the co-owners' notice runs until ${end}`);
        }
        return abandonNow(record, chosen, input, tx);
      });
    },
  };
}
export type AbandonService = ReturnType<typeof createAbandonService>;
