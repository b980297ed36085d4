import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { AbandonResult, ProsecutionEvent } from '#core/docket/docket-task';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, type Directory } from '../asset/asset.fixtures.ts';
import { type ErrorAnswer, applicationOf, createFamily, familyInput, taskOf, tasksOf } from './docket.fixtures.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
});
afterAll(() => t.close());

const unknownId = '7d1e5f0e-0000-4000-8000-000000000000';

async function abandon(client: Client, family: Asset, body: object) {
  return client.post<AbandonResult & ErrorAnswer>(`/api/assets/${family.id}/abandon`, body);
}

describe('abandoning a right the institution owns alone', () => {
  let family: Asset;

  beforeAll(async () => {
    // The institution and one of its schools are one owner, not co-owners.
    family = await createFamily(
      admin,
      familyInput(dir, {
        owners: [
          { organisationId: dir.institution.id, share: 70 },
          { organisationId: dir.schoolA.id, share: 30 },
        ],
      }),
    );
  });

  it('abandons at once, records it in the status history, and drops the open deadlines still ahead', async () => {
    const ep = applicationOf(family, 'EP');
    const answer = await abandon(admin, family, { applicationIds: [ep.id], reason: 'no licensee in sight' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'abandoned', applicationIds: [ep.id], noticeEnds: null, noticeTask: null });
    expect(answer.body.saves.map((task) => [task.kind, task.year])).toContainEqual(['renewal', 3]);
    expect(answer.body.saves.every((task) => task.applicationId === ep.id && !task.isOverdue)).toBe(true);
    const read = await admin.get<Asset>(`/api/assets/${family.id}`);
    expect(applicationOf(read.body, 'EP')).toMatchObject({ status: 'abandoned' });
    expect(applicationOf(read.body, 'EP').statusHistory.at(-1)).toEqual({ status: 'abandoned', date: '2026-03-02', note: 'no licensee in sight' });
    const tasks = await tasksOf(admin, family.id);
    const epTasks = tasks.filter((task) => task.applicationId === ep.id);
    // What was already overdue stays, for an officer to resolve; nothing ahead is left.
    expect(epTasks.length).toBeGreaterThan(0);
    expect(epTasks.every((task) => task.isOverdue)).toBe(true);
    expect(tasks.some((task) => task.office === 'FR' && !task.isOverdue)).toBe(true);
  });

  it('refuses an application abandoned already, one of another family, a repeated one and a missing reason, naming the field', async () => {
    const ep = applicationOf(family, 'EP').id;
    const fr = applicationOf(family, 'FR').id;
    const other = await createFamily(admin, familyInput(dir));
    const cases: [object, number, string][] = [
      [{ applicationIds: [ep], reason: 'again' }, 409, 'applicationIds.0'],
      [{ applicationIds: [fr, applicationOf(other, 'FR').id], reason: 'x' }, 400, 'applicationIds.1'],
      [{ applicationIds: [fr, fr], reason: 'x' }, 400, 'applicationIds'],
      [{ applicationIds: [], reason: 'x' }, 400, 'applicationIds'],
      [{ applicationIds: [fr] }, 400, 'reason'],
    ];
    for (const [body, status, path] of cases) {
      const answer = await abandon(admin, family, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.issues[0]?.path, JSON.stringify(body)).toBe(path);
    }
    expect(applicationOf((await admin.get<Asset>(`/api/assets/${family.id}`)).body, 'FR').status).toBe('filed');
  });

  it('lets only admins and the officers of the family’s school abandon', async () => {
    const fr = applicationOf(family, 'FR').id;
    const reader = await t.signIn('reader');
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    expect((await abandon(reader, family, { applicationIds: [fr], reason: 'x' })).status).toBe(403);
    expect((await abandon(officerB, family, { applicationIds: [fr], reason: 'x' })).status).toBe(404);
    expect((await admin.post(`/api/assets/${unknownId}/abandon`, { applicationIds: [fr], reason: 'x' })).status).toBe(404);
    const officerA = await t.signIn('officer', { schoolId: dir.schoolA.id });
    expect((await abandon(officerA, family, { applicationIds: [fr], reason: 'portfolio review' })).status).toBe(200);
  });
});

