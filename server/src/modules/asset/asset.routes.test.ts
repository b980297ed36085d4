import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Asset, AssetInput } from '#core/asset';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { countRows, createDirectory, insertAgreement, insertInvention, insertPerson, type Directory } from './asset.fixtures.ts';

type AssetBody = z.input<typeof AssetInput>;
type ApplicationBody = NonNullable<AssetBody['applications']>[number];
interface ErrorAnswer {
  error: { kind: string; message: string; issues: { path: string; message: string }[] };
}

let t: TestContext;
let admin: Client;
let dir: Directory;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
});
afterAll(() => t.close());

let serial = 100;

/** A family with an FR priority filing and EP, WO and US members claiming it, each published (A1). */
function familyInput(overrides: Partial<AssetBody> = {}): AssetBody {
  const n = serial++;
  const fr = `FR20${n}`;
  const priorities = [{ country: 'FR', number: fr, date: '2020-02-10' }];
  return {
    kind: 'patent_family',
    title: `Capteur ${n}`,
    reference: `PF-${n}`,
    schoolId: dir.schoolA.id,
    owners: [
      { organisationId: dir.institution.id, share: 60 },
      { organisationId: dir.acme.id, share: 40 },
    ],
    applications: [
      { office: 'FR', applicationNumber: fr, filingDate: '2020-02-10', publications: [{ number: `FR31${n}`, kind: 'A1', date: '2021-08-13' }] },
      {
        office: 'EP',
        applicationNumber: `EP21${n}.2`,
        filingDate: '2021-02-09',
        route: 'ep_direct',
        priorities,
        publications: [{ number: `EP38${n}`, kind: 'A1', date: '2021-08-18' }],
      },
      {
        office: 'WO',
        applicationNumber: `PCT/FR2021/050${n}`,
        filingDate: '2021-02-09',
        route: 'pct',
        priorities,
        publications: [{ number: `WO2021${n}`, kind: 'A1', date: '2021-08-19' }],
      },
      {
        office: 'US',
        applicationNumber: `17/170${n}`,
        filingDate: '2021-02-10',
        priorities,
        publications: [{ number: `US2021${n}`, kind: 'A1', date: '2021-08-19' }],
      },
    ],
    ...overrides,
  };
}

/** The input with one application changed. */
function withApplication(input: AssetBody, index: number, change: Partial<ApplicationBody>): AssetBody {
  return { ...input, applications: (input.applications ?? []).map((a, i) => (i === index ? { ...a, ...change } : a)) };
}

async function create(input: AssetBody, client: Client = admin): Promise<Asset> {
  const answer = await client.post<Asset>('/api/assets', input);
  if (answer.status !== 201) throw new Error(`create: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function countWrites() {
  return Promise.all([countRows(t, 'assets'), countRows(t, 'applications'), countRows(t, 'publications'), countRows(t, 'ownershipShares')]);
}

const unknownId = '7d1e5f0e-0000-4000-8000-000000000000';

describe('creating and reading an asset', () => {
  it('creates a family with an FR priority and EP, WO and US members, and reads it back', async () => {
    const input = familyInput({ title: 'Capteur de graphène pour la qualité de l’eau' });
    const created = await admin.post<Asset>('/api/assets', input);
    expect(created.status).toBe(201);
    const read = await admin.get<Asset>(`/api/assets/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      kind: 'patent_family',
      title: 'Capteur de graphène pour la qualité de l’eau',
      status: 'active',
      schoolId: dir.schoolA.id,
      schoolName: 'École Alpha',
      firstFilingDate: '2020-02-10',
      owners: [
        { organisationId: dir.institution.id, organisationName: 'Institut Test', share: 60 },
        { organisationId: dir.acme.id, organisationName: 'Acme Capteurs', share: 40 },
      ],
    });
    expect(read.body.applications.map((a) => a.office)).toEqual(['FR', 'EP', 'WO', 'US']);
    const [fr, ep, wo] = read.body.applications;
    expect(fr).toMatchObject({ route: 'national', status: 'filed', priorities: [], statusHistory: [{ status: 'filed', date: '2020-02-10', note: null }] });
    expect(ep?.priorities).toEqual([{ country: 'FR', number: fr?.applicationNumber, date: '2020-02-10' }]);
    expect(wo).toMatchObject({ route: 'pct', publications: [{ kind: 'A1', date: '2021-08-19' }] });
    expect(read.body).toEqual(created.body);
  });

  it('stores application, publication and priority numbers upper-case and without spaces', async () => {
    const created = await create(
      familyInput({
        applications: [
          {
            office: 'FR',
            applicationNumber: ' fr 19 01234 ',
            filingDate: '2019-01-15',
            priorities: [{ country: 'FR', number: 'fr 18 99999', date: '2018-06-01' }],
            publications: [{ number: 'fr 3091 234', kind: 'A1', date: '2020-07-17' }],
          },
        ],
      }),
    );
    const [application] = created.applications;
    expect(application?.applicationNumber).toBe('FR1901234');
    expect(application?.priorities[0]?.number).toBe('FR1899999');
    expect(application?.publications[0]?.number).toBe('FR3091234');
  });

  it('creates a software deposit and a know-how record without applications', async () => {
    const software = await create({
      kind: 'software',
      title: 'Logiciel de calcul de structures',
      schoolId: dir.schoolB.id,
      depositReference: 'IDDN.FR.001.250001.000.S.P.2021.000.10000',
      depositDate: '2021-06-01',
      owners: [{ organisationId: dir.institution.id, share: 100 }],
    });
    expect(software).toMatchObject({ kind: 'software', applications: [], firstFilingDate: null, depositDate: '2021-06-01', reference: null });
    const knowHow = await create({ kind: 'know_how', title: 'Procédé de frittage', schoolId: dir.schoolB.id, owners: [{ organisationId: dir.institution.id, share: 100 }] });
    expect(knowHow.kind).toBe('know_how');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await admin.get(`/api/assets/${unknownId}`)).status).toBe(404);
    expect((await admin.get('/api/assets/42')).status).toBe(400);
  });
});

