import type { InventionInput, InventionStatus } from '#core/invention';
import { type Actor, canManageSchool } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import type { InventionDetail, InventionScope } from './invention.repository.ts';

// Who may see and change disclosures. They are confidential until published: a researcher sees only
// their own, a school's officer only their school's, and partners none.

/** The statuses in which a disclosure is still the researcher's to write. */
const RESEARCHER_STATUSES: readonly InventionStatus[] = ['draft', 'submitted'];

/** The inventions the actor may open; throws 403 for partners, who see no disclosure at all. */
export function readScope(actor: Actor): InventionScope {
  switch (actor.role) {
    case 'admin':
    case 'reader':
      return { kind: 'all' };
    case 'officer':
      return actor.schoolId === null ? { kind: 'all' } : { kind: 'school', schoolId: actor.schoolId };
    case 'researcher':
      if (actor.personId === null) throw DomainError.forbidden('this researcher account is tied to no person');
      return { kind: 'inventor', personId: actor.personId };
    case 'partner':
      throw DomainError.forbidden('partners see no disclosure');
  }
}

export function isInScope(scope: InventionScope, detail: InventionDetail): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'school':
      return detail.invention.schoolId === scope.schoolId;
    case 'inventor':
      return detail.inventors.some((inventor) => inventor.personId === scope.personId);
  }
}

/** Creating and changing disclosures: staff, and researchers for their own. */
export function requireInventionWriter(actor: Actor): InventionScope {
  if (actor.role === 'reader') throw DomainError.forbidden('readers do not change disclosures');
  return readScope(actor);
}

/**
 * What the input may say, given who writes it: an officer keeps the invention in their school, and a
 * researcher files as one of the inventors and cannot move the disclosure past "submitted" (the
 * assessment and decision belong to the TTO).
 */
export function checkWritableInput(actor: Actor, input: InventionInput): void {
  if (actor.role !== 'researcher') {
    if (!canManageSchool(actor, input.schoolId)) throw DomainError.forbidden('an officer keeps inventions in their own school');
    return;
  }
  if (!RESEARCHER_STATUSES.includes(input.status)) {
    throw DomainError.forbidden(`a researcher sets the status to ${RESEARCHER_STATUSES.join(' or ')} only`);
  }
  if (!input.inventors.some((inventor) => inventor.personId === actor.personId)) {
    throw DomainError.forbidden('a researcher files disclosures they are an inventor on');
  }
}

/**
 * A researcher changes their disclosure only until the TTO takes it up, and cannot move it to another
 * school (that would take it away from the officers who handle it).
 */
export function checkStillWritable(actor: Actor, detail: InventionDetail, input: InventionInput): void {
  if (actor.role !== 'researcher') return;
  if (!RESEARCHER_STATUSES.includes(detail.invention.status)) {
    throw DomainError.forbidden(`this disclosure is ${detail.invention.status}: only the office changes it now`);
  }
  if (input.schoolId !== detail.invention.schoolId) {
    throw DomainError.forbidden('only the office moves a disclosure to another school');
  }
}