describe('abandoning a co-owned right', () => {
  let family: Asset;

  beforeAll(async () => {
    family = await createFamily(
      admin,
      familyInput(dir, {
        owners: [
          { organisationId: dir.institution.id, share: 60 },
          { organisationId: dir.acme.id, share: 40 },
        ],
      }),
    );
  });

  it('refuses to confirm before the notice has started', async () => {
    const answer = await abandon(admin, family, { applicationIds: [applicationOf(family, 'EP').id], reason: 'x', confirm: true });
    expect(answer.status).toBe(409);
    expect(answer.body.error.issues[0]?.path).toBe('applicationIds.0');
  });

  it("starts the co-owners' 4-month notice first, and abandons nothing yet", async () => {
    const ep = applicationOf(family, 'EP');
    const answer = await abandon(admin, family, { applicationIds: [ep.id], reason: 'costs outweigh the prospects' });
    expect(answer.status).toBe(202);
    // Code de la recherche L.533-1, décret 2020-24 art. 9: notice given today, abandonment from 2 July.
    expect(answer.body).toMatchObject({ outcome: 'notice-started', noticeEnds: '2026-07-02' });
    expect(answer.body.noticeTask).toMatchObject({ kind: 'abandonment-notice', applicationId: null, due: '2026-03-02', status: 'open' });
    expect(answer.body.saves.every((task) => (task.graceEnd ?? task.due) >= '2026-07-02')).toBe(true);
    expect(answer.body.saves.map((task) => [task.kind, task.year])).toContainEqual(['renewal', 4]);
    expect(applicationOf((await admin.get<Asset>(`/api/assets/${family.id}`)).body, 'EP').status).toBe('filed');
    const events = await admin.get<ProsecutionEvent[]>(`/api/applications/${ep.id}/events`);
    expect(events.body.map((event) => [event.type, event.date, event.note])).toEqual([['abandonment-planned', '2026-07-02', 'costs outweigh the prospects']]);
    expect(taskOf(await tasksOf(admin, family.id), 'abandonment-notice')?.id).toBe(answer.body.noticeTask?.id);
  });

  it('answers the running notice again rather than starting a second one', async () => {
    const ep = applicationOf(family, 'EP');
    const again = await abandon(admin, family, { applicationIds: [ep.id], reason: 'asked twice' });
    expect(again.status).toBe(202);
    expect(again.body.noticeEnds).toBe('2026-07-02');
    expect((await admin.get<ProsecutionEvent[]>(`/api/applications/${ep.id}/events`)).body).toHaveLength(1);
  });

  it('refuses to confirm while the notice runs, and abandons once it has ended', async () => {
    const ep = applicationOf(family, 'EP');
    const early = await abandon(admin, family, { applicationIds: [ep.id], reason: 'x', confirm: true });
    expect(early.status).toBe(409);
    expect(early.body.error.issues).toEqual([{ path: 'confirm', message: "the co-owners' notice runs until 2026-07-02" }]);
    t.clock.set('2026-07-02T08:00:00Z');
    // The earlier sessions have expired by then.
    const later = await t.signIn('admin');
    const notice = taskOf(await tasksOf(later, family.id), 'abandonment-notice');
    expect((await later.post(`/api/tasks/${notice?.id}/resolve`, { status: 'done', resolvedOn: '2026-03-03' })).status).toBe(200);
    const confirmed = await abandon(later, family, { applicationIds: [ep.id], reason: 'notice ended without objection', confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.outcome).toBe('abandoned');
    expect(applicationOf((await later.get<Asset>(`/api/assets/${family.id}`)).body, 'EP').status).toBe('abandoned');
    expect(taskOf(await tasksOf(later, family.id), 'abandonment-notice')?.status).toBe('done');
  });
});
