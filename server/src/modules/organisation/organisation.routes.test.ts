import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '#core/organisation';
import type { Page } from '#core/common';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';

let t: TestContext;
let admin: Client;
let institution: Organisation;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  institution = (await admin.post<Organisation>('/api/organisations', { kind: 'institution', name: 'Institut Test' })).body;
});
afterAll(() => t.close());

const school = (name: string) => ({ kind: 'school', name, parentId: institution.id });

describe('organisations', () => {
  it('creates a school under the institution and reads it back', async () => {
    const created = await admin.post<Organisation>('/api/organisations', school('École A'));
    expect(created.status).toBe(201);
    const read = await admin.get<Organisation>(`/api/organisations/${created.body.id}`);
    expect(read.body).toMatchObject({ name: 'École A', kind: 'school', parentId: institution.id, country: 'FR' });
  });

  it('requires a category for a company and names the field', async () => {
    const answer = await admin.post<{ error: { issues: { path: string; message: string }[] } }>('/api/organisations', {
      kind: 'company',
      name: 'Acme',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toContainEqual({ path: 'companyCategory', message: 'is required for a company' });
  });

  it('rejects a parent that does not exist', async () => {
    const answer = await admin.post<{ error: { issues: { path: string }[] } }>('/api/organisations', {
      kind: 'school',
      name: 'Orphan',
      parentId: '7d1e5f0e-0000-4000-8000-000000000000',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]?.path).toBe('parentId');
  });

  it('answers 409 on a duplicate SIREN and writes nothing', async () => {
    const first = await admin.post('/api/organisations', { kind: 'company', name: 'Acme', companyCategory: 'pme', siren: '123456789' });
    expect(first.status).toBe(201);
    const second = await admin.post<{ error: { issues: { path: string }[] } }>('/api/organisations', {
      kind: 'company',
      name: 'Acme bis',
      companyCategory: 'pme',
      siren: '123456789',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.issues[0]?.path).toBe('siren');
    const list = await admin.get<Page<Organisation>>('/api/organisations?q=Acme');
    expect(list.body.items.map((o) => o.name)).toEqual(['Acme']);
  });

  it('refuses to make an organisation its own ancestor', async () => {
    const parent = (await admin.post<Organisation>('/api/organisations', school('Parent'))).body;
    const child = (await admin.post<Organisation>('/api/organisations', { kind: 'research_unit', name: 'Child', parentId: parent.id })).body;
    const answer = await admin.put('/api/organisations/' + parent.id, { ...school('Parent'), parentId: child.id });
    expect(answer.status).toBe(400);
  });

  it('paginates with a stable order', async () => {
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) await admin.post('/api/organisations', { kind: 'public_body', name });
    const first = await admin.get<Page<Organisation>>('/api/organisations?kind=public_body&limit=2&sort=name');
    expect(first.body.items.map((o) => o.name)).toEqual(['P1', 'P2']);
    expect(first.body.total).toBe(5);
    expect(first.body.nextOffset).toBe(2);
    const last = await admin.get<Page<Organisation>>('/api/organisations?kind=public_body&limit=2&offset=4&sort=-name');
    expect(last.body.items.map((o) => o.name)).toEqual(['P1']);
    expect(last.body.nextOffset).toBeNull();
  });

  it('rejects a limit above 1000 and an unknown sort field', async () => {
    expect((await admin.get('/api/organisations?limit=1001')).status).toBe(400);
    const answer = await admin.get<{ error: { issues: { path: string }[] } }>('/api/organisations?sort=secret');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]?.path).toBe('sort');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await admin.get('/api/organisations/7d1e5f0e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/organisations/42')).status).toBe(400);
  });

  it('lets every role read the directory and only staff change it', async () => {
    const reader = await t.signIn('reader');
    expect((await reader.get('/api/organisations')).status).toBe(200);
    expect((await reader.post('/api/organisations', { kind: 'other', name: 'X' })).status).toBe(403);
    const officer = await t.signIn('officer');
    expect((await officer.post('/api/organisations', { kind: 'other', name: 'Y' })).status).toBe(201);
  });

  it('refuses to delete an organisation still referred to', async () => {
    const answer = await admin.delete(`/api/organisations/${institution.id}`);
    expect(answer.status).toBe(409);
  });
});
