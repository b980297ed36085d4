import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { FamilyPublications, FamilySync } from '#core/publication-corpus';
import { createTestContext, type Client, type TestContext } from '../../../test/api.ts';
import { type Directory, createDirectory } from '../../asset/asset.fixtures.ts';
import { createFamily, tableContents } from '../publication.fixtures.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

/*
 * A family's sync with EPO OPS, over HTTP against the replay server of the recorded OPS answers:
 * EP application 10167109 is EP2400812 (A1 2011, B1 2019), with its INPADOC legal events and its
 * EP Register data, procedural steps included (renewal fees of years 3 to 9).
 */

let ops: OpsReplayContext;
let t: TestContext;
let admin: Client;
let officer: Client;
let directory: Directory;

beforeAll(async () => {
  ops = await startOpsReplayContext();
  t = await createTestContext({ ops: { client: ops.client(), syncDays: 7 } });
  admin = await t.signIn('admin');
  directory = await createDirectory(admin);
  officer = await t.signIn('officer', { schoolId: directory.schoolA.id });
});
afterAll(async () => {
  await t.close();
  await ops.replay.close();
});

let counter = 0;
/** A family of school A with one EP application (EP2400812's by default; numbers are unique in the portfolio). */
function epFamily(applicationNumber = '10167109.1', filingDate = '2010-06-24'): Promise<Asset> {
  counter += 1;
  return createFamily(admin, {
    schoolId: directory.schoolA.id,
    ownerId: directory.institution.id,
    title: `Localisation ${counter}`,
    applications: [{ office: 'EP', applicationNumber, filingDate, route: 'ep_direct' }],
  });
}

async function syncNow(client: Client, family: Asset): Promise<FamilySync> {
  const answer = await client.post<FamilySync>(`/api/families/${family.id}/sync`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

describe('sync now', () => {
  let family: Asset;
  let first: FamilySync;
  beforeAll(async () => {
    family = await epFamily();
    first = await syncNow(officer, family);
  });

  it('says the family was never synced before, and is due at once', async () => {
    const other = await epFamily('19000001.1', '2019-03-01');
    const { body } = await officer.get<FamilySync>(`/api/families/${other.id}/sync`);
    expect(body).toMatchObject({ isEnabled: true, disabledReason: null, status: 'never', startedAt: null, requests: [], run: null, nextDueAt: t.clock.now().toISOString() });
  });

  it('asks the full cycle by the application number, the legal events by the publication found, and the EP Register', () => {
    expect(first.status).toBe('ok');
    expect(first.message).toBeNull();
    expect(first.requests.map(({ operation, reference, outcome }) => [operation, reference, outcome])).toEqual([
      ['full-cycle', 'application EP10167109', 'fetched'],
      ['legal', 'EP2400812', 'fetched'],
      ['register-biblio', 'application EP10167109', 'fetched'],
      ['register-events', 'application EP10167109', 'fetched'],
      ['register-procedural-steps', 'application EP10167109', 'fetched'],
    ]);
    expect(first.lastSuccessAt).toBe(first.finishedAt);
    expect(first.nextDueAt).toBe(new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString());
    expect(ops.dataRequests().map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        '/3.2/rest-services/published-data/application/epodoc/EP10167109/biblio/full-cycle',
        '/3.2/rest-services/legal/publication/epodoc/EP2400812',
        '/3.2/rest-services/register/application/epodoc/EP10167109/procedural-steps',
      ]),
    );
  });

  it('imports the answers as a run named after the OPS requests, linking them to the family', () => {
    const run = first.run!;
    expect(run.status).toBe('finished');
    expect(run.files).toEqual([
      'EPO OPS published-data/application/epodoc/EP10167109/biblio/full-cycle',
      'EPO OPS legal/publication/epodoc/EP2400812',
      'EPO OPS register/application/epodoc/EP10167109/biblio',
      'EPO OPS register/application/epodoc/EP10167109/events',
      'EPO OPS register/application/epodoc/EP10167109/procedural-steps',
    ]);
    expect(run.failed).toBe(0);
    expect(run.inserted).toBeGreaterThanOrEqual(4);
    expect(run.linked).toBeGreaterThanOrEqual(2);
    expect(run.portfolio.publicationsAdded).toBe(2);
    expect(run.startedByName).toBe('Test officer');
  });

  it('brings the application up to date: published, granted, with its publications', async () => {
    const { body } = await officer.get<Asset>(`/api/families/${family.id}`);
    const [application] = body.applications;
    expect(application).toMatchObject({ status: 'granted', grantDate: '2019-11-27', grantNumber: 'EP2400812' });
    expect(application?.publications).toEqual([
      { number: 'EP2400812', kind: 'A1', date: '2011-12-28' },
      { number: 'EP2400812', kind: 'B1', date: '2019-11-27' },
    ]);
  });

  it("shows the family's publications with their legal events and register steps", async () => {
    const { body } = await officer.get<FamilyPublications>(`/api/families/${family.id}/publications`);
    const numbers = body.items.map((publication) => `${publication.country}${publication.number}${publication.kind ?? ''}`).sort();
    expect(numbers).toEqual(expect.arrayContaining(['EP2400812A1', 'EP2400812B1']));
    expect(numbers.some((number) => number.startsWith('EP2533477'))).toBe(false);
    const steps = body.items.flatMap((publication) => publication.proceduralSteps);
    expect(steps.filter((step) => step.code === 'RFEE').map((step) => step.year)).toEqual(expect.arrayContaining([3, 4, 9]));
    expect(body.items.flatMap((publication) => publication.legalEvents).length).toBeGreaterThan(10);
  });

  it('changes nothing when synced again with the same answers', async () => {
    const before = await tableContents(t);
    const again = await syncNow(officer, family);
    expect(again.status).toBe('ok');
    expect(again.run).toMatchObject({ inserted: 0, updated: 0, failed: 0, linked: 0 });
    expect(again.run?.unchanged).toBe(first.run?.read);
    expect(again.run?.portfolio).toEqual({ families: 0, statusChanges: 0, publicationsAdded: 0, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 });
    expect(await tableContents(t)).toEqual(before);
  });

  it('asks the legal events by the publication the portfolio now knows', async () => {
    const again = await syncNow(officer, family);
    expect(again.requests.slice(0, 2).map(({ operation, reference }) => [operation, reference])).toEqual([
      ['full-cycle', 'EP2400812'],
      ['legal', 'EP2400812'],
    ]);
  });
});

