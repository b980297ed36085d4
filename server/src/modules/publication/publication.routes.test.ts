import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import type { FamilyPublications, ImportRun, Publication, PublicationSummary, ReviewItem } from '#core/publication-corpus';
import { systemActor } from '../../platform/actor.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { type Directory, createDirectory } from '../asset/asset.fixtures.ts';
import { createFamily, importFiles, lensCsv } from './publication.fixtures.ts';
import { DOCDB, FIXTURES, INPI, USPTO_GRANT } from './readers/reader.fixtures.ts';

let t: TestContext;
let admin: Client;
let directory: Directory;
let imt: Organisation;
let family: Asset;
let byNumber: Map<string, PublicationSummary>;

const csv = lensCsv([
  { country: 'FR', kind: 'A1', number: '3100001', date: '2021-03-05', applicationNumber: 'FR 1912345', applicants: ['IMT Atlantique Bretagne-Pays de la Loire', 'ACME SA'], title: 'Capteur optique' },
  { country: 'FR', kind: 'A1', number: '3100002', date: '2021-03-12', applicationNumber: 'FR 1912346', applicants: ['IMTA'] },
  { country: 'FR', kind: 'A1', number: '3100003', date: '2021-04-02', applicationNumber: 'FR 1912347', applicants: ['Someone Else Inc'] },
  { country: 'EP', kind: 'A1', number: '3900004', date: '2022-05-04', applicationNumber: 'EP 20123456', applicants: ['Institut Test'] },
  { country: 'FR', kind: 'A1', number: '3100005', date: '2021-05-07', applicationNumber: 'FR 1912349', applicants: ['Institut Mines-Télécom Atlantique'] },
]);

const idOf = (number: string) => byNumber.get(number)!.id;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  directory = await createDirectory(admin);
  imt = (await admin.post<Organisation>('/api/organisations', { kind: 'school', name: 'IMT Atlantique', shortName: 'IMTA', parentId: directory.institution.id })).body;
  // A unit whose SIREN INPI gives for the applicant of FR2706406.
  await admin.post('/api/organisations', { kind: 'research_unit', name: 'Laboratoire Ferroviaire', siren: '389191982', parentId: imt.id });
  family = await createFamily(admin, {
    schoolId: directory.schoolA.id,
    ownerId: directory.institution.id,
    applications: [{ office: 'EP', applicationNumber: 'EP20123456', filingDate: '2020-05-04', route: 'ep_direct' }],
  });
  await importFiles(t, { 'lens.csv': csv, 'inpi/2706406.xml': readFileSync(`${FIXTURES}${INPI}2706406.xml`, 'utf8') });
  const page = (await admin.get<Page<PublicationSummary>>('/api/publications?limit=100')).body;
  byNumber = new Map(page.items.map((item) => [`${item.country}${item.number}`, item]));
});
afterAll(() => t.close());

