import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { countRows, createDirectory, type Directory } from './asset.fixtures.ts';

interface ErrorAnswer {
  error: { issues: { path: string; message: string }[] };
}

let t: TestContext;
let admin: Client;
let dir: Directory;
let family: Asset;
let software: Asset;

/** A family as `/api/families` takes it: no kind needed. */
const familyBody = (n: number, overrides: object = {}) => ({
  title: `Optical fibre amplifier ${n}`,
  schoolId: dir.schoolA.id,
  owners: [{ organisationId: dir.institution.id, share: 100 }],
  applications: [
    { office: 'FR', applicationNumber: `FR22${n}`, filingDate: '2022-03-01', publications: [{ number: `FR31${n}`, kind: 'A1', date: '2023-09-08' }] },
    {
      office: 'WO',
      applicationNumber: `PCT/FR2023/05${n}`,
      filingDate: '2023-02-28',
      route: 'pct',
      priorities: [{ country: 'FR', number: `FR22${n}`, date: '2022-03-01' }],
    },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  family = (await admin.post<Asset>('/api/families', familyBody(1))).body;
  software = (
    await admin.post<Asset>('/api/assets', {
      kind: 'software',
      title: 'Optical simulation software',
      schoolId: dir.schoolA.id,
      owners: [{ organisationId: dir.institution.id, share: 100 }],
    })
  ).body;
});
afterAll(() => t.close());

describe('patent families', () => {
  it('creates a family without naming its kind', async () => {
    expect(family).toMatchObject({ kind: 'patent_family', firstFilingDate: '2022-03-01' });
    expect(family.applications.map((a) => a.office)).toEqual(['FR', 'WO']);
  });

  it('lists patent families only, whatever kind is asked for', async () => {
    for (const query of ['', '?kind=software', '?q=optical']) {
      const page = (await admin.get<Page<Asset>>(`/api/families${query}`)).body;
      expect(page.items.map((asset) => asset.id)).toEqual([family.id]);
    }
    const all = (await admin.get<Page<Asset>>('/api/assets?q=optical')).body;
    expect(all.total).toBe(2);
  });

  it('finds a family by its PCT application number and filters by office', async () => {
    const byNumber = (await admin.get<Page<Asset>>(`/api/families?q=${encodeURIComponent('pct/fr2023/051')}`)).body;
    expect(byNumber.items.map((asset) => asset.id)).toEqual([family.id]);
    expect((await admin.get<Page<Asset>>('/api/families?office=WO')).body.total).toBe(1);
    expect((await admin.get<Page<Asset>>('/api/families?office=EP')).body.total).toBe(0);
  });

  it('reads a family, and answers 404 for an asset of another kind', async () => {
    expect((await admin.get<Asset>(`/api/families/${family.id}`)).body).toEqual(family);
    expect((await admin.get(`/api/families/${software.id}`)).status).toBe(404);
    expect((await admin.get(`/api/assets/${software.id}`)).status).toBe(200);
  });

  it('refuses another kind on create and replace, naming kind, and writes nothing', async () => {
    const before = await countRows(t, 'assets');
    const created = await admin.post<ErrorAnswer>('/api/families', familyBody(2, { kind: 'software', applications: [] }));
    expect(created.status).toBe(400);
    expect(created.body.error.issues.map((issue) => issue.path)).toContain('kind');
    const replaced = await admin.put<ErrorAnswer>(`/api/families/${family.id}`, familyBody(1, { kind: 'know_how', applications: [] }));
    expect(replaced.status).toBe(400);
    expect(replaced.body.error.issues.map((issue) => issue.path)).toContain('kind');
    expect(await countRows(t, 'assets')).toBe(before);
    expect((await admin.get(`/api/families/${family.id}`)).body).toEqual(family);
  });

  it('replaces a family, and answers 404 when the id is not a family', async () => {
    const replaced = await admin.put<Asset>(`/api/families/${family.id}`, familyBody(1, { title: 'Optical fibre amplifier, improved' }));
    expect(replaced.status).toBe(200);
    expect(replaced.body.applications.map((a) => a.id)).toEqual(family.applications.map((a) => a.id));
    family = replaced.body;
    expect((await admin.put(`/api/families/${software.id}`, familyBody(3))).status).toBe(404);
  });

  it('deletes through the families edge only a family', async () => {
    expect((await admin.delete(`/api/families/${software.id}`)).status).toBe(404);
    expect((await admin.get(`/api/assets/${software.id}`)).status).toBe(200);
    const other = (await admin.post<Asset>('/api/families', familyBody(4))).body;
    expect((await admin.delete(`/api/families/${other.id}`)).status).toBe(204);
    expect((await admin.get(`/api/families/${other.id}`)).status).toBe(404);
  });

  it('applies the same access rules as assets', async () => {
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    expect((await officerB.get<Page<Asset>>('/api/families')).body.total).toBe(0);
    expect((await officerB.get(`/api/families/${family.id}`)).status).toBe(404);
    const reader = await t.signIn('reader');
    expect((await reader.post('/api/families', familyBody(5))).status).toBe(403);
  });

  it('describes both edges in the OpenAPI document', async () => {
    const document = (await admin.get<{ paths: Record<string, unknown> }>('/api/openapi.json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/assets', '/api/assets/{id}', '/api/families', '/api/families/{id}', '/api/portfolio/summary']),
    );
  });
});
