import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '#core/common';
import { type Invention, InventionInput } from '#core/invention';
import type { Organisation } from '#core/organisation';
import type { Person } from '#core/person';
import { systemActor } from '../../platform/actor.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { agreements } from '../agreement/agreement.table.ts';
import { assets } from '../asset/asset.table.ts';

interface ErrorAnswer {
  error: { kind: string; issues: { path: string; message: string }[] };
}

const UNKNOWN_ID = '7d1e5f0e-0000-4000-8000-000000000000';

let t: TestContext;
let admin: Client;
let schoolA: Organisation;
let schoolB: Organisation;
let lab: Organisation;
let carnot: Organisation;
let company: Organisation;
let alice: Person;
let bob: Person;
let carol: Person;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  const organisation = async (body: object) => (await admin.post<Organisation>('/api/organisations', body)).body;
  const institution = await organisation({ kind: 'institution', name: 'Institut Test' });
  schoolA = await organisation({ kind: 'school', name: 'École A', parentId: institution.id });
  schoolB = await organisation({ kind: 'school', name: 'École B', parentId: institution.id });
  lab = await organisation({ kind: 'research_unit', name: 'Lab', parentId: schoolA.id });
  carnot = await organisation({ kind: 'carnot', name: 'Carnot Test' });
  company = await organisation({ kind: 'company', name: 'Acme', companyCategory: 'pme' });
  const person = async (firstName: string, lastName: string) =>
    (await admin.post<Person>('/api/people', { firstName, lastName, employmentStatus: 'public_employee' })).body;
  alice = await person('Alice', 'Martin');
  bob = await person('Bob', 'Durand');
  carol = await person('Carol', 'Petit');
});
afterAll(() => t.close());

/** A valid disclosure of school A by Alice alone; `overrides` change any field. */
const disclosure = (overrides: object = {}) => ({
  title: 'Graphene sensor',
  summary: 'A sensor made of graphene.',
  schoolId: schoolA.id,
  inventors: [{ personId: alice.id, contribution: 100 }],
  ...overrides,
});

