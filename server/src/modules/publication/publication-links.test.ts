import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import type { FamilyPublications, Publication, PublicationSummary, ReviewItem } from '#core/publication-corpus';
import type { SessionInfo } from '#core/user';
import { publicationLinks } from '../../platform/schema.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { type Directory, createDirectory } from '../asset/asset.fixtures.ts';
import { applicationInputOf, createFamily, importFiles, lensCsv, saveFamily, tableContents } from './publication.fixtures.ts';

/*
 * A person reviewing a family's publications confirms the links matching left unconfirmed and rejects
 * the wrong ones, which no import, family save or sync brings back.
 */

let t: TestContext;
let admin: Client;
let adminId: string;
let directory: Directory;
let ids: Map<string, string>;

const INSTITUTION = 'Institut Test';

const files = {
  'lens.csv': lensCsv([
    { country: 'FR', kind: 'A1', number: '3100021', date: '2021-03-05', applicationNumber: 'FR 1912321', filingDate: '2019-09-02', applicants: [INSTITUTION] },
    { country: 'WO', kind: 'A1', number: '2021/044021', date: '2021-03-11', applicationNumber: 'PCT/FR2020/051921', filingDate: '2020-09-01', priority: 'FR 1912321', applicants: [INSTITUTION] },
    // The co-owner's own application claiming the same priority: not the family's.
    { country: 'EP', kind: 'A1', number: '3990021', date: '2022-07-06', applicationNumber: 'EP 20771921', filingDate: '2020-09-01', priority: 'FR 1912321', applicants: [INSTITUTION, 'Acme Capteurs'] },
    { country: 'EP', kind: 'A1', number: '3990031', date: '2022-08-03', applicationNumber: 'EP 20771931', filingDate: '2020-10-01', applicants: [INSTITUTION] },
    { country: 'FR', kind: 'A1', number: '3100041', date: '2021-05-07', applicationNumber: 'FR 1912341', filingDate: '2019-11-04', applicants: [INSTITUTION] },
    { country: 'WO', kind: 'A1', number: '2021/044041', date: '2021-05-13', applicationNumber: 'PCT/FR2020/051941', filingDate: '2020-11-02', priority: 'FR 1912341', applicants: [INSTITUTION] },
  ]),
};

const idOf = (number: string) => ids.get(number)!;
const linkPath = (number: string, family: Asset) => `/api/publications/${idOf(number)}/links/${family.id}`;

const linkRow = async (number: string, family: Asset) => {
  const [row] = await t.services.database.db
    .select()
    .from(publicationLinks)
    .where(and(eq(publicationLinks.publicationId, idOf(number)), eq(publicationLinks.assetId, family.id)));
  return row;
};

const publicationsOf = async (family: Asset) =>
  (await admin.get<FamilyPublications>(`/api/families/${family.id}/publications`)).body.items.map((publication) => {
    const link = publication.links.find((candidate) => candidate.assetId === family.id);
    return [`${publication.country}${publication.number}`, link?.matchedBy, link?.isConfirmed];
  });

const reviewNumbers = async () =>
  (await admin.get<Page<ReviewItem>>('/api/publications/review?limit=100')).body.items.map((item) => `${item.country}${item.number}`);

/** Saves the family through the API as it is, or with these applications' statuses and publications. */
function save(family: Asset, change: (application: Asset['applications'][number]) => Partial<Asset['applications'][number]> = () => ({})) {
  return saveFamily(admin, family.id, (current) => current.map((application) => applicationInputOf({ ...application, ...change(application) })));
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  adminId = (await admin.get<SessionInfo>('/api/auth/me')).body.user.id;
  directory = await createDirectory(admin);
  await importFiles(t, files);
  const page = (await admin.get<Page<PublicationSummary>>('/api/publications?limit=100')).body;
  ids = new Map(page.items.map((item) => [`${item.country}${item.number}`, item.id]));
});
afterAll(() => t.close());

