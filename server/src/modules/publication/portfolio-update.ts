import { randomUUID } from 'node:crypto';
import type { PortfolioChanges } from '#core/publication-corpus';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { ApplicationRecord, AssetRecord, AssetRepository } from '../asset/asset.repository.ts';
import type { DocketRecompute } from '../docket/docket-recompute.ts';
import type { ProsecutionEventRepository } from '../docket/prosecution-event.repository.ts';
import type { TaskRepository } from '../docket/task.repository.ts';
import { type ApplicationPlan, type TaskSettlement, planApplication } from './portfolio-plan.ts';
import type { StoredRecord } from './publication-record.ts';

/** A publication an application did not list, added from the corpus. */
export interface AddedPublication {
  assetId: string;
  applicationId: string;
  office: string;
  number: string;
}

/** A publication linked to a portfolio application. */
export interface LinkedPublication {
  assetId: string;
  applicationId: string;
  record: StoredRecord;
}

export function noPortfolioChanges(): PortfolioChanges {
  return { families: 0, statusChanges: 0, publicationsAdded: 0, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 };
}

export function addChanges(total: PortfolioChanges, more: PortfolioChanges): void {
  total.families += more.families;
  total.statusChanges += more.statusChanges;
  total.publicationsAdded += more.publicationsAdded;
  total.eventsRecorded += more.eventsRecorded;
  total.renewalsPaid += more.renewalsPaid;
  total.lapsesNoted += more.lapsesNoted;
}

function isEmpty(plan: ApplicationPlan, application: ApplicationRecord): boolean {
  return (
    plan.history.length === 0 &&
    plan.publications.length === 0 &&
    plan.events.length === 0 &&
    plan.grantDate === application.grantDate &&
    plan.grantNumber === application.grantNumber
  );
}

/**
 * Brings the portfolio up to what its linked publications say (see planApplication), inside the
 * caller's transaction: the applications through the asset repository (status with its history,
 * publications), the procedural events through the docket's, then the families' deadline tasks are
 * recomputed, and the tasks the offices' records settle (fees paid, the opposition period ended) are
 * marked done with the day the record gives.
 * Writes only what differs, so the same publications applied twice change nothing.
 */
export function createPortfolioUpdater(deps: {
  assets: AssetRepository;
  events: ProsecutionEventRepository;
  tasks: TaskRepository;
  recompute: DocketRecompute;
  clock: Clock;
}) {
  const { assets, events, tasks, recompute, clock } = deps;

  async function applyToFamily(family: AssetRecord, linked: LinkedPublication[], recordedBy: string | null, tx: Db) {
    const changes = noPortfolioChanges();
    const added: AddedPublication[] = [];
    const settlements: { applicationId: string; settlement: TaskSettlement }[] = [];
    const now = clock.now().toISOString();
    for (const application of family.applications) {
      const records = linked.filter((item) => item.applicationId === application.id).map((item) => item.record);
      if (records.length === 0) continue;
      const recorded = await events.list(application.id, tx);
      const plan = planApplication({ ...application, events: recorded.map(({ event }) => ({ type: event.type, date: event.date })) }, records);
      for (const settlement of plan.settlements) {
        // A fee paid to a national office after grant is for the family's application at that office, if it has one.
        const target =
          settlement.office === null || settlement.office === application.office
            ? application
            : family.applications.find((other) => other.office === settlement.office);
        if (target) settlements.push({ applicationId: target.id, settlement });
      }
      if (isEmpty(plan, application)) continue;
      await assets.updateApplication(application.id, { status: plan.status, grantNumber: plan.grantNumber, grantDate: plan.grantDate }, tx);
      const seq = Math.max(0, ...application.statusHistory.map((entry) => entry.seq));
      await assets.appendEvents(application.id, plan.history.map((entry, index) => ({ ...entry, seq: seq + index + 1 })), tx);
      if (plan.publications.length > 0) {
        await assets.replaceClaimsAndPublications(
          application.id,
          { priorities: application.priorities, publications: [...application.publications, ...plan.publications] },
          tx,
        );
      }
      await events.insert(
        plan.events.map((event) => ({ id: randomUUID(), applicationId: application.id, ...event, recordedBy, createdAt: now })),
        tx,
      );
      changes.statusChanges += plan.history.filter((entry, index, all) => entry.status !== (all[index - 1]?.status ?? application.status)).length;
      changes.publicationsAdded += plan.publications.length;
      added.push(...plan.publications.map(({ number }) => ({ assetId: family.asset.id, applicationId: application.id, office: application.office, number })));
      changes.eventsRecorded += plan.events.length;
      changes.lapsesNoted += plan.lapses;
      changes.families = 1;
    }
    if (changes.families > 0) await assets.update(family.asset.id, { updatedAt: now }, tx);
    return { changes, added, settlements };
  }

  /**
   * Marks done the open tasks the offices' records settle: a renewal or maintenance fee paid, the
   * opposition period ended without an opposition. A record dated after today (a wrong one) is left
   * out. Answers the fees paid.
   */
  async function settleTasks(settlements: { applicationId: string; settlement: TaskSettlement }[], recordedBy: string | null, tx: Db): Promise<number> {
    const today = clock.now().toISOString().slice(0, 10);
    let marked = 0;
    for (const { applicationId, settlement } of settlements) {
      if (settlement.on > today) continue;
      const open = await tasks.all(undefined, { applicationId, kind: settlement.kind, status: 'open' }, today, tx);
      for (const { task } of open.filter((record) => record.task.year === settlement.year)) {
        const reason =
          settlement.kind === 'opposition-end'
            ? `no opposition filed within the time limit, recorded on ${settlement.on} (${settlement.source})`
            : `paid on ${settlement.on} (${settlement.source})`;
        await tasks.update(
          task.id,
          {
            status: 'done',
            resolvedOn: settlement.on,
            resolvedAt: clock.now().toISOString(),
            resolvedBy: recordedBy,
            reason,
            recomputedDue: null,
          },
          tx,
        );
        if (settlement.kind !== 'opposition-end') marked += 1;
      }
    }
    return marked;
  }

  return {
    /**
     * Applies these linked publications to their families; `recordedBy` is the user who imported or
     * linked them. Answers what changed, and the publications the applications now list.
     */
    async apply(linked: LinkedPublication[], recordedBy: string | null, tx: Db): Promise<{ changes: PortfolioChanges; addedPublications: AddedPublication[] }> {
      const total = noPortfolioChanges();
      const assetIds = [...new Set(linked.map((item) => item.assetId))];
      const changed: string[] = [];
      const addedPublications: AddedPublication[] = [];
      const settlements: { applicationId: string; settlement: TaskSettlement }[] = [];
      for (const assetId of assetIds) {
        const family = await assets.findById(assetId, undefined, tx);
        if (!family || family.asset.kind !== 'patent_family') continue;
        const result = await applyToFamily(family, linked.filter((item) => item.assetId === assetId), recordedBy, tx);
        addChanges(total, result.changes);
        if (result.changes.families > 0) changed.push(assetId);
        settlements.push(...result.settlements);
        addedPublications.push(...result.added);
      }
      // Docketing: the deadlines follow the new statuses and events in this same transaction.
      if (changed.length > 0) await recompute.recomputeAssets(changed, tx);
      total.renewalsPaid = await settleTasks(settlements, recordedBy, tx);
      return { changes: total, addedPublications };
    },
  };
}
export type PortfolioUpdater = ReturnType<typeof createPortfolioUpdater>;
