import { randomBytes } from 'node:crypto';
import type { DigestSettings, DigestSettingsInput } from '#core/docket/docket-task';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import { hashToken } from '../auth/auth.service.ts';
import { actorOfUser, type DocketSettingsRepository } from './docket-settings.repository.ts';
import { writeICalendar } from './ical.ts';
import { presentTask } from './task.presenter.ts';
import type { TaskRepository } from './task.repository.ts';
import { taskDetails, taskTitle } from './task-wording.ts';

/** The calendar feed's secret: 32 random bytes, URL-safe; only its SHA-256 is stored. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A personal iCalendar feed of the open deadlines a user may see, at a secret address calendar programs
 * poll without a session, and each user's digest settings.
 */
export function createCalendarService(deps: { settings: DocketSettingsRepository; tasks: TaskRepository; clock: Clock }) {
  const { settings, tasks, clock } = deps;

  function requireUser(actor: Actor): void {
    if (actor.userId === systemActor.userId) throw DomainError.forbidden('the system has no calendar or digest');
  }

  return {
    /** A new secret for the caller's feed; the previous one stops working. Shown once: only its hash is kept. */
    async createToken(actor: Actor): Promise<string> {
      requireUser(actor);
      const token = randomBytes(32).toString('base64url');
      await settings.saveCalendarTokenHash(actor.userId, hashToken(token), clock.now().toISOString());
      return token;
    },

    /** The feed behind a secret: 404 for an unknown or revoked one, so a guess learns nothing. */
    async feed(token: string): Promise<string> {
      const found = TOKEN.test(token) ? await settings.findUserByCalendarTokenHash(hashToken(token)) : null;
      if (!found) throw new DomainError('not_found', 'no such calendar');
      const now = clock.now().toISOString();
      const today = now.slice(0, 10);
      const records = await tasks.all(visibleAssets(actorOfUser(found.user)), { status: 'open' }, today);
      return writeICalendar({
        name: found.locale === 'fr' ? 'Valo — échéances' : 'Valo — deadlines',
        stamp: now,
        events: records.map((record) => {
          const task = presentTask(record, today);
          return {
            uid: `${task.id}@valo`,
            date: task.due,
            summary: taskTitle(task, found.locale),
            description: taskDetails(task, found.locale).join('\n'),
          };
        }),
      });
    },

    async getSettings(actor: Actor): Promise<DigestSettings> {
      requireUser(actor);
      const row = await settings.find(actor.userId);
      return { isEnabled: row?.isDigestEnabled ?? true, locale: row?.locale ?? 'fr', hasCalendarFeed: (row?.calendarTokenHash ?? null) !== null };
    },

    async saveSettings(actor: Actor, input: DigestSettingsInput): Promise<DigestSettings> {
      requireUser(actor);
      await settings.saveDigest(actor.userId, { isDigestEnabled: input.isEnabled, locale: input.locale }, clock.now().toISOString());
      const row = await settings.find(actor.userId);
      return { isEnabled: input.isEnabled, locale: input.locale, hasCalendarFeed: (row?.calendarTokenHash ?? null) !== null };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
