import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LoginInput, User, UserInput } from '#core/user';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, fromDatabaseError } from '../../platform/errors.ts';
import type { AuthRepository, UserRow } from './auth.repository.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

// A hash to verify against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export function createAuthService(deps: { auth: AuthRepository; clock: Clock; sessionHours: number }) {
  const { auth, clock } = deps;
  const throttle = createLoginThrottle(clock);

  return {
    /** Checks the password and opens a session. The same error for an unknown e-mail and a wrong password. */
    async login(input: LoginInput): Promise<Session> {
      const wait = throttle.waitMinutes(input.email);
      if (wait > 0) throw new DomainError('rate_limited', `too many failed sign-ins for this e-mail: try again in ${wait} min`);
      const user = await auth.findUserByEmail(input.email);
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
      if (!user || !valid || user.isDisabled) {
        throttle.recordFailure(input.email);
        throw new DomainError('unauthenticated', 'wrong e-mail or password');
      }
      throttle.recordSuccess(input.email);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + deps.sessionHours * 3_600_000);
      await auth.deleteExpiredSessions(now.toISOString());
      await auth.insertSession({
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      return { token, csrfToken, expiresAt, user: presentUser(user) };
    },

    async logout(token: string): Promise<void> {
      await auth.deleteSession(hashToken(token));
    },

    /** The actor behind a session token, or null when the token is unknown, expired or its user disabled. */
    async resolveSession(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
      const found = await auth.findSession(hashToken(token), clock.now().toISOString());
      if (!found || found.user.isDisabled) return null;
      return { actor: toActor(found.user), csrfToken: found.session.csrfToken };
    },

    async createUser(actor: Actor, input: UserInput): Promise<User> {
      requireRole(actor, 'admin');
      const existing = await auth.findUserByEmail(input.email);
      if (existing) throw DomainError.conflict('email', `${input.email} already has an account`);
      const row: UserRow = {
        id: randomUUID(),
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        role: input.role,
        schoolId: input.schoolId,
        personId: input.personId,
        organisationId: input.organisationId,
        isDisabled: false,
        createdAt: clock.now().toISOString(),
      };
      try {
        await auth.insertUser(row);
      } catch (error) {
        throw fromDatabaseError(error) ?? error;
      }
      return presentUser(row);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    schoolId: row.schoolId,
    personId: row.personId,
    organisationId: row.organisationId,
  };
}

function toActor(row: UserRow): Actor {
  return {
    userId: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    schoolId: row.schoolId,
    personId: row.personId,
    organisationId: row.organisationId,
  };
}