describe('the publications browser', () => {
  it('lists the corpus, newest first, with a title and the applicants as named', async () => {
    const page = (await admin.get<Page<PublicationSummary>>('/api/publications')).body;
    expect(page.total).toBe(6);
    expect(page.items.map((item) => `${item.country}${item.number}`)).toEqual(['EP3900004', 'FR3100005', 'FR3100003', 'FR3100002', 'FR3100001', 'FR2706406']);
    expect(byNumber.get('FR3100001')).toMatchObject({ kind: 'A1', title: 'Capteur optique', applicantNames: ['IMT Atlantique Bretagne-Pays de la Loire', 'ACME SA'], isLinked: false });
    expect(byNumber.get('EP3900004')?.isLinked).toBe(true);
  });

  it.each([
    ['country=EP', ['EP3900004']],
    ['kind=B1', ['FR2706406']],
    ['year=2022', ['EP3900004']],
    ['applicant=imt atlant', ['FR3100001']],
    ['applicant=T%C3%A9l%C3%A9com', ['FR3100005']],
    ['linked=true', ['EP3900004']],
    ['linked=false&year=2021', ['FR3100005', 'FR3100003', 'FR3100002', 'FR3100001']],
    ['q=FR3100002', ['FR3100002']],
    ['q=fr 3100002 a1', ['FR3100002']],
    ['q=EP20123456', ['EP3900004']],
    ['sort=number&country=FR', ['FR2706406', 'FR3100001', 'FR3100002', 'FR3100003', 'FR3100005']],
  ])('filters by %s', async (query, numbers) => {
    const answer = await admin.get<Page<PublicationSummary>>(`/api/publications?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => `${item.country}${item.number}`)).toEqual(numbers);
  });

  it('refuses a filter it does not know how to read, naming it', async () => {
    const answer = await admin.get<{ error: { issues: { path: string }[] } }>('/api/publications?year=twenty&kind=a1');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path).sort()).toEqual(['query.kind', 'query.year']);
  });

  it('gives a publication whole, with its legal events, and 404 for an unknown id', async () => {
    const answer = await admin.get<Publication>(`/api/publications/${idOf('FR2706406')}`);
    expect(answer.body).toMatchObject({ country: 'FR', number: '2706406', kind: 'B1', applicants: [{ name: 'GEC ALSTHOM TRANSPORT SA', identifier: '389191982' }] });
    expect(answer.body.legalEvents.map((event) => event.code)).toContain('TO');
    expect((await admin.get(`/api/publications/7d1e5f0e-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('lets every signed-in role but partner browse, and shows links only to the families the reader may open', async () => {
    for (const role of ['officer', 'researcher', 'reader'] as const) {
      const client = await t.signIn(role);
      expect((await client.get('/api/publications')).status).toBe(200);
    }
    const researcher = await t.signIn('researcher');
    const seen = (await researcher.get<Publication>(`/api/publications/${idOf('EP3900004')}`)).body;
    expect(seen).toMatchObject({ isLinked: true, links: [] });
    const officerB = await t.signIn('officer', { schoolId: directory.schoolB.id });
    expect((await officerB.get<Publication>(`/api/publications/${idOf('EP3900004')}`)).body.links).toEqual([]);
    const officerA = await t.signIn('officer', { schoolId: directory.schoolA.id });
    expect((await officerA.get<Publication>(`/api/publications/${idOf('EP3900004')}`)).body.links).toMatchObject([{ assetId: family.id, matchedBy: 'application_number' }]);
    const partner = await t.signIn('partner', { organisationId: directory.acme.id });
    expect((await partner.get('/api/publications')).status).toBe(403);
    expect((await partner.get(`/api/publications/${idOf('FR3100001')}`)).status).toBe(403);
    expect((await t.anonymous.get('/api/publications')).status).toBe(401);
  });
});

describe('the review list of the institution’s publications no family knows', () => {
  it('finds them by a name of the institution, a school or a unit among the applicants, a short name, or a SIREN', async () => {
    const page = (await admin.get<Page<ReviewItem>>('/api/publications/review')).body;
    expect(page.items.map((item) => [`${item.country}${item.number}`, item.matchedOrganisations.map((organisation) => organisation.name)])).toEqual([
      ['FR3100002', ['IMT Atlantique']],
      ['FR3100001', ['IMT Atlantique']],
      ['FR2706406', ['Laboratoire Ferroviaire']],
    ]);
    // Not the linked one (EP3900004), nor a third party's, nor "Institut Mines-Télécom Atlantique", which holds no name whole.
  });

  it('is for admins and officers', async () => {
    for (const role of ['researcher', 'reader'] as const) expect((await (await t.signIn(role)).get('/api/publications/review')).status).toBe(403);
    expect((await (await t.signIn('officer', { schoolId: directory.schoolB.id })).get('/api/publications/review')).status).toBe(200);
  });

  it('takes off a publication dismissed, and refuses to dismiss a linked one', async () => {
    const reader = await t.signIn('reader');
    expect((await reader.post(`/api/publications/${idOf('FR3100002')}/dismiss`)).status).toBe(403);
    const dismissed = await admin.post<Publication>(`/api/publications/${idOf('FR3100002')}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.isDismissed).toBe(true);
    const page = (await admin.get<Page<ReviewItem>>('/api/publications/review')).body;
    expect(page.items.map((item) => item.number)).toEqual(['3100001', '2706406']);
    expect((await admin.post(`/api/publications/${idOf('EP3900004')}/dismiss`)).status).toBe(409);
  });

  it("links one by hand to a family of the officer's school, which then takes the publication", async () => {
    const other = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      applications: [{ office: 'FR', applicationNumber: 'FR1999999', filingDate: '2019-09-05' }],
    });
    const officerB = await t.signIn('officer', { schoolId: directory.schoolB.id });
    const body = { assetId: other.id, applicationId: other.applications[0]!.id };
    // Another school's family is not there for this officer.
    expect((await officerB.post(`/api/publications/${idOf('FR3100001')}/link`, body)).status).toBe(404);
    expect((await (await t.signIn('reader')).post(`/api/publications/${idOf('FR3100001')}/link`, body)).status).toBe(403);
    const officerA = await t.signIn('officer', { schoolId: directory.schoolA.id });
    expect((await officerA.post(`/api/publications/${idOf('FR3100001')}/link`, { assetId: other.id, applicationId: family.applications[0]!.id })).status).toBe(400);
    const linked = await officerA.post<Publication>(`/api/publications/${idOf('FR3100001')}/link`, body);
    expect(linked.status).toBe(200);
    expect(linked.body.links).toMatchObject([{ assetId: other.id, applicationId: body.applicationId, matchedBy: 'manual', isConfirmed: true }]);
    const application = (await admin.get<Asset>(`/api/families/${other.id}`)).body.applications[0]!;
    expect(application).toMatchObject({ status: 'published', publications: [{ number: 'FR3100001', kind: 'A1', date: '2021-03-05' }] });
    expect((await admin.get<Page<ReviewItem>>('/api/publications/review')).body.items.map((item) => item.number)).toEqual(['2706406']);
  });
});

describe("a family's publications", () => {
  it('follow the family: its school and central officers read them, others get 404', async () => {
    const answer = await admin.get<FamilyPublications>(`/api/families/${family.id}/publications`);
    expect(answer.body.items.map((item) => `${item.country}${item.number}`)).toEqual(['EP3900004']);
    expect((await (await t.signIn('officer', { schoolId: directory.schoolA.id })).get(`/api/families/${family.id}/publications`)).status).toBe(200);
    expect((await (await t.signIn('reader')).get(`/api/families/${family.id}/publications`)).status).toBe(200);
    expect((await (await t.signIn('officer', { schoolId: directory.schoolB.id })).get(`/api/families/${family.id}/publications`)).status).toBe(404);
    expect((await (await t.signIn('researcher')).get(`/api/families/${family.id}/publications`)).status).toBe(404);
    expect((await (await t.signIn('partner', { organisationId: directory.acme.id })).get(`/api/families/${family.id}/publications`)).status).toBe(404);
  });
});

describe('importing an uploaded file', () => {
  async function upload(client: Client, fileName: string, body: Blob | string, headers: Record<string, string> = {}) {
    const me = (await client.get<{ csrfToken: string }>('/api/auth/me')).body;
    const response = await client.raw(`/api/imports?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/octet-stream', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as ImportRun };
  }

  it('imports a zip archive and answers the report when it ends quickly', async () => {
    const zip = readFileSync(`${FIXTURES}${USPTO_GRANT}ipgb20230404_wk14.zip`);
    const answer = await upload(admin, 'ipgb20230404_wk14.zip', new Blob([new Uint8Array(zip)]));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'finished', files: ['ipgb20230404_wk14.zip!/ipgb20230404.xml'], read: 3, inserted: 3, failed: 0 });
    expect(answer.body.startedByName).toBe('Test admin');
    const again = await admin.get<ImportRun>(`/api/imports/${answer.body.id}`);
    expect(again.body).toEqual(answer.body);
  });

  it('reports the bad records of an upload with their position', async () => {
    const answer = await upload(await t.signIn('officer'), 'bad.csv', `${csv}FR,A1,"",000-000-000-000-099,2021-01-01\r\n`);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ read: 6, failed: 1, unchanged: 5, errors: [{ file: 'bad.csv', line: 7 }] });
  });

  it('answers at once with the run in progress when the import takes longer, and the run then shows its counts', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'valo-upload-test-'));
    const path = join(folder, 'DE-0074.xml');
    await copyFile(`${FIXTURES}${DOCDB}DE-backfile.xml`, path);
    const imports = t.services.publications.imports;
    const { run, isFinished } = await imports.start(systemActor, async () => ({ name: 'DE-0074.xml', path, dispose: () => rm(folder, { recursive: true, force: true }) }), { waitMs: 0 });
    expect(isFinished).toBe(false);
    // The run as it was when the answer was written: still reading, or just done.
    expect(run.files).toEqual(['DE-0074.xml']);
    expect(['running', 'finished']).toContain(run.status);
    await imports.settled(run.id);
    expect((await admin.get<ImportRun>(`/api/imports/${run.id}`)).body).toMatchObject({ status: 'finished', read: 10, inserted: 10 });
    // The uploaded file is deleted once its run ended.
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a file of another kind, and anyone but admins and officers', async () => {
    const wrong = await upload(admin, 'notes.txt', 'hello');
    expect(wrong.status).toBe(400);
    for (const role of ['researcher', 'reader'] as const) {
      const client = await t.signIn(role);
      expect((await upload(client, 'x.csv', csv)).status).toBe(403);
      expect((await client.get('/api/imports')).status).toBe(403);
    }
    const runs = (await admin.get<Page<ImportRun>>('/api/imports')).body;
    expect(runs.total).toBe(4);
  });

  it('refuses with 413 a file announced larger than an upload may be, before reading it, and starts no run', async () => {
    const answer = await upload(admin, 'docdb.zip', 'PK', { 'content-length': String(3 * 1024 ** 3) });
    expect(answer.status).toBe(413);
    expect(JSON.stringify(answer.body)).toContain('larger than the 2048 MB an upload may be (VALO_MAX_UPLOAD_MB)');
    expect((await admin.get<Page<ImportRun>>('/api/imports')).body.total).toBe(4);
  });
});