describe('rules of the input', () => {
  async function expectRefused(input: AssetBody, status: number, path: string) {
    const before = await countWrites();
    const answer = await admin.post<ErrorAnswer>('/api/assets', input);
    expect(answer.status).toBe(status);
    expect(answer.body.error.issues.map((issue) => issue.path)).toContain(path);
    expect(await countWrites()).toEqual(before);
  }

  it('refuses co-owner shares that do not sum to 100, naming owners', async () => {
    const input = familyInput({ owners: [{ organisationId: dir.institution.id, share: 60 }, { organisationId: dir.acme.id, share: 30 }] });
    await expectRefused(input, 400, 'owners');
  });

  it('refuses a publication dated before its application was filed', async () => {
    const input = withApplication(familyInput(), 1, { publications: [{ number: 'EP3800001', kind: 'A1', date: '2021-01-01' }] });
    await expectRefused(input, 400, 'applications.1.publications.0.date');
  });

  it('refuses a priority claim dated after the filing that claims it', async () => {
    const input = withApplication(familyInput(), 2, { priorities: [{ country: 'FR', number: 'FR2099999', date: '2021-03-01' }] });
    await expectRefused(input, 400, 'applications.2.priorities.0.date');
  });

  it('refuses a grant dated before the filing', async () => {
    const input = withApplication(familyInput(), 3, { status: 'granted', grantNumber: 'US11000001', grantDate: '2020-12-31' });
    await expectRefused(input, 400, 'applications.3.grantDate');
  });

  it('answers 409 naming the application whose number another family already has', async () => {
    const first = await create(familyInput());
    const taken = first.applications[1];
    const input = withApplication(familyInput(), 2, { office: 'EP', applicationNumber: taken?.applicationNumber.toLowerCase() });
    await expectRefused(input, 409, 'applications.2.applicationNumber');
  });

  it('accepts the same number at another office', async () => {
    const first = await create(familyInput());
    const input = withApplication(familyInput(), 3, { applicationNumber: first.applications[1]?.applicationNumber });
    expect((await admin.post('/api/assets', input)).status).toBe(201);
  });

  it('refuses the same application twice in one family', async () => {
    const input = familyInput();
    const applications = input.applications ?? [];
    await expectRefused({ ...input, applications: [...applications, { ...applications[0]!, filingDate: '2020-02-11' }] }, 400, 'applications');
  });

  it('refuses a school that is not a school, and one that does not exist', async () => {
    await expectRefused(familyInput({ schoolId: dir.acme.id }), 400, 'schoolId');
    await expectRefused(familyInput({ schoolId: unknownId }), 400, 'schoolId');
  });

  it('refuses a co-owner that does not exist, naming it', async () => {
    const input = familyInput({ owners: [{ organisationId: dir.institution.id, share: 50 }, { organisationId: unknownId, share: 50 }] });
    await expectRefused(input, 400, 'owners.1.organisationId');
  });

  it('refuses an invention and an ownership agreement that do not exist', async () => {
    await expectRefused(familyInput({ inventionId: unknownId }), 400, 'inventionId');
    await expectRefused(familyInput({ ownershipAgreementId: unknownId }), 400, 'ownershipAgreementId');
  });

  it('accepts an existing invention and ownership agreement', async () => {
    const inventionId = await insertInvention(t, { schoolId: dir.schoolA.id, title: 'Linked invention' });
    const agreementId = await insertAgreement(t, { title: 'Co-ownership Acme', schoolId: dir.schoolA.id, partyIds: [dir.acme.id] });
    const created = await create(familyInput({ inventionId, ownershipAgreementId: agreementId }));
    expect(created).toMatchObject({ inventionId, ownershipAgreementId: agreementId });
  });

  it('refuses applications on an asset that is not a patent family', async () => {
    await expectRefused(familyInput({ kind: 'software' }), 400, 'applications');
  });

  it('answers 409 on a reference already used', async () => {
    await create(familyInput({ reference: 'DUP-1' }));
    await expectRefused(familyInput({ reference: 'DUP-1' }), 409, 'reference');
  });
});

