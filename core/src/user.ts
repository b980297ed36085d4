import { z } from 'zod';
import { Email, Id } from './common.ts';

/**
 * Roles. An officer with a school works for that school's TTO; without one, for the central TTO.
 * A researcher account is tied to a person (their inventions), a partner account to an organisation.
 */
export const Role = z.enum(['admin', 'officer', 'researcher', 'partner', 'reader']);
export type Role = z.infer<typeof Role>;

export const Password = z.string().min(8, { error: 'must have at least 8 characters' }).max(200);

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(200) }).strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const UserInput = z
  .object({
    email: Email,
    password: Password,
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    schoolId: Id.nullable().default(null),
    personId: Id.nullable().default(null),
    organisationId: Id.nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === 'researcher' && value.personId === null) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'is required for a researcher' });
    }
    if (value.role === 'partner' && value.organisationId === null) {
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'is required for a partner' });
    }
    if (value.schoolId !== null && value.role !== 'officer') {
      ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'applies to officers only' });
    }
  });
export type UserInput = z.infer<typeof UserInput>;

export const User = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  schoolId: Id.nullable(),
  personId: Id.nullable(),
  organisationId: Id.nullable(),
});
export type User = z.infer<typeof User>;

export const SessionInfo = z.object({ user: User, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;
