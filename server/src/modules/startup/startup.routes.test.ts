import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '#core/agreement';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import type { Startup } from '#core/startup';
import { people } from '../../platform/schema.ts';
import { createTestContext, type Answer, type Client, type TestContext } from '../../test/api.ts';

interface ErrorAnswer {
  error: { kind: string; issues: { path: string; message: string }[] };
}

let t: TestContext;
let admin: Client;
let institution: Organisation;
let schoolA: Organisation;
let schoolB: Organisation;
let incubator: Organisation;
let founderOne: string;
let founderTwo: string;

const STAMP = '2026-03-02T09:00:00Z';
const missingId = '7d1e5f0e-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  institution = await organisation({ kind: 'institution', name: 'Institut Test' });
  schoolA = await organisation({ kind: 'school', name: 'École A', parentId: institution.id });
  schoolB = await organisation({ kind: 'school', name: 'École B', parentId: institution.id });
  incubator = await organisation({ kind: 'incubator', name: 'Incubateur Test' });
  founderOne = await insertPerson('Ada', 'Lovelace');
  founderTwo = await insertPerson('Alan', 'Turing');
});
afterAll(() => t.close());

async function organisation(input: Record<string, unknown>): Promise<Organisation> {
  const answer = await admin.post<Organisation>('/api/organisations', input);
  if (answer.status !== 201) throw new Error(`fixture organisation: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const company = (name: string) => organisation({ kind: 'company', name, companyCategory: 'startup' });

/** People are written straight to their table: only their rows matter here. */
async function insertPerson(firstName: string, lastName: string): Promise<string> {
  const id = randomUUID();
  await t.services.database.db.insert(people).values({
    id,
    firstName,
    lastName,
    employmentStatus: 'public_employee',
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  return id;
}

function startupInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return { organisationId, stage: 'incubated', isSpinOff: true, schoolId: schoolA.id, ...overrides };
}

async function create(organisationId: string, overrides: Record<string, unknown> = {}, client: Client = admin): Promise<Startup> {
  const answer = await client.post<Startup>('/api/startups', startupInput(organisationId, overrides));
  if (answer.status !== 201) throw new Error(`fixture startup: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

function issuesOf(answer: Answer): { path: string; message: string }[] {
  return (answer.body as ErrorAnswer).error.issues;
}

async function namesFor(client: Client, query: string): Promise<string[]> {
  const answer = await client.get<Page<Startup>>(`/api/startups?${query}`);
  expect(answer.status).toBe(200);
  return answer.body.items.map((startup) => startup.name);
}

async function startupCount(): Promise<number> {
  return (await admin.get<Page<Startup>>('/api/startups?limit=1')).body.total;
}

describe('startups: writing', () => {
  it('creates a startup with its founders and its agreements and reads it back', async () => {
    const organisationOfStartup = await company('Graphenix');
    const agreement = await admin.post<Agreement>('/api/agreements', {
      type: 'startup_patent_use',
      title: 'Patent use by Graphenix',
      parties: [
        { organisationId: institution.id, role: 'licensor' },
        { organisationId: organisationOfStartup.id, role: 'licensee' },
      ],
    });
    expect(agreement.status).toBe(201);
    const created = await admin.post<Startup>(
      '/api/startups',
      startupInput(organisationOfStartup.id, {
        incubatorId: incubator.id,
        incubationStart: '2025-09-01',
        incubationEnd: '2027-08-31',
        foundedOn: '2025-10-15',
        description: 'Graphene sensors',
        founders: [
          { personId: founderTwo, role: 'CTO' },
          { personId: founderOne, role: 'CEO' },
        ],
      }),
    );
    expect(created.status).toBe(201);
    const read = await admin.get<Startup>(`/api/startups/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      organisationId: organisationOfStartup.id,
      name: 'Graphenix',
      stage: 'incubated',
      isSpinOff: true,
      schoolId: schoolA.id,
      incubatorId: incubator.id,
      incubationStart: '2025-09-01',
      incubationEnd: '2027-08-31',
      foundedOn: '2025-10-15',
      description: 'Graphene sensors',
      agreementIds: [agreement.body.id],
    });
    expect(read.body.founders).toEqual([
      { personId: founderOne, name: 'Ada Lovelace', role: 'CEO' },
      { personId: founderTwo, name: 'Alan Turing', role: 'CTO' },
    ]);
  });

  it('replaces the founders wholesale on PUT', async () => {
    const startup = await create((await company('Replaced founders')).id, { founders: [{ personId: founderOne }] });
    const answer = await admin.put<Startup>(
      `/api/startups/${startup.id}`,
      startupInput(startup.organisationId, { stage: 'created', founders: [{ personId: founderTwo, role: 'CEO' }] }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.stage).toBe('created');
    expect(answer.body.founders).toEqual([{ personId: founderTwo, name: 'Alan Turing', role: 'CEO' }]);
  });

  it('deletes a startup and keeps its organisation', async () => {
    const organisationOfStartup = await company('Short-lived');
    const startup = await create(organisationOfStartup.id, { founders: [{ personId: founderOne }] });
    expect((await admin.delete(`/api/startups/${startup.id}`)).status).toBe(204);
    expect((await admin.get(`/api/startups/${startup.id}`)).status).toBe(404);
    expect((await admin.get(`/api/organisations/${organisationOfStartup.id}`)).status).toBe(200);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await admin.get(`/api/startups/${missingId}`)).status).toBe(404);
    expect((await admin.delete(`/api/startups/${missingId}`)).status).toBe(404);
    expect((await admin.get('/api/startups/42')).status).toBe(400);
  });
});

describe('startups: rules', () => {
  async function expectRejected(input: Record<string, unknown>, status: number, path: string) {
    const before = await startupCount();
    const answer = await admin.post('/api/startups', input);
    expect(answer.status).toBe(status);
    expect(issuesOf(answer).map((issue) => issue.path)).toContain(path);
    expect(await startupCount()).toBe(before);
  }

  it('needs an organisation that is a company of category startup', async () => {
    const pme = await organisation({ kind: 'company', name: 'Established PME', companyCategory: 'pme' });
    await expectRejected(startupInput(pme.id), 400, 'organisationId');
    await expectRejected(startupInput(incubator.id), 400, 'organisationId');
    await expectRejected(startupInput(missingId), 400, 'organisationId');
  });

  it('keeps one startup per organisation', async () => {
    const organisationOfStartup = await company('Only once');
    await create(organisationOfStartup.id);
    await expectRejected(startupInput(organisationOfStartup.id, { stage: 'project' }), 409, 'organisationId');
    const other = await create((await company('Moving over')).id);
    const answer = await admin.put(`/api/startups/${other.id}`, startupInput(organisationOfStartup.id));
    expect(answer.status).toBe(409);
    expect(issuesOf(answer)[0]?.path).toBe('organisationId');
  });

  it('needs an incubator of kind incubator and a school of kind school', async () => {
    const organisationOfStartup = await company('Wrong links');
    await expectRejected(startupInput(organisationOfStartup.id, { incubatorId: schoolA.id }), 400, 'incubatorId');
    await expectRejected(startupInput(organisationOfStartup.id, { schoolId: incubator.id }), 400, 'schoolId');
  });

  it('needs founders who exist', async () => {
    const organisationOfStartup = await company('Ghost founder');
    await expectRejected(
      startupInput(organisationOfStartup.id, { founders: [{ personId: founderOne }, { personId: missingId }] }),
      400,
      'founders.1.personId',
    );
    await expectRejected(
      startupInput(organisationOfStartup.id, { founders: [{ personId: founderOne }, { personId: founderOne }] }),
      400,
      'founders',
    );
  });

  it('rejects an incubation that ends before it starts', async () => {
    const organisationOfStartup = await company('Backwards');
    await expectRejected(
      startupInput(organisationOfStartup.id, { incubationStart: '2026-01-01', incubationEnd: '2025-12-31' }),
      400,
      'incubationEnd',
    );
  });

  it('leaves the old founders when a PUT fails', async () => {
    const startup = await create((await company('Kept founders')).id, { founders: [{ personId: founderOne, role: 'CEO' }] });
    const answer = await admin.put(
      `/api/startups/${startup.id}`,
      startupInput(startup.organisationId, { stage: 'closed', founders: [{ personId: founderTwo }, { personId: missingId }] }),
    );
    expect(answer.status).toBe(400);
    expect(issuesOf(answer)[0]?.path).toBe('founders.1.personId');
    const read = await admin.get<Startup>(`/api/startups/${startup.id}`);
    expect(read.body.stage).toBe('incubated');
    expect(read.body.founders).toEqual([{ personId: founderOne, name: 'Ada Lovelace', role: 'CEO' }]);
  });
});

describe('startups: lists', () => {
  let otherIncubator: Organisation;

  beforeAll(async () => {
    otherIncubator = await organisation({ kind: 'incubator', name: 'Other incubator' });
    const listed = { incubatorId: otherIncubator.id };
    await create((await company('Listed Alpha')).id, { ...listed, stage: 'project', isSpinOff: false, foundedOn: null });
    await create((await company('Listed Bravo')).id, { ...listed, stage: 'created', foundedOn: '2024-02-01', schoolId: schoolB.id });
    await create((await company('Listed Charlie')).id, { ...listed, stage: 'created', foundedOn: '2023-05-01', isSpinOff: false });
    await create((await company('Listed Delta')).id, { ...listed, stage: 'acquired', foundedOn: '2020-01-01', schoolId: null });
  });

  it('filters by stage, school, incubator and spin-off', async () => {
    const incubated = `incubatorId=${otherIncubator.id}`;
    expect(await namesFor(admin, incubated)).toEqual(['Listed Alpha', 'Listed Bravo', 'Listed Charlie', 'Listed Delta']);
    expect(await namesFor(admin, `${incubated}&stage=created`)).toEqual(['Listed Bravo', 'Listed Charlie']);
    expect(await namesFor(admin, `${incubated}&schoolId=${schoolB.id}`)).toEqual(['Listed Bravo']);
    expect(await namesFor(admin, `${incubated}&isSpinOff=false`)).toEqual(['Listed Alpha', 'Listed Charlie']);
    expect(await namesFor(admin, `${incubated}&isSpinOff=true`)).toEqual(['Listed Bravo', 'Listed Delta']);
    expect((await admin.get('/api/startups?isSpinOff=yes')).status).toBe(400);
  });

  it("searches the startup organisation's name", async () => {
    expect(await namesFor(admin, 'q=listed%20ch')).toEqual(['Listed Charlie']);
    expect(await namesFor(admin, 'q=nothing%20like%20it')).toEqual([]);
  });

  it('sorts by name by default, and by the field asked', async () => {
    const incubated = `incubatorId=${otherIncubator.id}`;
    expect(await namesFor(admin, `${incubated}&sort=-name`)).toEqual(['Listed Delta', 'Listed Charlie', 'Listed Bravo', 'Listed Alpha']);
    expect(await namesFor(admin, `${incubated}&sort=foundedOn`)).toEqual(['Listed Delta', 'Listed Charlie', 'Listed Bravo', 'Listed Alpha']);
    const byStage = await admin.get<Page<Startup>>(`/api/startups?${incubated}&sort=stage`);
    expect(byStage.body.items.map((startup) => startup.stage)).toEqual(['acquired', 'created', 'created', 'project']);
    const answer = await admin.get('/api/startups?sort=description');
    expect(answer.status).toBe(400);
    expect(issuesOf(answer)[0]?.path).toBe('sort');
  });

  it('pages with a stable order', async () => {
    const first = await admin.get<Page<Startup>>(`/api/startups?incubatorId=${otherIncubator.id}&limit=3`);
    expect(first.body.items.map((s) => s.name)).toEqual(['Listed Alpha', 'Listed Bravo', 'Listed Charlie']);
    expect(first.body).toMatchObject({ total: 4, nextOffset: 3 });
    const last = await admin.get<Page<Startup>>(`/api/startups?incubatorId=${otherIncubator.id}&limit=3&offset=3`);
    expect(last.body.items.map((s) => s.name)).toEqual(['Listed Delta']);
    expect(last.body.nextOffset).toBeNull();
  });
});

describe('startups: access', () => {
  let ofSchoolA: Startup;
  let ofSchoolB: Startup;
  let ofNoSchool: Startup;
  let agreementOfA: Agreement;

  beforeAll(async () => {
    ofSchoolA = await create((await company('Access A')).id, { schoolId: schoolA.id });
    ofSchoolB = await create((await company('Access B')).id, { schoolId: schoolB.id });
    ofNoSchool = await create((await company('Access none')).id, { schoolId: null });
    agreementOfA = (
      await admin.post<Agreement>('/api/agreements', {
        type: 'nda',
        title: 'NDA with Access A',
        schoolId: schoolA.id,
        parties: [{ organisationId: ofSchoolA.organisationId, role: 'partner' }],
      })
    ).body;
  });

  it('lets researchers and readers read every startup and write none', async () => {
    const researcher = await t.signIn('researcher', { personId: founderOne });
    const reader = await t.signIn('reader');
    for (const client of [researcher, reader]) {
      expect(await namesFor(client, 'q=Access')).toEqual(['Access A', 'Access B', 'Access none']);
      expect((await client.get(`/api/startups/${ofSchoolB.id}`)).status).toBe(200);
      expect((await client.post('/api/startups', startupInput((await company(`By ${randomUUID()}`)).id))).status).toBe(403);
      expect((await client.put(`/api/startups/${ofSchoolA.id}`, startupInput(ofSchoolA.organisationId))).status).toBe(403);
      expect((await client.delete(`/api/startups/${ofSchoolA.id}`)).status).toBe(403);
    }
  });

  it('shows a partner only the startup that is its own company', async () => {
    const partner = await t.signIn('partner', { organisationId: ofSchoolA.organisationId });
    expect(await namesFor(partner, 'limit=1000')).toEqual(['Access A']);
    const own = await partner.get<Startup>(`/api/startups/${ofSchoolA.id}`);
    expect(own.status).toBe(200);
    expect(own.body.agreementIds).toEqual([agreementOfA.id]);
    expect((await partner.get(`/api/startups/${ofSchoolB.id}`)).status).toBe(404);
    expect((await partner.put(`/api/startups/${ofSchoolA.id}`, startupInput(ofSchoolA.organisationId))).status).toBe(403);
  });

  it('lists only the agreements the reader may open', async () => {
    const officerB = await t.signIn('officer', { schoolId: schoolB.id });
    expect((await officerB.get<Startup>(`/api/startups/${ofSchoolA.id}`)).body.agreementIds).toEqual([]);
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    expect((await officerA.get<Startup>(`/api/startups/${ofSchoolA.id}`)).body.agreementIds).toEqual([agreementOfA.id]);
    const researcher = await t.signIn('researcher', { personId: founderTwo });
    const listed = await researcher.get<Page<Startup>>('/api/startups?q=Access%20A');
    expect(listed.body.items[0]?.agreementIds).toEqual([]);
  });

  it("lets a school's officer write its school's startups and those of no school, not another school's", async () => {
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    expect((await officerA.put(`/api/startups/${ofSchoolA.id}`, startupInput(ofSchoolA.organisationId, { stage: 'created' }))).status).toBe(200);
    expect((await officerA.put(`/api/startups/${ofNoSchool.id}`, startupInput(ofNoSchool.organisationId, { schoolId: null }))).status).toBe(200);
    expect((await officerA.put(`/api/startups/${ofSchoolB.id}`, startupInput(ofSchoolB.organisationId, { schoolId: schoolA.id }))).status).toBe(403);
    expect((await officerA.put(`/api/startups/${ofSchoolA.id}`, startupInput(ofSchoolA.organisationId, { schoolId: schoolB.id }))).status).toBe(403);
    expect((await officerA.delete(`/api/startups/${ofSchoolB.id}`)).status).toBe(403);
    expect((await officerA.post('/api/startups', startupInput((await company('A for B')).id, { schoolId: schoolB.id }))).status).toBe(403);
    expect((await officerA.post('/api/startups', startupInput((await company('A for A')).id))).status).toBe(201);
    expect((await admin.get<Startup>(`/api/startups/${ofSchoolB.id}`)).body.schoolId).toBe(schoolB.id);
  });

  it('lets the central officer and the admin write every startup', async () => {
    const officer = await t.signIn('officer');
    expect((await officer.put(`/api/startups/${ofSchoolB.id}`, startupInput(ofSchoolB.organisationId, { schoolId: schoolB.id, stage: 'closed' }))).status).toBe(200);
    expect((await admin.put(`/api/startups/${ofSchoolB.id}`, startupInput(ofSchoolB.organisationId, { schoolId: schoolB.id }))).status).toBe(200);
  });

  it('asks for a session', async () => {
    expect((await t.anonymous.get('/api/startups')).status).toBe(401);
  });
});