describe('search, filters and pages', () => {
  let sensor: Asset;
  let battery: Asset;
  let software: Asset;

  beforeAll(async () => {
    sensor = await create(familyInput({ title: 'Graphene sensor for water quality', reference: 'SRCH-001' }));
    battery = await create(
      familyInput({
        title: 'Sodium battery electrode',
        status: 'granted',
        schoolId: dir.schoolB.id,
        reference: 'SRCH-002',
        owners: [{ organisationId: dir.globex.id, share: 100 }],
        applications: [
          {
            office: 'EP',
            applicationNumber: 'EP10167123.4',
            filingDate: '2010-06-24',
            status: 'granted',
            grantNumber: 'EP2400812',
            grantDate: '2019-11-27',
            publications: [
              { number: 'EP2400812', kind: 'A1', date: '2011-12-28' },
              { number: 'EP2400812', kind: 'B1', date: '2019-11-27' },
            ],
          },
        ],
      }),
    );
    software = await create({
      kind: 'software',
      title: 'Sensor calibration software',
      schoolId: dir.schoolA.id,
      owners: [{ organisationId: dir.institution.id, share: 100 }],
    });
  });

  const titles = (page: Page<Asset>) => page.items.map((asset) => asset.title);

  it('finds assets by the start of words of the title', async () => {
    const page = (await admin.get<Page<Asset>>('/api/assets?q=graph%20sens')).body;
    expect(titles(page)).toEqual(['Graphene sensor for water quality']);
  });

  it('finds assets by the start of their reference, or by the whole reference', async () => {
    expect(titles((await admin.get<Page<Asset>>('/api/assets?q=srch&sort=reference')).body)).toEqual([sensor.title, battery.title]);
    expect(titles((await admin.get<Page<Asset>>('/api/assets?q=SRCH-002')).body)).toEqual([battery.title]);
    expect(titles((await admin.get<Page<Asset>>('/api/assets?q=srch-002')).body)).toEqual([battery.title]);
  });

  it('finds the family by an application number or a publication number, however typed', async () => {
    const fr = sensor.applications[0]?.applicationNumber ?? '';
    expect(titles((await admin.get<Page<Asset>>(`/api/assets?q=${encodeURIComponent(fr)}`)).body)).toEqual([sensor.title]);
    expect(titles((await admin.get<Page<Asset>>('/api/assets?q=EP2400812')).body)).toEqual([battery.title]);
    expect(titles((await admin.get<Page<Asset>>('/api/assets?q=ep%2010167123.4')).body)).toEqual([battery.title]);
  });

  it('filters by kind, status, school, office and co-owner', async () => {
    const ids = async (query: string) => (await admin.get<Page<Asset>>(`/api/assets?limit=1000&${query}`)).body.items.map((a) => a.id);
    expect(await ids('kind=software')).toContain(software.id);
    expect(await ids('kind=software')).not.toContain(sensor.id);
    expect(await ids('status=granted')).toEqual([battery.id]);
    expect(await ids(`schoolId=${dir.schoolB.id}&kind=patent_family`)).toEqual([battery.id]);
    expect(await ids(`ownerId=${dir.globex.id}`)).toEqual([battery.id]);
    const inUs = await ids('office=US');
    expect(inUs).toContain(sensor.id);
    expect(inUs).not.toContain(battery.id);
    expect(await ids('office=EP&q=sodium')).toEqual([battery.id]);
  });

  it('filters by invention', async () => {
    const inventionId = await insertInvention(t, { schoolId: dir.schoolA.id, title: 'Filter invention' });
    const linked = await create(familyInput({ inventionId }));
    const page = (await admin.get<Page<Asset>>(`/api/assets?inventionId=${inventionId}`)).body;
    expect(page.items.map((a) => a.id)).toEqual([linked.id]);
  });

  it('pages through a stable order and sorts by title and first filing date', async () => {
    const owner = (await admin.post<Organisation>('/api/organisations', { kind: 'company', name: 'Pager SA', companyCategory: 'pme' })).body;
    const owners = [{ organisationId: owner.id, share: 100 }];
    for (const [title, filed] of [['P-c', '2019-05-01'], ['P-a', '2021-05-01'], ['P-b', '2018-05-01']] as const) {
      await create(familyInput({ title, owners, applications: [{ office: 'FR', applicationNumber: `FR${title}${filed}`, filingDate: filed }] }));
    }
    const first = (await admin.get<Page<Asset>>(`/api/assets?ownerId=${owner.id}&sort=title&limit=2`)).body;
    expect(titles(first)).toEqual(['P-a', 'P-b']);
    expect(first).toMatchObject({ total: 3, nextOffset: 2 });
    const last = (await admin.get<Page<Asset>>(`/api/assets?ownerId=${owner.id}&sort=title&limit=2&offset=2`)).body;
    expect(titles(last)).toEqual(['P-c']);
    expect(last.nextOffset).toBeNull();
    const byFiling = (await admin.get<Page<Asset>>(`/api/assets?ownerId=${owner.id}&sort=-firstFilingDate`)).body;
    expect(titles(byFiling)).toEqual(['P-a', 'P-c', 'P-b']);
  });

  it('refuses an unknown sort field, naming the fields it takes', async () => {
    const answer = await admin.get<ErrorAnswer>('/api/assets?sort=secret');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]).toMatchObject({ path: 'sort' });
    expect(answer.body.error.issues[0]?.message).toContain('firstFilingDate');
  });
});

