import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agreement, AgreementInput } from '#core/agreement';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import { systemActor } from '../../platform/actor.ts';
import { assets, inventions, inventors, people } from '../../platform/schema.ts';
import { createTestContext, type Answer, type Client, type TestContext } from '../../test/api.ts';

interface ErrorAnswer {
  error: { kind: string; issues: { path: string; message: string }[] };
}

let t: TestContext;
let admin: Client;
let institution: Organisation;
let schoolA: Organisation;
let schoolB: Organisation;
let acme: Organisation;
let beta: Organisation;

const STAMP = '2026-03-02T09:00:00Z';
const missingId = '7d1e5f0e-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  institution = await organisation({ kind: 'institution', name: 'Institut Test' });
  schoolA = await organisation({ kind: 'school', name: 'École A', parentId: institution.id });
  schoolB = await organisation({ kind: 'school', name: 'École B', parentId: institution.id });
  acme = await organisation({ kind: 'company', name: 'Acme', companyCategory: 'pme' });
  beta = await organisation({ kind: 'company', name: 'Beta Industries', companyCategory: 'large' });
});
afterAll(() => t.close());

async function organisation(input: Record<string, unknown>): Promise<Organisation> {
  const answer = await admin.post<Organisation>('/api/organisations', input);
  if (answer.status !== 201) throw new Error(`fixture organisation: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** People, inventions and assets are written straight to their tables: only their rows matter here. */
async function insertPerson(lastName: string): Promise<string> {
  const id = randomUUID();
  await t.services.database.db.insert(people).values({
    id,
    firstName: 'Test',
    lastName,
    employmentStatus: 'public_employee',
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  return id;
}

async function insertInvention(schoolId: string, inventorIds: string[], partnershipAgreementId: string | null = null) {
  const id = randomUUID();
  const { db } = t.services.database;
  await db.insert(inventions).values({
    id,
    title: `Invention ${id.slice(0, 6)}`,
    status: 'protect',
    schoolId,
    partnershipAgreementId,
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  for (const [rank, personId] of inventorIds.entries()) {
    await db.insert(inventors).values({ inventionId: id, personId, contribution: 100 / inventorIds.length, rank: rank + 1 });
  }
  return id;
}

async function insertAsset(schoolId: string, inventionId: string | null = null): Promise<string> {
  const id = randomUUID();
  await t.services.database.db.insert(assets).values({
    id,
    kind: 'patent_family',
    title: `Family ${id.slice(0, 6)}`,
    status: 'active',
    schoolId,
    inventionId,
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  return id;
}

function agreementInput(overrides: Record<string, unknown> = {}) {
  return {
    type: 'research_partnership',
    title: 'Partnership',
    schoolId: schoolA.id,
    parties: [
      { organisationId: institution.id, role: 'institution' },
      { organisationId: acme.id, role: 'partner' },
    ],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, client: Client = admin): Promise<Agreement> {
  const answer = await client.post<Agreement>('/api/agreements', agreementInput(overrides));
  if (answer.status !== 201) throw new Error(`fixture agreement: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The input that would write the agreement as it is. */
function inputOf(agreement: Agreement) {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, parties, ...fields } = agreement;
  return { ...fields, parties: parties.map(({ organisationId, role }) => ({ organisationId, role })) };
}

function issuesOf(answer: Answer): { path: string; message: string }[] {
  return (answer.body as ErrorAnswer).error.issues;
}

async function titlesFor(client: Client, query: string): Promise<string[]> {
  const answer = await client.get<Page<Agreement>>(`/api/agreements?${query}`);
  expect(answer.status).toBe(200);
  return answer.body.items.map((agreement) => agreement.title);
}

describe('agreements: writing', () => {
  it('creates an agreement with its parties and assets and reads it back', async () => {
    const assetId = await insertAsset(schoolA.id);
    const created = await admin.post<Agreement>(
      '/api/agreements',
      agreementInput({ type: 'licence', title: 'Licence graphene', exclusive: true, field: 'sensors', territory: 'EU', assetIds: [assetId], amountEur: 12000.5 }),
    );
    expect(created.status).toBe(201);
    const read = await admin.get<Agreement>(`/api/agreements/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      type: 'licence',
      title: 'Licence graphene',
      status: 'draft',
      schoolId: schoolA.id,
      exclusive: true,
      field: 'sensors',
      territory: 'EU',
      amountEur: 12000.5,
      assetIds: [assetId],
    });
    expect(read.body.parties).toEqual([
      { organisationId: acme.id, organisationName: 'Acme', role: 'partner' },
      { organisationId: institution.id, organisationName: 'Institut Test', role: 'institution' },
    ]);
  });

  it('numbers agreements sent without a reference AGR-<year>-<sequence>, restarting each year', async () => {
    const first = await create({ title: 'Numbered one' });
    const second = await create({ title: 'Numbered two' });
    expect(first.reference).toMatch(/^AGR-2026-\d{4}$/);
    expect(Number(second.reference?.slice(-4))).toBe(Number(first.reference?.slice(-4)) + 1);
    // Through the service: signing in a year later would expire every session of this file.
    t.clock.set('2027-01-04T08:00:00Z');
    try {
      const nextYear = await t.services.agreements.create(systemActor, AgreementInput.parse(agreementInput({ title: 'Numbered next year' })));
      expect(nextYear.reference).toBe('AGR-2027-0001');
    } finally {
      t.clock.set(STAMP);
    }
  });

  it('answers 409 naming reference on a duplicate reference and writes nothing', async () => {
    await create({ title: 'First holder', reference: 'CT-2026-77' });
    const answer = await admin.post('/api/agreements', agreementInput({ title: 'Second holder', reference: 'CT-2026-77' }));
    expect(answer.status).toBe(409);
    expect(issuesOf(answer)[0]?.path).toBe('reference');
    expect(await titlesFor(admin, 'q=Second%20holder')).toEqual([]);
    const other = await create({ title: 'Third holder', reference: 'CT-2026-78' });
    const put = await admin.put(`/api/agreements/${other.id}`, agreementInput({ title: 'Third holder', reference: 'CT-2026-77' }));
    expect(put.status).toBe(409);
    expect(issuesOf(put)[0]?.path).toBe('reference');
    expect((await admin.get<Agreement>(`/api/agreements/${other.id}`)).body.reference).toBe('CT-2026-78');
  });

  it('replaces parties and assets wholesale on PUT and keeps the reference when none is sent', async () => {
    const [firstAsset, secondAsset] = [await insertAsset(schoolA.id), await insertAsset(schoolA.id)];
    const agreement = await create({ title: 'To replace', assetIds: [firstAsset] });
    const answer = await admin.put<Agreement>(
      `/api/agreements/${agreement.id}`,
      agreementInput({
        title: 'Replaced',
        status: 'signed',
        signedOn: '2026-02-01',
        parties: [{ organisationId: beta.id, role: 'partner' }],
        assetIds: [secondAsset],
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ title: 'Replaced', status: 'signed', signedOn: '2026-02-01', reference: agreement.reference });
    expect(answer.body.parties.map((party) => party.organisationId)).toEqual([beta.id]);
    expect(answer.body.assetIds).toEqual([secondAsset]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await admin.get(`/api/agreements/${missingId}`)).status).toBe(404);
    expect((await admin.put(`/api/agreements/${missingId}`, agreementInput())).status).toBe(404);
    expect((await admin.get('/api/agreements/42')).status).toBe(400);
  });
});

describe('agreements: rules', () => {
  async function expectRejected(overrides: Record<string, unknown>, path: string, message?: string) {
    const title = `Rejected ${randomUUID()}`;
    const answer = await admin.post('/api/agreements', agreementInput({ title, ...overrides }));
    expect(answer.status).toBe(400);
    expect(issuesOf(answer).map((issue) => issue.path)).toContain(path);
    if (message) expect(issuesOf(answer).find((issue) => issue.path === path)?.message).toBe(message);
    expect(await titlesFor(admin, `q=${encodeURIComponent(title)}`)).toEqual([]);
  }

  it('rejects a party organisation that does not exist', async () => {
    await expectRejected(
      { parties: [{ organisationId: institution.id, role: 'institution' }, { organisationId: missingId, role: 'partner' }] },
      'parties.1.organisationId',
    );
  });

  it('rejects an asset that does not exist', async () => {
    const assetId = await insertAsset(schoolA.id);
    await expectRejected({ assetIds: [assetId, missingId] }, 'assetIds.1');
  });

  it('rejects a school that is not an organisation of kind school', async () => {
    await expectRejected({ schoolId: acme.id }, 'schoolId');
    await expectRejected({ schoolId: missingId }, 'schoolId');
  });

  it('rejects an end before the start', async () => {
    await expectRejected({ startsOn: '2026-05-01', endsOn: '2026-04-30' }, 'endsOn');
  });

  it('requires the signature date once signed, expired or terminated', async () => {
    for (const status of ['signed', 'expired', 'terminated']) await expectRejected({ status }, 'signedOn');
    expect((await admin.post('/api/agreements', agreementInput({ status: 'negotiation' }))).status).toBe(201);
  });

  it('keeps exclusivity, field and territory to licences and options', async () => {
    await expectRejected({ type: 'nda', exclusive: false }, 'exclusive', 'applies to licences and options only');
    await expectRejected({ type: 'research_partnership', field: 'energy' }, 'field');
    await expectRejected({ type: 'assignment', territory: 'FR' }, 'territory');
    for (const type of ['option', 'startup_patent_use']) {
      expect((await admin.post('/api/agreements', agreementInput({ type, exclusive: false, territory: 'FR' }))).status).toBe(201);
    }
  });

  it('needs two parties to a co-ownership agreement', async () => {
    await expectRejected({ type: 'co_ownership', parties: [{ organisationId: acme.id, role: 'co_owner' }] }, 'parties');
    const created = await admin.post('/api/agreements', agreementInput({ type: 'co_ownership' }));
    expect(created.status).toBe(201);
  });

  it('rejects the same party twice and no party at all', async () => {
    await expectRejected({ parties: [{ organisationId: acme.id, role: 'partner' }, { organisationId: acme.id, role: 'funder' }] }, 'parties');
    await expectRejected({ parties: [] }, 'parties');
  });

  it('leaves the old parties and assets when a PUT fails', async () => {
    const assetId = await insertAsset(schoolA.id);
    const agreement = await create({ title: 'Kept as it was', assetIds: [assetId] });
    const answer = await admin.put(
      `/api/agreements/${agreement.id}`,
      agreementInput({ title: 'Changed', parties: [{ organisationId: beta.id, role: 'partner' }, { organisationId: missingId, role: 'funder' }], assetIds: [] }),
    );
    expect(answer.status).toBe(400);
    expect(issuesOf(answer)[0]?.path).toBe('parties.1.organisationId');
    const read = await admin.get<Agreement>(`/api/agreements/${agreement.id}`);
    expect(read.body.title).toBe('Kept as it was');
    expect(read.body.parties).toEqual(agreement.parties);
    expect(read.body.assetIds).toEqual([assetId]);
  });
});

describe('agreements: deleting', () => {
  it('deletes an agreement nothing refers to, with its links', async () => {
    const agreement = await create({ title: 'Short-lived', assetIds: [await insertAsset(schoolA.id)] });
    expect((await admin.delete(`/api/agreements/${agreement.id}`)).status).toBe(204);
    expect((await admin.get(`/api/agreements/${agreement.id}`)).status).toBe(404);
  });

  it('refuses to delete the partnership agreement of an invention', async () => {
    const agreement = await create({ title: 'Partnership of an invention' });
    await insertInvention(schoolA.id, [], agreement.id);
    expect((await admin.delete(`/api/agreements/${agreement.id}`)).status).toBe(409);
    expect((await admin.get(`/api/agreements/${agreement.id}`)).status).toBe(200);
  });

  it('refuses to delete the agreement that sets the ownership of an asset', async () => {
    const agreement = await create({ type: 'co_ownership', title: 'Ownership of an asset' });
    const assetId = await insertAsset(schoolA.id);
    await t.services.database.db.update(assets).set({ ownershipAgreementId: agreement.id }).where(eq(assets.id, assetId));
    expect((await admin.delete(`/api/agreements/${agreement.id}`)).status).toBe(409);
  });
});

describe('agreements: lists', () => {
  let gamma: Organisation;
  let assetId: string;

  beforeAll(async () => {
    gamma = await organisation({ kind: 'company', name: 'Gamma', companyCategory: 'eti' });
    assetId = await insertAsset(schoolB.id);
    const parties = [
      { organisationId: institution.id, role: 'licensor' },
      { organisationId: gamma.id, role: 'licensee' },
    ];
    await create({ title: 'Gamma alpha', reference: 'GAM-1', type: 'licence', status: 'signed', signedOn: '2025-01-10', parties, schoolId: schoolB.id, assetIds: [assetId] });
    await create({ title: 'Gamma bravo', reference: 'GAM-2', type: 'option', status: 'draft', parties, schoolId: schoolA.id });
    await create({ title: 'Gamma charlie', reference: 'GAM-3', type: 'licence', status: 'negotiation', parties, schoolId: null });
    await create({ title: 'Gamma delta', reference: 'ZZ-GAMMA-4', type: 'nda', status: 'signed', signedOn: '2024-06-01', parties, schoolId: schoolA.id });
  });

  it('filters by party, type, status, school and asset', async () => {
    expect(await titlesFor(admin, `partyId=${gamma.id}&sort=title`)).toEqual(['Gamma alpha', 'Gamma bravo', 'Gamma charlie', 'Gamma delta']);
    expect(await titlesFor(admin, `partyId=${gamma.id}&type=licence&sort=title`)).toEqual(['Gamma alpha', 'Gamma charlie']);
    expect(await titlesFor(admin, `partyId=${gamma.id}&status=signed&sort=title`)).toEqual(['Gamma alpha', 'Gamma delta']);
    expect(await titlesFor(admin, `partyId=${gamma.id}&schoolId=${schoolA.id}&sort=title`)).toEqual(['Gamma bravo', 'Gamma delta']);
    expect(await titlesFor(admin, `assetId=${assetId}`)).toEqual(['Gamma alpha']);
  });

  it('searches the title and the reference', async () => {
    expect(await titlesFor(admin, 'q=gamma%20b')).toEqual(['Gamma bravo']);
    expect(await titlesFor(admin, 'q=zz-gam')).toEqual(['Gamma delta']);
    expect(await titlesFor(admin, 'q=100%25')).toEqual([]);
  });

  it('sorts by the field asked, newest change first by default', async () => {
    expect(await titlesFor(admin, `partyId=${gamma.id}&sort=-reference`)).toEqual(['Gamma delta', 'Gamma charlie', 'Gamma bravo', 'Gamma alpha']);
    expect(await titlesFor(admin, `partyId=${gamma.id}&status=signed&sort=signedOn`)).toEqual(['Gamma delta', 'Gamma alpha']);
    const agreement = (await admin.get<Page<Agreement>>(`/api/agreements?partyId=${gamma.id}&q=bravo`)).body.items[0] as Agreement;
    t.clock.set('2026-03-02T10:00:00Z');
    try {
      expect((await admin.put(`/api/agreements/${agreement.id}`, inputOf(agreement))).status).toBe(200);
    } finally {
      t.clock.set(STAMP);
    }
    expect((await titlesFor(admin, `partyId=${gamma.id}`))[0]).toBe('Gamma bravo');
    const answer = await admin.get('/api/agreements?sort=secret');
    expect(answer.status).toBe(400);
    expect(issuesOf(answer)[0]?.path).toBe('sort');
  });

  it('pages with a stable order', async () => {
    const first = await admin.get<Page<Agreement>>(`/api/agreements?partyId=${gamma.id}&sort=title&limit=3`);
    expect(first.body.items.map((a) => a.title)).toEqual(['Gamma alpha', 'Gamma bravo', 'Gamma charlie']);
    expect(first.body).toMatchObject({ total: 4, nextOffset: 3 });
    const last = await admin.get<Page<Agreement>>(`/api/agreements?partyId=${gamma.id}&sort=title&limit=3&offset=3`);
    expect(last.body.items.map((a) => a.title)).toEqual(['Gamma delta']);
    expect(last.body.nextOffset).toBeNull();
  });
});

describe('agreements: access', () => {
  let delta: Organisation;
  let ofSchoolA: Agreement;
  let ofSchoolB: Agreement;
  let central: Agreement;
  let inventorId: string;
  let viaAsset: Agreement;
  let viaPartnership: Agreement;

  beforeAll(async () => {
    delta = await organisation({ kind: 'company', name: 'Delta', companyCategory: 'pme' });
    const withDelta = [
      { organisationId: institution.id, role: 'institution' },
      { organisationId: delta.id, role: 'partner' },
    ];
    ofSchoolA = await create({ title: 'Access A', schoolId: schoolA.id, parties: withDelta });
    ofSchoolB = await create({ title: 'Access B', schoolId: schoolB.id, parties: withDelta });
    central = await create({ title: 'Access central', schoolId: null, parties: [{ organisationId: institution.id, role: 'institution' }] });
    inventorId = await insertPerson('Inventor');
    const inventionId = await insertInvention(schoolA.id, [inventorId]);
    viaAsset = await create({ title: 'Access via asset', schoolId: schoolB.id, assetIds: [await insertAsset(schoolA.id, inventionId)] });
    viaPartnership = await create({ title: 'Access via partnership', schoolId: schoolB.id });
    await insertInvention(schoolB.id, [inventorId], viaPartnership.id);
  });

  it('lets the admin, the central officer and the reader read every agreement', async () => {
    for (const client of [admin, await t.signIn('officer'), await t.signIn('reader')]) {
      expect(await titlesFor(client, 'q=Access&sort=title&limit=100')).toEqual([
        'Access A',
        'Access B',
        'Access central',
        'Access via asset',
        'Access via partnership',
      ]);
      expect((await client.get(`/api/agreements/${central.id}`)).status).toBe(200);
    }
  });

  it('lets the central officer write any agreement and the reader none', async () => {
    const officer = await t.signIn('officer');
    expect((await officer.put(`/api/agreements/${central.id}`, agreementInput({ title: 'Access central', schoolId: null, parties: [{ organisationId: institution.id, role: 'institution' }] }))).status).toBe(200);
    expect((await officer.post('/api/agreements', agreementInput({ title: 'Central officer made', schoolId: schoolB.id }))).status).toBe(201);
    const reader = await t.signIn('reader');
    expect((await reader.post('/api/agreements', agreementInput({ title: 'Reader made' }))).status).toBe(403);
    expect((await reader.put(`/api/agreements/${ofSchoolA.id}`, agreementInput({ title: 'Reader changed' }))).status).toBe(403);
    expect((await reader.delete(`/api/agreements/${ofSchoolA.id}`)).status).toBe(403);
  });

  it("shows a school's officer that school's agreements only", async () => {
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    expect(await titlesFor(officerA, 'q=Access&sort=title')).toEqual(['Access A']);
    expect((await officerA.get(`/api/agreements/${ofSchoolA.id}`)).status).toBe(200);
    expect((await officerA.get(`/api/agreements/${ofSchoolB.id}`)).status).toBe(404);
    expect((await officerA.get(`/api/agreements/${central.id}`)).status).toBe(404);
  });

  it("lets a school's officer write its school's agreements and no other", async () => {
    const officerA = await t.signIn('officer', { schoolId: schoolA.id });
    const officerB = await t.signIn('officer', { schoolId: schoolB.id });
    const made = await officerA.post<Agreement>('/api/agreements', agreementInput({ title: 'Made by A' }));
    expect(made.status).toBe(201);
    expect((await officerA.put(`/api/agreements/${made.body.id}`, agreementInput({ title: 'Changed by A' }))).status).toBe(200);
    expect((await officerA.post('/api/agreements', agreementInput({ title: 'A for B', schoolId: schoolB.id }))).status).toBe(403);
    expect((await officerA.post('/api/agreements', agreementInput({ title: 'A for all', schoolId: null }))).status).toBe(403);
    expect((await officerA.put(`/api/agreements/${made.body.id}`, agreementInput({ title: 'Moved to B', schoolId: schoolB.id }))).status).toBe(403);
    expect((await officerB.put(`/api/agreements/${made.body.id}`, agreementInput({ title: 'Taken by B', schoolId: schoolB.id }))).status).toBe(404);
    expect((await officerB.delete(`/api/agreements/${made.body.id}`)).status).toBe(404);
    expect((await admin.get<Agreement>(`/api/agreements/${made.body.id}`)).body).toMatchObject({ title: 'Changed by A', schoolId: schoolA.id });
    expect((await officerA.delete(`/api/agreements/${made.body.id}`)).status).toBe(204);
  });

  it('shows a partner the agreements its company is party to and lets it write none', async () => {
    const partner = await t.signIn('partner', { organisationId: delta.id });
    expect(await titlesFor(partner, 'sort=title&limit=1000')).toEqual(['Access A', 'Access B']);
    expect((await partner.get(`/api/agreements/${ofSchoolB.id}`)).status).toBe(200);
    expect((await partner.get(`/api/agreements/${central.id}`)).status).toBe(404);
    expect((await partner.post('/api/agreements', agreementInput({ title: 'Partner made', parties: [{ organisationId: delta.id, role: 'partner' }] }))).status).toBe(403);
    expect((await partner.put(`/api/agreements/${ofSchoolA.id}`, agreementInput({ title: 'Partner changed' }))).status).toBe(403);
    const outsider = await t.signIn('partner', { organisationId: beta.id });
    expect((await outsider.get(`/api/agreements/${ofSchoolA.id}`)).status).toBe(404);
    expect(await titlesFor(outsider, 'q=Access')).toEqual([]);
  });

  it("shows a researcher the agreements linked to their inventions' assets or made for their inventions", async () => {
    const researcher = await t.signIn('researcher', { personId: inventorId });
    expect(await titlesFor(researcher, 'sort=title&limit=1000')).toEqual(['Access via asset', 'Access via partnership']);
    expect((await researcher.get(`/api/agreements/${viaAsset.id}`)).status).toBe(200);
    expect((await researcher.get(`/api/agreements/${ofSchoolA.id}`)).status).toBe(404);
    expect((await researcher.put(`/api/agreements/${viaAsset.id}`, agreementInput({ title: 'Researcher changed' }))).status).toBe(403);
    const stranger = await t.signIn('researcher', { personId: await insertPerson('Stranger') });
    expect(await titlesFor(stranger, '')).toEqual([]);
    expect((await stranger.get(`/api/agreements/${viaPartnership.id}`)).status).toBe(404);
  });

  it('asks for a session', async () => {
    expect((await t.anonymous.get('/api/agreements')).status).toBe(401);
  });
});
