import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { DigestLocale } from '#core/docket/docket-task';
import type { Db } from '../../platform/db.ts';
import { users } from '../auth/auth.table.ts';
import { docketUserSettings } from './docket.table.ts';

export type SettingsRow = typeof docketUserSettings.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** A user who may get the digest, with their settings (defaults when they never changed them). */
export interface DigestRecipient {
  user: UserRow;
  locale: DigestLocale;
  digestSentOn: string | null;
}

/** Each user's calendar feed secret and digest settings. */
export function createDocketSettingsRepository(db: Db) {
  return {
    async find(userId: string, tx: Db = db): Promise<SettingsRow | null> {
      const [row] = await tx.select().from(docketUserSettings).where(eq(docketUserSettings.userId, userId));
      return row ?? null;
    },

    async saveCalendarTokenHash(userId: string, tokenHash: string, now: string, tx: Db = db): Promise<void> {
      await tx
        .insert(docketUserSettings)
        .values({ userId, calendarTokenHash: tokenHash, updatedAt: now })
        .onConflictDoUpdate({ target: docketUserSettings.userId, set: { calendarTokenHash: tokenHash, updatedAt: now } });
    },

    async saveDigest(userId: string, values: { isDigestEnabled: boolean; locale: DigestLocale }, now: string, tx: Db = db): Promise<void> {
      await tx
        .insert(docketUserSettings)
        .values({ userId, ...values, updatedAt: now })
        .onConflictDoUpdate({ target: docketUserSettings.userId, set: { ...values, updatedAt: now } });
    },

    /** The active user whose calendar feed has this secret. */
    async findUserByCalendarTokenHash(tokenHash: string): Promise<{ user: UserRow; locale: DigestLocale } | null> {
      const [row] = await db
        .select({ user: users, locale: docketUserSettings.locale })
        .from(docketUserSettings)
        .innerJoin(users, eq(users.id, docketUserSettings.userId))
        .where(and(eq(docketUserSettings.calendarTokenHash, tokenHash), eq(users.isDisabled, false)));
      return row ?? null;
    },

    /** Active officers and admins who have not turned the digest off and have not had today's. */
    async digestRecipients(today: string): Promise<DigestRecipient[]> {
      const rows = await db
        .select({ user: users, settings: docketUserSettings })
        .from(users)
        .leftJoin(docketUserSettings, eq(docketUserSettings.userId, users.id))
        .where(
          and(
            inArray(users.role, ['admin', 'officer']),
            eq(users.isDisabled, false),
            or(isNull(docketUserSettings.userId), eq(docketUserSettings.isDigestEnabled, true)),
            or(isNull(docketUserSettings.digestSentOn), lt(docketUserSettings.digestSentOn, today)),
          ),
        )
        .orderBy(users.email);
      return rows.map(({ user, settings }) => ({ user, locale: settings?.locale ?? 'fr', digestSentOn: settings?.digestSentOn ?? null }));
    },

    /**
     * Marks today's digest as sent to this user, unless it already was: true when this call claimed it.
     * Two processes sending at once never both claim the same user's day.
     */
    async claimDigest(userId: string, today: string, now: string): Promise<boolean> {
      const claimed = await db
        .insert(docketUserSettings)
        .values({ userId, digestSentOn: today, updatedAt: now })
        .onConflictDoUpdate({
          target: docketUserSettings.userId,
          set: { digestSentOn: today },
          setWhere: or(isNull(docketUserSettings.digestSentOn), lt(docketUserSettings.digestSentOn, today)),
        })
        .returning({ userId: docketUserSettings.userId });
      return claimed.length === 1;
    },

    /** Gives the day back after a failed send, so the next attempt tries again. */
    async releaseDigest(userId: string, today: string, previous: string | null): Promise<void> {
      await db
        .update(docketUserSettings)
        .set({ digestSentOn: previous })
        .where(and(eq(docketUserSettings.userId, userId), eq(docketUserSettings.digestSentOn, today)));
    },
  };
}
export type DocketSettingsRepository = ReturnType<typeof createDocketSettingsRepository>;

/** The actor a user acts as, for the feed and the digest (which run without a session). */
export function actorOfUser(user: UserRow) {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    schoolId: user.schoolId,
    personId: user.personId,
    organisationId: user.organisationId,
  };
}