describe('replacing an asset', () => {
  it('keeps the identity of the applications that remain and adds status changes to their history', async () => {
    const input = familyInput();
    const before = await create(input);
    const [fr, ep, wo, us] = before.applications;
    // A later day, with a new session (signing in then ends the sessions expired by that day, ours too).
    t.clock.set('2026-04-15T10:00:00Z');
    const later = await t.signIn('admin');
    const applications = input.applications ?? [];
    const next: AssetBody = {
      ...input,
      title: 'Renamed family',
      owners: [{ organisationId: dir.institution.id, share: 100 }],
      applications: [
        { ...applications[0]!, status: 'published' },
        // EP dropped; WO and US unchanged; a JP national phase entered.
        applications[2]!,
        applications[3]!,
        { office: 'JP', applicationNumber: `2022-${ep?.applicationNumber ?? ''}`, filingDate: '2022-08-09', route: 'pct_national_phase' },
      ],
    };
    const answer = await later.put<Asset>(`/api/assets/${before.id}`, next);
    t.clock.set('2026-03-02T09:00:00Z');
    admin = await t.signIn('admin');
    expect(answer.status).toBe(200);
    const after = (await admin.get<Asset>(`/api/assets/${before.id}`)).body;
    expect(after.title).toBe('Renamed family');
    expect(after.owners).toEqual([{ organisationId: dir.institution.id, organisationName: 'Institut Test', share: 100 }]);
    expect(after.applications.map((a) => a.office)).toEqual(['FR', 'WO', 'US', 'JP']);
    const [frAfter, woAfter, usAfter, jp] = after.applications;
    expect(frAfter?.id).toBe(fr?.id);
    expect(frAfter?.statusHistory).toEqual([
      { status: 'filed', date: '2020-02-10', note: null },
      { status: 'published', date: '2026-04-15', note: null },
    ]);
    expect(woAfter?.id).toBe(wo?.id);
    expect(usAfter).toEqual(us);
    expect(jp?.id).not.toBe(ep?.id);
    expect(jp?.statusHistory).toEqual([{ status: 'filed', date: '2022-08-09', note: null }]);
    expect(after.createdAt).toBe(before.createdAt);
  });

  it('dates a status given with a new application on the day it is recorded', async () => {
    const created = await create(withApplication(familyInput(), 0, { status: 'granted', grantNumber: 'FR3100001', grantDate: '2022-01-07' }));
    expect(created.applications[0]?.statusHistory).toEqual([
      { status: 'filed', date: '2020-02-10', note: null },
      { status: 'granted', date: '2026-03-02', note: null },
    ]);
  });

  it('frees a removed application number for another family', async () => {
    const input = familyInput();
    const created = await create(input);
    const removed = input.applications?.[3];
    await admin.put(`/api/assets/${created.id}`, { ...input, applications: input.applications?.slice(0, 3) });
    const other = withApplication(familyInput(), 3, { applicationNumber: removed?.applicationNumber });
    expect((await admin.post('/api/assets', other)).status).toBe(201);
  });

  it('answers 409 when a PUT takes another family’s number, and leaves the asset as it was', async () => {
    const other = await create(familyInput());
    const input = familyInput();
    const created = await create(input);
    const answer = await admin.put<ErrorAnswer>(
      `/api/assets/${created.id}`,
      withApplication({ ...input, title: 'Changed' }, 1, { applicationNumber: other.applications[1]?.applicationNumber }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.issues[0]?.path).toBe('applications.1.applicationNumber');
    expect((await admin.get(`/api/assets/${created.id}`)).body).toEqual(created);
  });

  it('leaves the old state intact when a PUT is refused', async () => {
    const input = familyInput();
    const created = await create(input);
    const refused = await admin.put<ErrorAnswer>(`/api/assets/${created.id}`, {
      ...input,
      title: 'Should not stay',
      owners: [{ organisationId: dir.institution.id, share: 50 }, { organisationId: unknownId, share: 50 }],
      applications: [{ office: 'DE', applicationNumber: 'DE102021000001', filingDate: '2021-02-09' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]?.path).toBe('owners.1.organisationId');
    expect((await admin.get(`/api/assets/${created.id}`)).body).toEqual(created);
  });

  it('answers 404 when replacing an asset that does not exist', async () => {
    expect((await admin.put(`/api/assets/${unknownId}`, familyInput())).status).toBe(404);
  });
});

describe('deleting an asset', () => {
  it('deletes an asset with its applications', async () => {
    const created = await create(familyInput());
    const before = await countRows(t, 'applications');
    expect((await admin.delete(`/api/assets/${created.id}`)).status).toBe(204);
    expect((await admin.get(`/api/assets/${created.id}`)).status).toBe(404);
    expect(await countRows(t, 'applications')).toBe(before - 4);
  });

  it('answers 409 for an asset an agreement covers, and keeps it', async () => {
    const created = await create(familyInput());
    await insertAgreement(t, { title: 'Licence Acme', schoolId: dir.schoolA.id, partyIds: [dir.acme.id], assetIds: [created.id] });
    const answer = await admin.delete<ErrorAnswer>(`/api/assets/${created.id}`);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('agreement');
    expect((await admin.get(`/api/assets/${created.id}`)).status).toBe(200);
  });
});

describe('access', () => {
  let inA: Asset;
  let inB: Asset;

  beforeAll(async () => {
    inA = await create(familyInput({ title: 'Access family A' }));
    inB = await create(familyInput({ title: 'Access family B', schoolId: dir.schoolB.id, owners: [{ organisationId: dir.institution.id, share: 100 }] }));
  });

  const idsOf = async (client: Client, query = '') =>
    (await client.get<Page<Asset>>(`/api/assets?limit=1000${query}`)).body.items.map((asset) => asset.id);

  it('answers 401 without a session', async () => {
    expect((await t.anonymous.get('/api/assets')).status).toBe(401);
  });

  it('shows a school’s officer only the assets of their school; others answer 404', async () => {
    const officer = await t.signIn('officer', { schoolId: dir.schoolA.id });
    const page = await officer.get<Page<Asset>>('/api/assets?limit=1000');
    expect(page.body.items.every((asset) => asset.schoolId === dir.schoolA.id)).toBe(true);
    expect(page.body.items.map((asset) => asset.id)).toContain(inA.id);
    expect((await officer.get(`/api/assets/${inA.id}`)).status).toBe(200);
    expect((await officer.get(`/api/assets/${inB.id}`)).status).toBe(404);
    expect((await officer.get(`/api/assets?q=${encodeURIComponent(inB.applications[0]?.applicationNumber ?? '')}`)).body).toMatchObject({ total: 0 });
    expect((await officer.put(`/api/assets/${inB.id}`, familyInput({ schoolId: dir.schoolB.id }))).status).toBe(404);
    expect((await officer.delete(`/api/assets/${inB.id}`)).status).toBe(404);
  });

  it('lets a school’s officer write in their school only, and not move an asset out of it', async () => {
    const officer = await t.signIn('officer', { schoolId: dir.schoolA.id });
    const input = familyInput();
    const created = await officer.post<Asset>('/api/assets', input);
    expect(created.status).toBe(201);
    expect((await officer.put(`/api/assets/${created.body.id}`, { ...input, title: 'Officer edit' })).status).toBe(200);
    expect((await officer.post('/api/assets', familyInput({ schoolId: dir.schoolB.id }))).status).toBe(403);
    const moved = await officer.put(`/api/assets/${created.body.id}`, { ...input, schoolId: dir.schoolB.id });
    expect(moved.status).toBe(403);
    expect((await admin.get<Asset>(`/api/assets/${created.body.id}`)).body.schoolId).toBe(dir.schoolA.id);
  });

  it('lets the central office see and write every school', async () => {
    const central = await t.signIn('officer');
    const ids = await idsOf(central);
    expect(ids).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect((await central.post('/api/assets', familyInput({ schoolId: dir.schoolB.id }))).status).toBe(201);
  });

  it('lets a reader read everything and write nothing', async () => {
    const reader = await t.signIn('reader');
    expect(await idsOf(reader)).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect((await reader.get(`/api/assets/${inB.id}`)).status).toBe(200);
    expect((await reader.post('/api/assets', familyInput())).status).toBe(403);
    expect((await reader.put(`/api/assets/${inA.id}`, familyInput())).status).toBe(403);
    expect((await reader.delete(`/api/assets/${inA.id}`)).status).toBe(403);
  });

  it('shows a researcher the assets of the inventions they are an inventor on, and lets them write nothing', async () => {
    const personId = await insertPerson(t, 'Curie');
    const colleague = await insertPerson(t, 'Joliot');
    const theirs = await insertInvention(t, { schoolId: dir.schoolB.id, title: 'Their invention', inventorIds: [personId, colleague] });
    const notTheirs = await insertInvention(t, { schoolId: dir.schoolB.id, title: 'Colleague invention', inventorIds: [colleague] });
    const visible = await create(familyInput({ inventionId: theirs, schoolId: dir.schoolB.id }));
    const hidden = await create(familyInput({ inventionId: notTheirs, schoolId: dir.schoolB.id }));
    const researcher = await t.signIn('researcher', { personId });
    expect(await idsOf(researcher)).toEqual([visible.id]);
    expect((await researcher.get(`/api/assets/${visible.id}`)).status).toBe(200);
    expect((await researcher.get(`/api/assets/${hidden.id}`)).status).toBe(404);
    expect((await researcher.get(`/api/assets/${inA.id}`)).status).toBe(404);
    expect((await researcher.post('/api/assets', familyInput({ inventionId: theirs }))).status).toBe(403);
    expect((await researcher.put(`/api/assets/${visible.id}`, familyInput({ inventionId: theirs }))).status).toBe(403);
    expect((await researcher.delete(`/api/assets/${visible.id}`)).status).toBe(403);
  });

  it('shows a partner the assets its company co-owns, and lets it write nothing', async () => {
    const partnerCompany = (await admin.post<Organisation>('/api/organisations', { kind: 'company', name: 'Partner SAS', companyCategory: 'eti' })).body;
    const coOwned = await create(
      familyInput({ owners: [{ organisationId: dir.institution.id, share: 50 }, { organisationId: partnerCompany.id, share: 50 }] }),
    );
    const partner = await t.signIn('partner', { organisationId: partnerCompany.id });
    expect(await idsOf(partner)).toEqual([coOwned.id]);
    expect((await partner.get<Asset>(`/api/assets/${coOwned.id}`)).body.owners.map((o) => o.share)).toEqual([50, 50]);
    expect((await partner.get(`/api/assets/${inA.id}`)).status).toBe(404);
    expect((await partner.post('/api/assets', familyInput())).status).toBe(403);
    expect((await partner.put(`/api/assets/${coOwned.id}`, familyInput())).status).toBe(403);
    expect((await partner.delete(`/api/assets/${coOwned.id}`)).status).toBe(403);
  });
});