async function create(overrides: object = {}, client: Client = admin): Promise<Invention> {
  const answer = await client.post<Invention>('/api/inventions', disclosure(overrides));
  if (answer.status !== 201) throw new Error(`fixture not created: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const pathOf = (answer: { body: unknown }) => (answer.body as ErrorAnswer).error.issues[0]?.path;

describe('inventions', () => {
  it('creates an invention with its inventors in rank order and its school name', async () => {
    const answer = await admin.post<Invention>('/api/inventions', disclosure({
      researchUnitId: lab.id,
      carnotId: carnot.id,
      disclosedOn: '2026-02-01',
      inventors: [
        { personId: bob.id, contribution: 33.33 },
        { personId: alice.id, contribution: 33.33 },
        { personId: carol.id, contribution: 33.34 },
      ],
    }));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ title: 'Graphene sensor', status: 'draft', schoolName: 'École A', researchUnitId: lab.id, carnotId: carnot.id });
    const read = await admin.get<Invention>(`/api/inventions/${answer.body.id}`);
    expect(read.body.inventors).toEqual([
      { personId: bob.id, name: 'Bob Durand', contribution: 33.33 },
      { personId: alice.id, name: 'Alice Martin', contribution: 33.33 },
      { personId: carol.id, name: 'Carol Petit', contribution: 33.34 },
    ]);
  });

  it('gives the next reference of the clock year when none is given', async () => {
    const first = await create();
    expect(first.reference).toMatch(/^INV-2026-\d{4}$/);
    await create({ reference: 'INV-2026-0500' });
    expect((await create()).reference).toBe('INV-2026-0501');
    // Through the service: a year later, the test's sessions have long expired.
    t.clock.set('2027-01-04T08:00:00Z');
    try {
      const nextYear = await t.services.inventions.create(systemActor, InventionInput.parse(disclosure()));
      expect(nextYear.reference).toBe('INV-2027-0001');
    } finally {
      t.clock.set('2026-03-02T09:00:00Z');
    }
  });

  it('answers 409 naming reference for a reference already given, on create and on replace', async () => {
    const taken = await create({ reference: 'INV-TAKEN' });
    expect(taken.reference).toBe('INV-TAKEN');
    const duplicate = await admin.post('/api/inventions', disclosure({ reference: 'INV-TAKEN', title: 'Copycat' }));
    expect(duplicate.status).toBe(409);
    expect(pathOf(duplicate)).toBe('reference');
    const other = await create();
    const renamed = await admin.put(`/api/inventions/${other.id}`, disclosure({ reference: 'INV-TAKEN' }));
    expect(renamed.status).toBe(409);
    expect(pathOf(renamed)).toBe('reference');
    expect((await admin.get<Page<Invention>>('/api/inventions?q=copycat')).body.total).toBe(0);
  });

  it('keeps the reference on a replace that leaves it out', async () => {
    const created = await create({ reference: 'INV-KEEP' });
    const updated = await admin.put<Invention>(`/api/inventions/${created.id}`, disclosure({ title: 'Renamed' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ reference: 'INV-KEEP', title: 'Renamed' });
  });

  it('rejects contributions that do not sum to 100, naming inventors', async () => {
    const answer = await admin.post('/api/inventions', disclosure({
      inventors: [
        { personId: alice.id, contribution: 50 },
        { personId: bob.id, contribution: 40 },
      ],
    }));
    expect(answer.status).toBe(400);
    expect(pathOf(answer)).toBe('inventors');
  });

  it('checks that each linked organisation exists and is of the right kind', async () => {
    const cases: [object, string][] = [
      [{ schoolId: lab.id }, 'schoolId'],
      [{ schoolId: UNKNOWN_ID }, 'schoolId'],
      [{ researchUnitId: schoolA.id }, 'researchUnitId'],
      [{ carnotId: company.id }, 'carnotId'],
      [{ partnershipAgreementId: UNKNOWN_ID }, 'partnershipAgreementId'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await admin.post('/api/inventions', disclosure({ title: 'Badly linked', ...overrides }));
      expect(answer.status, field).toBe(400);
      expect(pathOf(answer)).toBe(field);
    }
    expect((await admin.get<Page<Invention>>('/api/inventions?q=badly')).body.total).toBe(0);
  });

  it('links the partnership agreement the result came from', async () => {
    // The agreement is written straight to its table: this test is about the link, not agreements.
    const agreementId = randomUUID();
    const now = t.clock.now().toISOString();
    await t.services.database.db.insert(agreements).values({
      id: agreementId,
      type: 'research_partnership',
      title: 'Partnership with Acme',
      status: 'signed',
      createdAt: now,
      updatedAt: now,
    });
    const created = await create({ partnershipAgreementId: agreementId });
    expect(created.partnershipAgreementId).toBe(agreementId);
  });

  it('rejects an unknown inventor, naming its place, and writes nothing', async () => {
    const answer = await admin.post('/api/inventions', disclosure({
      title: 'Phantom inventor',
      inventors: [
        { personId: alice.id, contribution: 50 },
        { personId: UNKNOWN_ID, contribution: 50 },
      ],
    }));
    expect(answer.status).toBe(400);
    expect(pathOf(answer)).toBe('inventors.1.personId');
    expect((await admin.get<Page<Invention>>('/api/inventions?q=phantom')).body.total).toBe(0);
  });

  it('replaces the inventors as a whole, in the new order', async () => {
    const created = await create();
    const updated = await admin.put<Invention>(`/api/inventions/${created.id}`, disclosure({
      inventors: [
        { personId: carol.id, contribution: 60 },
        { personId: bob.id, contribution: 40 },
      ],
    }));
    expect(updated.status).toBe(200);
    expect(updated.body.inventors.map((i) => [i.name, i.contribution])).toEqual([
      ['Carol Petit', 60],
      ['Bob Durand', 40],
    ]);
  });

  it('leaves the old invention and inventors when a replace names an unknown inventor', async () => {
    const created = await create({ title: 'Stable title' });
    const answer = await admin.put(`/api/inventions/${created.id}`, disclosure({
      title: 'Half written',
      inventors: [{ personId: UNKNOWN_ID, contribution: 100 }],
    }));
    expect(answer.status).toBe(400);
    expect(pathOf(answer)).toBe('inventors.0.personId');
    const read = await admin.get<Invention>(`/api/inventions/${created.id}`);
    expect(read.body.title).toBe('Stable title');
    expect(read.body.inventors.map((i) => i.personId)).toEqual([alice.id]);
  });

  it('answers 404 for an unknown id on read, replace and delete', async () => {
    expect((await admin.get(`/api/inventions/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await admin.put(`/api/inventions/${UNKNOWN_ID}`, disclosure())).status).toBe(404);
    expect((await admin.delete(`/api/inventions/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('deletes an invention, and refuses while an asset comes from it', async () => {
    const free = await create();
    expect((await admin.delete(`/api/inventions/${free.id}`)).status).toBe(204);
    expect((await admin.get(`/api/inventions/${free.id}`)).status).toBe(404);

    const protectedOne = await create({ status: 'protect' });
    // The asset is written straight to its table: this test is about the restriction, not assets.
    const now = t.clock.now().toISOString();
    await t.services.database.db.insert(assets).values({
      id: randomUUID(),
      kind: 'patent_family',
      title: 'Graphene sensor patent',
      status: 'pending',
      schoolId: schoolA.id,
      inventionId: protectedOne.id,
      createdAt: now,
      updatedAt: now,
    });
    expect((await admin.delete(`/api/inventions/${protectedOne.id}`)).status).toBe(409);
    expect((await admin.get<Invention>(`/api/inventions/${protectedOne.id}`)).body.inventors).toHaveLength(1);
  });

  it('refuses to delete a person who is an inventor', async () => {
    const dan = (await admin.post<Person>('/api/people', { firstName: 'Dan', lastName: 'Inventor', employmentStatus: 'student' })).body;
    await create({ inventors: [{ personId: dan.id, contribution: 100 }] });
    expect((await admin.delete(`/api/people/${dan.id}`)).status).toBe(409);
  });
});

describe('listing inventions', () => {
  let school: Organisation;
  const titles = async (query: string) =>
    (await admin.get<Page<Invention>>(`/api/inventions?schoolId=${school.id}&${query}`)).body.items.map((i) => i.title);

  beforeAll(async () => {
    school = (await admin.post<Organisation>('/api/organisations', { kind: 'school', name: 'École Liste' })).body;
    const inSchool = { schoolId: school.id };
    await create({ ...inSchool, title: 'Graphene sensor', summary: 'Detects gas.', status: 'submitted', disclosedOn: '2026-01-10' });
    await create({ ...inSchool, title: 'Quantum clock', summary: 'A graphite escapement.', status: 'protect', disclosedOn: '2025-06-01' });
    await create({
      ...inSchool,
      title: 'Battery recycling',
      summary: 'Recovers lithium.',
      status: 'protect',
      inventors: [{ personId: bob.id, contribution: 100 }],
    });
    t.clock.set('2026-03-02T10:00:00Z');
    await create({ ...inSchool, title: 'Acoustic lens', summary: 'Focuses sound.', inventors: [{ personId: carol.id, contribution: 100 }] });
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('finds words by their beginning in the title and the summary', async () => {
    expect(await titles('q=graph')).toEqual(expect.arrayContaining(['Graphene sensor', 'Quantum clock']));
    expect(await titles('q=graph&sort=title')).toEqual(['Graphene sensor', 'Quantum clock']);
    expect(await titles('q=lith')).toEqual(['Battery recycling']);
    expect(await titles('q=graph%20sens')).toEqual(['Graphene sensor']);
    expect(await titles('q=nothing')).toEqual([]);
  });

  it('lists the last changed first by default', async () => {
    const items = await titles('');
    expect(items[0]).toBe('Acoustic lens');
    expect(items).toHaveLength(4);
  });

  it('filters by status and by inventor', async () => {
    expect(await titles('status=protect&sort=title')).toEqual(['Battery recycling', 'Quantum clock']);
    expect(await titles(`inventorId=${carol.id}`)).toEqual(['Acoustic lens']);
  });

  it('sorts by title, status and disclosure date, and paginates', async () => {
    expect(await titles('sort=-title')).toEqual(['Quantum clock', 'Graphene sensor', 'Battery recycling', 'Acoustic lens']);
    expect((await titles('sort=disclosedOn')).slice(0, 2)).toEqual(['Quantum clock', 'Graphene sensor']);
    expect(await titles('sort=status&limit=1')).toEqual(['Acoustic lens']);
    const page = await admin.get<Page<Invention>>(`/api/inventions?schoolId=${school.id}&sort=title&limit=3&offset=3`);
    expect(page.body.items.map((i) => i.title)).toEqual(['Quantum clock']);
    expect(page.body.total).toBe(4);
    expect(page.body.nextOffset).toBeNull();
  });

  it('rejects an unknown sort field and an unknown status, naming each', async () => {
    const sort = await admin.get('/api/inventions?sort=summary');
    expect(sort.status).toBe(400);
    expect(pathOf(sort)).toBe('sort');
    const status = await admin.get('/api/inventions?status=granted');
    expect(status.status).toBe(400);
    expect(pathOf(status)).toBe('query.status');
  });
});

describe('who sees and writes inventions', () => {
  let ofA: Invention;
  let ofB: Invention;
  let researcher: Client;

  beforeAll(async () => {
    ofA = await create({ title: 'Secret of A' });
    ofB = await create({ title: 'Secret of B', schoolId: schoolB.id, inventors: [{ personId: bob.id, contribution: 100 }] });
    researcher = await t.signIn('researcher', { personId: alice.id });
  });

  const idsOf = async (client: Client, query = '') =>
    (await client.get<Page<Invention>>(`/api/inventions?limit=1000${query}`)).body.items.map((i) => i.id);

  it('lets admins, central officers and readers see every school', async () => {
    for (const client of [admin, await t.signIn('officer'), await t.signIn('reader')]) {
      expect(await idsOf(client)).toEqual(expect.arrayContaining([ofA.id, ofB.id]));
      expect((await client.get(`/api/inventions/${ofB.id}`)).status).toBe(200);
    }
  });

  it('lets a central officer write for any school', async () => {
    const central = await t.signIn('officer');
    const created = await central.post<Invention>('/api/inventions', disclosure({ schoolId: schoolB.id }));
    expect(created.status).toBe(201);
    expect((await central.put(`/api/inventions/${created.body.id}`, disclosure({ schoolId: schoolA.id }))).status).toBe(200);
    expect((await central.delete(`/api/inventions/${created.body.id}`)).status).toBe(204);
  });

  it("shows a school's officer only that school's inventions, others answer 404", async () => {
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    const seen = await idsOf(officerA);
    expect(seen).toContain(ofA.id);
    expect(seen).not.toContain(ofB.id);
    expect(await idsOf(officerA, `&schoolId=${schoolB.id}`)).toEqual([]);
    expect((await officerA.get(`/api/inventions/${ofA.id}`)).status).toBe(200);
    expect((await officerA.get(`/api/inventions/${ofB.id}`)).status).toBe(404);
    expect((await officerA.put(`/api/inventions/${ofB.id}`, disclosure({ schoolId: schoolB.id }))).status).toBe(404);
    expect((await officerA.delete(`/api/inventions/${ofB.id}`)).status).toBe(404);
  });

  it("lets a school's officer write only in their school, and not move an invention out", async () => {
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    expect((await officerA.post('/api/inventions', disclosure({ schoolId: schoolB.id }))).status).toBe(403);
    const own = await officerA.post<Invention>('/api/inventions', disclosure({ title: 'Mine' }));
    expect(own.status).toBe(201);
    expect((await officerA.put(`/api/inventions/${own.body.id}`, disclosure({ status: 'protect' }))).status).toBe(200);
    const moved = await officerA.put(`/api/inventions/${own.body.id}`, disclosure({ schoolId: schoolB.id }));
    expect(moved.status).toBe(403);
    expect((await admin.get<Invention>(`/api/inventions/${own.body.id}`)).body.schoolId).toBe(schoolA.id);
    expect((await officerA.delete(`/api/inventions/${own.body.id}`)).status).toBe(204);
  });

  it('shows a researcher only the inventions they are an inventor on', async () => {
    const seen = await idsOf(researcher);
    expect(seen).toContain(ofA.id);
    expect(seen).not.toContain(ofB.id);
    expect((await researcher.get(`/api/inventions/${ofA.id}`)).status).toBe(200);
    expect((await researcher.get(`/api/inventions/${ofB.id}`)).status).toBe(404);
    expect((await researcher.put(`/api/inventions/${ofB.id}`, disclosure({ schoolId: schoolB.id }))).status).toBe(404);
    const stranger = await t.signIn('researcher', { personId: carol.id });
    expect((await stranger.get(`/api/inventions/${ofA.id}`)).status).toBe(404);
    expect(await idsOf(stranger)).not.toContain(ofA.id);
  });

  it('lets a researcher disclose as an inventor, as draft or submitted only', async () => {
    const submitted = await researcher.post<Invention>('/api/inventions', disclosure({ status: 'submitted', title: 'My disclosure' }));
    expect(submitted.status).toBe(201);
    expect(submitted.body.reference).toMatch(/^INV-2026-\d{4}$/);
    expect((await researcher.post('/api/inventions', disclosure({ status: 'protect' }))).status).toBe(403);
    const forSomeoneElse = await researcher.post('/api/inventions', disclosure({ inventors: [{ personId: bob.id, contribution: 100 }] }));
    expect(forSomeoneElse.status).toBe(403);
  });

  it('lets a researcher change their disclosure while draft or submitted, staying an inventor', async () => {
    const own = await create({ title: 'Draft by Alice' });
    const edited = await researcher.put<Invention>(`/api/inventions/${own.id}`, disclosure({
      title: 'Draft by Alice, edited',
      status: 'submitted',
      inventors: [
        { personId: alice.id, contribution: 70 },
        { personId: carol.id, contribution: 30 },
      ],
    }));
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('submitted');
    expect((await researcher.put(`/api/inventions/${own.id}`, disclosure({ status: 'protect' }))).status).toBe(403);
    const leaving = await researcher.put(`/api/inventions/${own.id}`, disclosure({ inventors: [{ personId: carol.id, contribution: 100 }] }));
    expect(leaving.status).toBe(403);
    const moving = await researcher.put(`/api/inventions/${own.id}`, disclosure({ status: 'submitted', schoolId: schoolB.id }));
    expect(moving.status).toBe(403);
    expect((await admin.get<Invention>(`/api/inventions/${own.id}`)).body.schoolId).toBe(own.schoolId);

    expect((await admin.put(`/api/inventions/${own.id}`, disclosure({ status: 'under_assessment' }))).status).toBe(200);
    const late = await researcher.put(`/api/inventions/${own.id}`, disclosure({ status: 'submitted' }));
    expect(late.status).toBe(403);
    expect((await admin.get<Invention>(`/api/inventions/${own.id}`)).body.status).toBe('under_assessment');
  });

  it('never lets a researcher delete, even their own draft', async () => {
    const own = await create({ title: 'Not deletable' });
    expect((await researcher.delete(`/api/inventions/${own.id}`)).status).toBe(403);
    expect((await admin.get(`/api/inventions/${own.id}`)).status).toBe(200);
  });

  it('answers 403 to a partner on every invention route', async () => {
    const partner = await t.signIn('partner', { organisationId: company.id });
    expect((await partner.get('/api/inventions')).status).toBe(403);
    expect((await partner.get(`/api/inventions/${ofA.id}`)).status).toBe(403);
    expect((await partner.post('/api/inventions', disclosure())).status).toBe(403);
    expect((await partner.put(`/api/inventions/${ofA.id}`, disclosure())).status).toBe(403);
    expect((await partner.delete(`/api/inventions/${ofA.id}`)).status).toBe(403);
  });

  it('lets a reader read and nothing more', async () => {
    const reader = await t.signIn('reader');
    expect((await reader.get(`/api/inventions/${ofA.id}`)).status).toBe(200);
    expect((await reader.post('/api/inventions', disclosure())).status).toBe(403);
    expect((await reader.put(`/api/inventions/${ofA.id}`, disclosure())).status).toBe(403);
    expect((await reader.delete(`/api/inventions/${ofA.id}`)).status).toBe(403);
  });
});
