import { randomUUID } from 'node:crypto';
import type { ProsecutionEvent, ProsecutionEventInput, ProsecutionEventType } from '#core/docket/docket-task';
import { type Actor, requireManageSchool, requireRole, systemActor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import type { DocketRecompute } from './docket-recompute.ts';
import type { ApplicationInScope, ProsecutionEventRepository, ProsecutionEventRow } from './prosecution-event.repository.ts';

/** Events that only one office issues: recorded elsewhere they would give no deadline, so they are refused. */
const ONLY_AT: Partial<Record<ProsecutionEventType, string>> = {
  'search-report-published': 'EP',
  'r71-3-notified': 'EP',
  'search-report-notified': 'FR',
};

/** Office acts on the application itself cannot precede its filing. */
const AFTER_FILING: ReadonlySet<ProsecutionEventType> = new Set([
  'search-report-published',
  'grant-published',
  'r71-3-notified',
  'search-report-notified',
  'abandonment-planned',
]);

/**
 * The procedural events of an application. Whoever may see the family reads them; admins and the
 * officers of the family's school record, correct and delete them, and each change recomputes the
 * family's deadline tasks in the same transaction.
 */
export function createProsecutionEventService(deps: { db: Db; events: ProsecutionEventRepository; recompute: DocketRecompute; clock: Clock }) {
  const { db, events, recompute, clock } = deps;

  async function getApplication(actor: Actor, applicationId: string, tx: Db): Promise<ApplicationInScope> {
    const application = await events.findApplication(applicationId, visibleAssets(actor), tx);
    if (!application) throw DomainError.notFound('application', applicationId);
    return application;
  }

  async function getWritable(actor: Actor, applicationId: string, tx: Db): Promise<ApplicationInScope> {
    const application = await getApplication(actor, applicationId, tx);
    requireManageSchool(actor, application.schoolId);
    return application;
  }

  async function check(application: ApplicationInScope, input: ProsecutionEventInput, selfId: string | null, tx: Db): Promise<void> {
    const office = ONLY_AT[input.type];
    if (office !== undefined && application.office !== office) {
      throw DomainError.invalid('type', `${input.type} applies to ${office} applications only (this one is ${application.office})`);
    }
    if (input.type === 'pct-filed' && application.office === 'WO') {
      throw DomainError.invalid('type', 'pct-filed applies to the other members of a family, not to the PCT application itself');
    }
    if (AFTER_FILING.has(input.type) && input.date < application.filingDate) {
      throw DomainError.invalid('date', `must not be before the filing date ${application.filingDate}`);
    }
    const others = (await events.list(application.id, tx)).filter(({ event }) => event.id !== selfId);
    if (others.some(({ event }) => event.type === input.type && event.date === input.date)) {
      throw DomainError.conflict('date', `an event ${input.type} on ${input.date} is already recorded`);
    }
    if (input.type === 'grant-published' && others.some(({ event }) => event.type === 'grant-published')) {
      throw DomainError.conflict('type', 'the grant is already recorded: correct that event instead');
    }
  }

  return {
    async list(actor: Actor, applicationId: string): Promise<ProsecutionEvent[]> {
      await getApplication(actor, applicationId, db);
      return (await events.list(applicationId)).map(presentEvent);
    },

    async create(actor: Actor, applicationId: string, input: ProsecutionEventInput): Promise<ProsecutionEvent> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const application = await getWritable(actor, applicationId, tx);
        await check(application, input, null, tx);
        const id = randomUUID();
        await events.insert([{ id, applicationId, ...input, recordedBy: recorderOf(actor), createdAt: clock.now().toISOString() }], tx);
        await recompute.recomputeAsset(application.assetId, tx);
        return presentEvent(await found(events.findById(applicationId, id, tx), id));
      });
    },

    async update(actor: Actor, applicationId: string, id: string, input: ProsecutionEventInput): Promise<ProsecutionEvent> {
      requireRole(actor, 'admin', 'officer');
      return db.transaction(async (tx) => {
        const application = await getWritable(actor, applicationId, tx);
        await found(events.findById(applicationId, id, tx), id);
        await check(application, input, id, tx);
        await events.update(id, { type: input.type, date: input.date, note: input.note }, tx);
        await recompute.recomputeAsset(application.assetId, tx);
        return presentEvent(await found(events.findById(applicationId, id, tx), id));
      });
    },

    async remove(actor: Actor, applicationId: string, id: string): Promise<void> {
      requireRole(actor, 'admin', 'officer');
      await db.transaction(async (tx) => {
        const application = await getWritable(actor, applicationId, tx);
        await found(events.findById(applicationId, id, tx), id);
        await events.delete(id, tx);
        await recompute.recomputeAsset(application.assetId, tx);
      });
    },
  };
}
export type ProsecutionEventService = ReturnType<typeof createProsecutionEventService>;

/** The system actor (CLI, loaders) has no user row to point to. */
export function recorderOf(actor: Actor): string | null {
  return actor.userId === systemActor.userId ? null : actor.userId;
}

async function found<T>(promise: Promise<T | null>, id: string): Promise<T> {
  const row = await promise;
  if (row === null) throw DomainError.notFound('event', id);
  return row;
}

export function presentEvent({ event, recordedByName }: { event: ProsecutionEventRow; recordedByName: string | null }): ProsecutionEvent {
  return {
    id: event.id,
    applicationId: event.applicationId,
    type: event.type,
    date: event.date,
    note: event.note,
    recordedById: event.recordedBy,
    recordedByName,
    createdAt: event.createdAt,
  };
}
