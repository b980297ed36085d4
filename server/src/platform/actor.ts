import type { Role } from '#core/user';
import { DomainError } from './errors.ts';

/** Who is asking: the signed-in user, as every service method receives it first. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  /** Officers: the school whose TTO they work for; null for the central TTO. */
  schoolId: string | null;
  /** Researchers: the person they are. */
  personId: string | null;
  /** Partners: the company they work for. */
  organisationId: string | null;
}

/** The CLI and the demo loader act as the system: an admin with no user row. */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system@valo',
  displayName: 'System',
  role: 'admin',
  schoolId: null,
  personId: null,
  organisationId: null,
};

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw DomainError.forbidden(`this needs the role ${roles.join(' or ')}`);
}

/** Admins and central officers act on every school; a school's officer on that school only. */
export function isInstitutionWide(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'reader' || (actor.role === 'officer' && actor.schoolId === null);
}

/** May this actor change records that belong to `schoolId` (null: records of no school)? */
export function canManageSchool(actor: Actor, schoolId: string | null): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'officer') return false;
  return actor.schoolId === null || actor.schoolId === schoolId;
}

export function requireManageSchool(actor: Actor, schoolId: string | null): void {
  if (!canManageSchool(actor, schoolId)) {
    throw DomainError.forbidden(
      actor.role === 'officer' ? 'this record belongs to another school' : 'only officers and admins change this',
    );
  }
}

/** Reference data (organisations, people) is kept by officers and admins. */
export function requireStaff(actor: Actor): void {
  requireRole(actor, 'admin', 'officer');
}
