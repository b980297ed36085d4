import type { User } from '#core/user';

/** What the screens offer to write; the server checks every write again. */
export type Area = 'organisations' | 'people' | 'inventions' | 'families' | 'agreements' | 'startups';

/** Admins and officers keep every record; officers of a school only theirs, which the server enforces. */
export function canWrite(user: User, area: Area): boolean {
  void area;
  return user.role === 'admin' || user.role === 'officer';
}

/** Researchers declare their own inventions (disclosures); partners and readers only read. */
export function canCreate(user: User, area: Area): boolean {
  return canWrite(user, area) || (area === 'inventions' && user.role === 'researcher');
}

/** A researcher may still change a disclosure of theirs while it is a draft or submitted. */
export function canEditInvention(user: User, invention: { status: string; inventors: readonly { personId: string }[] }): boolean {
  if (canWrite(user, 'inventions')) return true;
  return (
    user.role === 'researcher' &&
    (invention.status === 'draft' || invention.status === 'submitted') &&
    invention.inventors.some((inventor) => inventor.personId === user.personId)
  );
}