describe('what OPS does not have', () => {
  it('finds an unpublished application not found, and the sync still ends well', async () => {
    const family = await epFamily('19123456.7', '2019-03-01');
    const sync = await syncNow(officer, family);
    expect(sync.status).toBe('ok');
    expect(sync.requests.map(({ operation, outcome }) => [operation, outcome])).toEqual([
      ['full-cycle', 'not_found'],
      ['legal', 'skipped'],
      ['register-biblio', 'not_found'],
      ['register-events', 'not_found'],
      ['register-procedural-steps', 'not_found'],
    ]);
    expect(sync.requests[1]?.message).toBe('not published yet');
    expect(sync.run).toBeNull();
  });

  it('skips a US application without a publication, saying why', async () => {
    const family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      applications: [{ office: 'US', applicationNumber: '16/123,456', filingDate: '2019-04-02' }],
    });
    const sync = await syncNow(admin, family);
    expect(sync.status).toBe('ok');
    expect(sync.requests[0]).toMatchObject({ operation: 'full-cycle', reference: null, outcome: 'skipped' });
    expect(sync.requests[0]?.message).toContain('US application number');
  });
});

describe('when OPS refuses', () => {
  beforeEach(() => ops.replay.script({ quota: 'RegisteredQuotaPerWeek' }));

  it('stops at a spent quota, says so, and asks nothing more', async () => {
    const family = await epFamily('19000002.1', '2019-03-01');
    const sent = ops.dataRequests().length;
    const sync = await syncNow(officer, family);
    expect(sync.status).toBe('failed');
    expect(sync.message).toMatch(/quota/i);
    expect(sync.lastSuccessAt).toBeNull();
    expect(ops.dataRequests().length - sent).toBe(1);
    expect(sync.requests.map(({ outcome }) => outcome)).toEqual(['failed', 'skipped', 'failed', 'failed', 'failed']);
    expect(sync.requests[2]?.message).toMatch(/^not asked: /);
  });
});

