import type { Clock } from '../../platform/clock.ts';

/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one e-mail within `windowMinutes`, that
 * e-mail is refused until the window has passed since the first of those failures. Kept in memory: one
 * Valo process serves an institution, and a restart only forgets recent failures.
 */
export function createLoginThrottle(clock: Clock, options = { maxFailures: 10, windowMinutes: 15 }) {
  const failures = new Map<string, number[]>();
  const windowMs = options.windowMinutes * 60_000;

  const recent = (email: string): number[] => {
    const now = clock.now().getTime();
    const kept = (failures.get(email) ?? []).filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(email);
    else failures.set(email, kept);
    return kept;
  };

  return {
    /** Minutes to wait before the next attempt, or 0 when an attempt is allowed now. */
    waitMinutes(email: string): number {
      const kept = recent(email);
      if (kept.length < options.maxFailures) return 0;
      const first = kept[0] ?? clock.now().getTime();
      return Math.max(1, Math.ceil((first + windowMs - clock.now().getTime()) / 60_000));
    },
    recordFailure(email: string): void {
      failures.set(email, [...recent(email), clock.now().getTime()]);
    },
    recordSuccess(email: string): void {
      failures.delete(email);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
