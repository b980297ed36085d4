import { describe, expect, it } from 'vitest';
import type { Role, User } from '#core/user';
import { canCreate, canEditInvention, canWrite } from './permissions.ts';

const user = (role: Role, personId: string | null = null): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: `${role}@valo.test`,
  displayName: role,
  role,
  schoolId: null,
  personId,
  organisationId: null,
});

describe('which write buttons a role sees', () => {
  it('shows them to admins and officers', () => {
    expect(canWrite(user('admin'), 'families')).toBe(true);
    expect(canWrite(user('officer'), 'agreements')).toBe(true);
  });

  it('hides them from partners and readers', () => {
    for (const role of ['partner', 'reader'] as const) {
      expect(canWrite(user(role), 'organisations')).toBe(false);
      expect(canCreate(user(role), 'inventions')).toBe(false);
    }
  });

  it('lets a researcher declare inventions and nothing else', () => {
    expect(canCreate(user('researcher'), 'inventions')).toBe(true);
    expect(canCreate(user('researcher'), 'families')).toBe(false);
    expect(canWrite(user('researcher'), 'inventions')).toBe(false);
  });

  it('lets a researcher edit their own disclosure while it is a draft or submitted', () => {
    const researcher = user('researcher', 'person-1');
    const own = { status: 'draft', inventors: [{ personId: 'person-1' }] };
    expect(canEditInvention(researcher, own)).toBe(true);
    expect(canEditInvention(researcher, { ...own, status: 'protect' })).toBe(false);
    expect(canEditInvention(researcher, { ...own, inventors: [{ personId: 'person-2' }] })).toBe(false);
  });
});