describe('who may sync', () => {
  let family: Asset;
  beforeAll(async () => {
    family = await epFamily('19000003.1', '2019-03-01');
  });

  it('asks for a session', async () => {
    expect((await t.anonymous.get(`/api/families/${family.id}/sync`)).status).toBe(401);
    expect((await t.anonymous.post(`/api/families/${family.id}/sync`)).status).toBe(401);
  });

  it('lets a reader see the sync but not start one', async () => {
    const reader = await t.signIn('reader');
    expect((await reader.get(`/api/families/${family.id}/sync`)).status).toBe(200);
    expect((await reader.post(`/api/families/${family.id}/sync`)).status).toBe(403);
  });

  it("hides a family of another school from that school's officer", async () => {
    const other = await t.signIn('officer', { schoolId: directory.schoolB.id });
    expect((await other.get(`/api/families/${family.id}/sync`)).status).toBe(404);
    expect((await other.post(`/api/families/${family.id}/sync`)).status).toBe(404);
  });

  it('answers 404 for an asset that is not a patent family', async () => {
    const { body: software } = await admin.post<Asset>('/api/assets', {
      kind: 'software',
      title: 'Logiciel',
      schoolId: directory.schoolA.id,
      owners: [{ organisationId: directory.institution.id, share: 100 }],
    });
    expect((await admin.post(`/api/families/${software.id}/sync`)).status).toBe(404);
  });

  it('runs one sync of a family at a time', async () => {
    ops.replay.script({ delayMs: 300 });
    const [a, b] = await Promise.all([officer.post(`/api/families/${family.id}/sync`), officer.post(`/api/families/${family.id}/sync`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = (a.status === 409 ? a : b).body as { error: { message: string } };
    expect(JSON.stringify(refused)).toContain('already running');
  });
});

describe('a sync left running by a stopped server', () => {
  it('is shown as failed after an hour, and the next sync takes the family over', async () => {
    const family = await epFamily('19000004.1', '2019-03-01');
    const twoHoursAgo = new Date(t.clock.now().getTime() - 2 * 3_600_000).toISOString();
    const { familySyncs } = await import('../../../platform/schema.ts');
    await t.services.database.db.insert(familySyncs).values({ assetId: family.id, status: 'running', startedAt: twoHoursAgo, requests: [] });
    const { body } = await officer.get<FamilySync>(`/api/families/${family.id}/sync`);
    expect(body).toMatchObject({ status: 'failed', message: 'interrupted: the server stopped during this sync' });
    expect((await syncNow(officer, family)).status).toBe('ok');
  });
});

describe('the scheduled sync', () => {
  it('takes the families never synced or synced longer ago than the interval, the longest waiting first, and stops at a refusal', async () => {
    const context = await createTestContext({ ops: { client: ops.client(), syncDays: 7 } });
    try {
      const contextAdmin = await context.signIn('admin');
      const places = await createDirectory(contextAdmin);
      const make = (applicationNumber: string) =>
        createFamily(contextAdmin, {
          schoolId: places.schoolA.id,
          ownerId: places.institution.id,
          applications: [{ office: 'EP', applicationNumber, filingDate: '2019-03-01', route: 'ep_direct' }],
        });
      const a = await make('19100001.1');
      const b = await make('19100002.1');
      const sync = context.services.publications.sync;

      const first = await sync.syncDue(10);
      expect(first.families.map((family) => family.assetId).sort()).toEqual([a.id, b.id].sort());
      expect(first.stoppedBy).toBeNull();
      expect((await sync.syncDue(10)).families).toEqual([]);

      context.clock.set(new Date(context.clock.now().getTime() + 8 * 86_400_000).toISOString());
      ops.replay.script({ quota: 'IndividualQuotaPerHour' });
      const refused = await sync.syncDue(10);
      expect(refused.families).toHaveLength(1);
      expect(refused.stoppedBy).toMatch(/quota/i);
    } finally {
      await context.close();
    }
  });
});

describe('without an OPS account', () => {
  it('says what to set, and refuses to sync', async () => {
    const context = await createTestContext();
    try {
      const contextAdmin = await context.signIn('admin');
      const places = await createDirectory(contextAdmin);
      const family = await createFamily(contextAdmin, {
        schoolId: places.schoolA.id,
        ownerId: places.institution.id,
        applications: [{ office: 'EP', applicationNumber: '10167109.1', filingDate: '2010-06-24', route: 'ep_direct' }],
      });
      const { body } = await contextAdmin.get<FamilySync>(`/api/families/${family.id}/sync`);
      expect(body).toMatchObject({ isEnabled: false, status: 'never', nextDueAt: null });
      expect(body.disabledReason).toContain('VALO_OPS_KEY');
      const refused = await contextAdmin.post<{ error: { message: string } }>(`/api/families/${family.id}/sync`);
      expect(refused.status).toBe(409);
      expect(JSON.stringify(refused.body)).toContain('VALO_OPS_SECRET');
      expect((await context.services.publications.sync.syncDue(10)).families).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
