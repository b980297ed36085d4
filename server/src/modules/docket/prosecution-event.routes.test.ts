import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { ProsecutionEvent, Task } from '#core/docket/docket-task';
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

async function record(client: Client, applicationId: string, body: object) {
  return client.post<ProsecutionEvent & ErrorAnswer>(`/api/applications/${applicationId}/events`, body);
}

describe('recording events recomputes the tasks', () => {
  let family: Asset;
  let epId: string;
  let eventId: string;

  beforeAll(async () => {
    family = await createFamily(admin, familyInput(dir));
    epId = applicationOf(family, 'EP').id;
  });

  it('adds the examination request when the search report is recorded, and lists the event', async () => {
    expect(taskOf(await tasksOf(admin, family.id), 'examination-request')).toBeUndefined();
    const created = await record(admin, epId, { type: 'search-report-published', date: '2026-01-20', note: 'mention in Bulletin 2026/04' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ applicationId: epId, type: 'search-report-published', date: '2026-01-20', recordedByName: 'Test admin' });
    eventId = created.body.id;
    // EPC Art. 94(1), R.70(1): 6 months from the mention of the search report.
    expect(taskOf(await tasksOf(admin, family.id), 'examination-request')).toMatchObject({
      applicationId: epId,
      office: 'EP',
      due: '2026-07-20',
      status: 'open',
      trigger: { type: 'search-report-published', date: '2026-01-20' },
    });
    const listed = await admin.get<ProsecutionEvent[]>(`/api/applications/${epId}/events`);
    expect(listed.body.map((event) => [event.type, event.date, event.note])).toEqual([['search-report-published', '2026-01-20', 'mention in Bulletin 2026/04']]);
  });

  it('moves the open task when the event is corrected', async () => {
    const before = taskOf(await tasksOf(admin, family.id), 'examination-request');
    const corrected = await admin.put<ProsecutionEvent>(`/api/applications/${epId}/events/${eventId}`, { type: 'search-report-published', date: '2026-02-10' });
    expect(corrected.status).toBe(200);
    const after = taskOf(await tasksOf(admin, family.id), 'examination-request');
    expect(after).toMatchObject({ id: before?.id, due: '2026-08-10', trigger: { date: '2026-02-10' }, recomputedDue: null });
  });

  it('keeps a done task done when the event is corrected again, noting the new due date', async () => {
    const task = taskOf(await tasksOf(admin, family.id), 'examination-request') as Task;
    expect((await admin.post(`/api/tasks/${task.id}/resolve`, { status: 'done', resolvedOn: '2026-03-01' })).status).toBe(200);
    await admin.put(`/api/applications/${epId}/events/${eventId}`, { type: 'search-report-published', date: '2026-02-20' });
    expect(taskOf(await tasksOf(admin, family.id), 'examination-request')).toMatchObject({
      id: task.id,
      status: 'done',
      due: '2026-08-10',
      recomputedDue: '2026-08-20',
      resolvedOn: '2026-03-01',
    });
  });

  it('deletes the open task of a deleted event and keeps the resolved one', async () => {
    const r71 = await record(admin, epId, { type: 'r71-3-notified', date: '2026-02-02' });
    expect(taskOf(await tasksOf(admin, family.id), 'r71-3-reply')?.due).toBe('2026-06-02');
    expect((await admin.delete(`/api/applications/${epId}/events/${r71.body.id}`)).status).toBe(204);
    expect(taskOf(await tasksOf(admin, family.id), 'r71-3-reply')).toBeUndefined();
    expect((await admin.delete(`/api/applications/${epId}/events/${eventId}`)).status).toBe(204);
    expect(taskOf(await tasksOf(admin, family.id), 'examination-request')?.status).toBe('done');
    expect((await admin.get<ProsecutionEvent[]>(`/api/applications/${epId}/events`)).body).toEqual([]);
  });

  it('stops the EP renewals at the grant and adds opposition, validation and unitary effect', async () => {
    const renewals = () => tasksOf(admin, family.id, '&kind=renewal').then((tasks) => tasks.filter((task) => task.office === 'EP'));
    expect((await renewals()).map((task) => task.year)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect((await record(admin, epId, { type: 'grant-published', date: '2026-02-25' })).status).toBe(201);
    // EPC Art. 86(2): the grant is mentioned in year 2, so no EP renewal fee falls due.
    expect(await renewals()).toEqual([]);
    const tasks = await tasksOf(admin, family.id);
    expect(taskOf(tasks, 'opposition-end')?.due).toBe('2026-11-25');
    expect(taskOf(tasks, 'validation')?.due).toBe('2026-05-25');
    expect(taskOf(tasks, 'unitary-effect-request')?.due).toBe('2026-03-25');
    // FR annuities go on: the French patent is not affected by the EP grant.
    expect((await tasksOf(admin, family.id, '&kind=renewal')).filter((task) => task.office === 'FR')).toHaveLength(19);
  });
});

describe('event input and access', () => {
  let family: Asset;
  let frId: string;
  let epId: string;

  beforeAll(async () => {
    family = await createFamily(admin, familyInput(dir));
    frId = applicationOf(family, 'FR').id;
    epId = applicationOf(family, 'EP').id;
  });

  it('names the fields of a bad event', async () => {
    const answer = await record(admin, epId, { type: 'lunch', date: '2026-13-01' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path).sort()).toEqual(['date', 'type']);
    const extra = await record(admin, epId, { type: 'grant-published', date: '2026-02-25', by: 'me' });
    expect(extra.status).toBe(400);
  });

  it('refuses an event of another office and one dated before the filing', async () => {
    const r71OnFr = await record(admin, frId, { type: 'r71-3-notified', date: '2026-01-10' });
    expect(r71OnFr.status).toBe(400);
    expect(r71OnFr.body.error.issues).toEqual([{ path: 'type', message: 'r71-3-notified applies to EP applications only (this one is FR)' }]);
    const early = await record(admin, epId, { type: 'search-report-published', date: '2024-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.issues[0]?.path).toBe('date');
  });

  it('answers 409 for the same event twice and for a second grant', async () => {
    expect((await record(admin, frId, { type: 'search-report-notified', date: '2025-01-15' })).status).toBe(201);
    const again = await record(admin, frId, { type: 'search-report-notified', date: '2025-01-15' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0]?.path).toBe('date');
    expect((await record(admin, epId, { type: 'grant-published', date: '2026-02-25' })).status).toBe(201);
    const second = await record(admin, epId, { type: 'grant-published', date: '2026-03-04' });
    expect(second.status).toBe(409);
    expect(second.body.error.issues[0]?.path).toBe('type');
  });

  it('answers 404 for an unknown application or event, and 400 for a malformed id', async () => {
    expect((await admin.get(`/api/applications/${unknownId}/events`)).status).toBe(404);
    expect((await admin.put(`/api/applications/${epId}/events/${unknownId}`, { type: 'pct-filed', date: '2025-05-10' })).status).toBe(404);
    expect((await admin.delete(`/api/applications/${epId}/events/${unknownId}`)).status).toBe(404);
    expect((await admin.get('/api/applications/42/events')).status).toBe(400);
  });

  it('lets whoever sees the family read its events, and only its school’s officers and admins write them', async () => {
    const officerA = await t.signIn('officer', { schoolId: dir.schoolA.id });
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    const reader = await t.signIn('reader');
    const partner = await t.signIn('partner', { organisationId: dir.acme.id });
    const event = { type: 'pct-filed', date: '2024-05-15' };
    expect((await reader.get(`/api/applications/${epId}/events`)).status).toBe(200);
    expect((await record(reader, epId, event)).status).toBe(403);
    expect((await officerB.get(`/api/applications/${epId}/events`)).status).toBe(404);
    expect((await record(officerB, epId, event)).status).toBe(404);
    expect((await partner.get(`/api/applications/${epId}/events`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/applications/${epId}/events`)).status).toBe(401);
    const created = await record(officerA, epId, event);
    expect(created.status).toBe(201);
    expect(created.body.recordedByName).toBe('Test officer');
    expect((await officerB.delete(`/api/applications/${epId}/events/${created.body.id}`)).status).toBe(404);
    expect((await officerA.delete(`/api/applications/${epId}/events/${created.body.id}`)).status).toBe(204);
  });
});