describe('a family whose publications a person reviews', () => {
  let family: Asset;
  beforeAll(async () => {
    family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      applications: [{ office: 'FR', applicationNumber: 'FR1912321', filingDate: '2019-09-02' }],
    });
    expect(await publicationsOf(family)).toEqual([
      ['FR3100021', 'application_number', true],
      ['WO2021044021', 'priority', false],
      ['EP3990021', 'priority', false],
    ]);
  });

  it('confirms a link matching left to be confirmed, recording who and when', async () => {
    const answer = await admin.post<Publication>(`${linkPath('WO2021044021', family)}/confirm`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ id: idOf('WO2021044021'), isLinked: true, links: [{ assetId: family.id, matchedBy: 'priority', isConfirmed: true }] });
    expect(await linkRow('WO2021044021', family)).toMatchObject({ isConfirmed: true, confirmedBy: adminId, confirmedAt: '2026-03-02T09:00:00.000Z', rejectedAt: null });
    expect(await publicationsOf(family)).toContainEqual(['WO2021044021', 'priority', true]);
  });

  it('leaves a confirmed link as it was when confirmed again', async () => {
    const before = await linkRow('FR3100021', family);
    expect((await admin.post(`${linkPath('FR3100021', family)}/confirm`)).status).toBe(200);
    expect(await linkRow('FR3100021', family)).toEqual(before);
    expect(before).toMatchObject({ confirmedBy: null, confirmedAt: null });
  });

  it('rejects a wrong link: the family no longer shows the publication, which goes back to the review list', async () => {
    expect(await reviewNumbers()).not.toContain('EP3990021');
    const answer = await admin.delete<Publication>(linkPath('EP3990021', family));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ id: idOf('EP3990021'), isLinked: false, links: [] });
    expect(await linkRow('EP3990021', family)).toMatchObject({ rejectedBy: adminId, rejectedAt: '2026-03-02T09:00:00.000Z' });
    expect(await publicationsOf(family)).toEqual([
      ['FR3100021', 'application_number', true],
      ['WO2021044021', 'priority', true],
    ]);
    expect((await admin.get<Publication>(`/api/publications/${idOf('EP3990021')}`)).body).toMatchObject({ isLinked: false, links: [] });
    expect(await reviewNumbers()).toContain('EP3990021');
    const unlinked = (await admin.get<Page<PublicationSummary>>('/api/publications?linked=false&country=EP')).body.items.map((item) => item.number);
    expect(unlinked).toContain('3990021');
  });

  it('does not confirm a rejected link, and rejecting it again changes nothing', async () => {
    expect((await admin.post(`${linkPath('EP3990021', family)}/confirm`)).status).toBe(404);
    const before = await linkRow('EP3990021', family);
    expect((await admin.delete(linkPath('EP3990021', family))).status).toBe(200);
    expect(await linkRow('EP3990021', family)).toEqual(before);
  });

  it('does not link it again when the same file is imported again, which changes nothing', async () => {
    const before = await tableContents(t);
    const run = await importFiles(t, files);
    expect(run).toMatchObject({ linked: 0, unchanged: 6 });
    expect(await tableContents(t)).toEqual(before);
    expect(await reviewNumbers()).toContain('EP3990021');
  });

  it('does not link it again when the family is saved', async () => {
    const before = await tableContents(t);
    await save(family);
    expect({ ...(await tableContents(t)), assets: [] }).toEqual({ ...before, assets: [] });
    expect((await publicationsOf(family)).map(([number]) => number)).not.toContain('EP3990021');
  });

  it('links it again by hand, confirmed, and the next import keeps that link', async () => {
    const answer = await admin.post<Publication>(`/api/publications/${idOf('EP3990021')}/link`, { assetId: family.id, applicationId: null });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ isLinked: true, links: [{ assetId: family.id, matchedBy: 'manual', isConfirmed: true }] });
    expect(await linkRow('EP3990021', family)).toMatchObject({ rejectedAt: null, rejectedBy: null, confirmedBy: adminId });
    expect(await reviewNumbers()).not.toContain('EP3990021');
    await importFiles(t, files);
    expect(await publicationsOf(family)).toContainEqual(['EP3990021', 'manual', true]);
  });
});

describe('a rejected link on an application', () => {
  it('no longer brings the publication to the application, on a save or an import', async () => {
    const family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      title: 'Européenne',
      applications: [{ office: 'EP', applicationNumber: 'EP20771931', filingDate: '2020-10-01', route: 'ep_direct' }],
    });
    expect(family.applications[0]).toMatchObject({ status: 'published', publications: [{ number: 'EP3990031', kind: 'A1' }] });
    expect((await admin.delete(linkPath('EP3990031', family))).status).toBe(200);
    // What the link brought stays until a person changes it; here the application is set back by hand.
    expect((await admin.get<Asset>(`/api/families/${family.id}`)).body.applications[0]).toMatchObject({ status: 'published' });
    const saved = await save(family, () => ({ status: 'filed', publications: [] }));
    expect(saved.applications[0]).toMatchObject({ status: 'filed', publications: [] });
    await importFiles(t, files);
    expect((await admin.get<Asset>(`/api/families/${family.id}`)).body.applications[0]).toMatchObject({ status: 'filed', publications: [] });
    expect(await publicationsOf(family)).toEqual([]);
  });
});

describe('who may confirm or reject a link', () => {
  let family: Asset;
  beforeAll(async () => {
    family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      title: 'Droits',
      applications: [{ office: 'FR', applicationNumber: 'FR1912341', filingDate: '2019-11-04' }],
    });
  });

  it('answers 401 without a session and 403 to researchers, readers and partners', async () => {
    expect((await t.anonymous.post(`${linkPath('WO2021044041', family)}/confirm`)).status).toBe(401);
    expect((await t.anonymous.delete(linkPath('WO2021044041', family))).status).toBe(401);
    const clients = [await t.signIn('researcher'), await t.signIn('reader'), await t.signIn('partner', { organisationId: directory.acme.id })];
    for (const client of clients) {
      expect((await client.post(`${linkPath('WO2021044041', family)}/confirm`)).status).toBe(403);
      expect((await client.delete(linkPath('WO2021044041', family))).status).toBe(403);
    }
    expect((await linkRow('WO2021044041', family))?.isConfirmed).toBe(false);
  });

  it("answers 404 to another school's officer, and lets the family's school's officers act", async () => {
    const officerB = await t.signIn('officer', { schoolId: directory.schoolB.id });
    expect((await officerB.post(`${linkPath('WO2021044041', family)}/confirm`)).status).toBe(404);
    expect((await officerB.delete(linkPath('WO2021044041', family))).status).toBe(404);
    expect(await linkRow('WO2021044041', family)).toMatchObject({ isConfirmed: false, rejectedAt: null });
    const officerA = await t.signIn('officer', { schoolId: directory.schoolA.id });
    expect((await officerA.post(`${linkPath('WO2021044041', family)}/confirm`)).status).toBe(200);
    const central = await t.signIn('officer');
    expect((await central.delete(linkPath('FR3100041', family))).status).toBe(200);
  });

  it('answers 404 for a link that does not exist, an unknown publication or family, and 400 for an id that is not one', async () => {
    expect((await admin.post(`${linkPath('EP3990031', family)}/confirm`)).status).toBe(404);
    expect((await admin.delete(linkPath('EP3990031', family))).status).toBe(404);
    const unknown = '7d1e5f0e-0000-4000-8000-000000000000';
    expect((await admin.delete(`/api/publications/${unknown}/links/${family.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/publications/${idOf('FR3100021')}/links/${unknown}`)).status).toBe(404);
    const invalid = await admin.delete<{ error: { issues: { path: string }[] } }>(`/api/publications/${idOf('FR3100021')}/links/nope`);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue) => issue.path)).toEqual(['param.assetId']);
  });
});
