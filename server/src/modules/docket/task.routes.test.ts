import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import type { Task, TaskFilter, TaskSummary } from '#core/docket/docket-task';
import { systemActor } from '../../platform/actor.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, insertInvention, insertPerson, type Directory } from '../asset/asset.fixtures.ts';
import { type ErrorAnswer, applicationOf, createFamily, familyInput, taskOf, tasksOf } from './docket.fixtures.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;
let officerA: Client;
let officerAId: string;
/** School A's family: its R.71(3) reply falls due within 30 days, its examination request within 90. */
let familyA: Asset;
/** School B's family, co-owned with Acme. */
let familyB: Asset;

const unknownId = '7d1e5f0e-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  officerA = await t.signIn('officer', { schoolId: dir.schoolA.id });
  officerAId = (await officerA.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
  await t.signIn('officer', { schoolId: dir.schoolB.id });
  await t.signIn('officer', { schoolId: dir.schoolB.id });
  familyA = await createFamily(admin, familyInput(dir, { title: 'Membrane sélective' }));
  const epA = applicationOf(familyA, 'EP').id;
  await admin.post(`/api/applications/${epA}/events`, { type: 'r71-3-notified', date: '2025-11-20' });
  await admin.post(`/api/applications/${epA}/events`, { type: 'search-report-published', date: '2025-10-15' });
  familyB = await createFamily(
    admin,
    familyInput(dir, {
      schoolId: dir.schoolB.id,
      owners: [
        { organisationId: dir.institution.id, share: 50 },
        { organisationId: dir.acme.id, share: 50 },
      ],
    }),
  );
});
afterAll(() => t.close());

async function list(client: Client, query: string) {
  return client.get<Page<Task> & ErrorAnswer>(`/api/tasks?limit=1000&${query}`);
}

describe('the task lists', () => {
  it("gives new tasks to the school's only officer, and leaves them to share out where a school has several", async () => {
    expect(new Set((await tasksOf(admin, familyA.id)).map((task) => task.assigneeId))).toEqual(new Set([officerAId]));
    expect(new Set((await tasksOf(admin, familyB.id)).map((task) => task.assigneeId))).toEqual(new Set([null]));
  });

  it('lists what falls due within 30 and 90 days, with the family, school, office and application number', async () => {
    const soon = await list(admin, `dueWithin=30&schoolId=${dir.schoolA.id}`);
    expect(soon.body.items).toHaveLength(1);
    expect(soon.body.items[0]).toMatchObject({
      kind: 'r71-3-reply',
      due: '2026-03-20',
      isOverdue: false,
      assetTitle: 'Membrane sélective',
      assetReference: familyA.reference,
      schoolName: 'École Alpha',
      office: 'EP',
      applicationNumber: applicationOf(familyA, 'EP').applicationNumber,
      assigneeName: 'Test officer',
    });
    const later = await list(admin, `dueWithin=90&schoolId=${dir.schoolA.id}`);
    expect(later.body.items.map((task) => [task.kind, task.due])).toEqual([
      ['r71-3-reply', '2026-03-20'],
      ['examination-request', '2026-04-15'],
    ]);
  });

  it('lists overdue tasks by due date, and counts a task in its grace period as due, not overdue', async () => {
    const overdue = await list(admin, `overdue=true&assetId=${familyA.id}`);
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((task) => task.isOverdue && task.status === 'open')).toBe(true);
    const dues = overdue.body.items.map((task) => task.due);
    expect(dues).toEqual([...dues].sort());
    // Through the service: the test sessions would have expired by then.
    t.clock.set('2026-06-10T09:00:00Z');
    try {
      const query = { limit: 100, offset: 0 };
      const later = (filter: TaskFilter) => t.services.docket.tasks.list(systemActor, { assetId: familyA.id, ...filter }, query);
      // The FR fourth-year annuity (due 1 June 2026) is past due but in its grace period.
      const annuity = (await later({ dueWithin: 30, kind: 'renewal' })).items.find((task) => task.office === 'FR');
      expect(annuity).toMatchObject({ year: 4, due: '2026-06-01', isOverdue: false });
      expect((await later({ overdue: true })).items.some((task) => task.kind === 'r71-3-reply')).toBe(true);
    } finally {
      t.clock.set('2026-03-02T09:00:00Z');
    }
  });

  it('filters by assignee (me, none), kind, status and words of the title, and pages', async () => {
    expect((await list(officerA, 'assigneeId=me')).body.items.every((task) => task.assigneeId === officerAId)).toBe(true);
    expect((await list(admin, 'assigneeId=none')).body.items.every((task) => task.assetId === familyB.id)).toBe(true);
    expect((await list(admin, 'kind=priority')).body.items.every((task) => task.kind === 'priority')).toBe(true);
    // Only what the record itself shows is done: the priority years used by the EP filings.
    const done = (await list(admin, 'status=done')).body.items;
    expect(done.map((task) => task.kind)).toEqual(['priority', 'priority']);
    expect(done.every((task) => task.reason?.startsWith('priority claimed by the EP application'))).toBe(true);
    expect((await list(admin, 'q=membrane')).body.items.every((task) => task.assetId === familyA.id)).toBe(true);
    const page = await admin.get<Page<Task>>(`/api/tasks?assetId=${familyA.id}&limit=2&offset=1&sort=-due`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextOffset).toBe(3);
    expect(page.body.items[0]!.due >= page.body.items[1]!.due).toBe(true);
  });

  it('filters by office and by a due-date range, both days included', async () => {
    const all = (await list(admin, `assetId=${familyA.id}`)).body.items;
    const ep = (await list(admin, `assetId=${familyA.id}&office=EP`)).body.items;
    expect(ep.length).toBeGreaterThan(0);
    expect(ep.every((task) => task.office === 'EP')).toBe(true);
    expect(ep.length).toBe(all.filter((task) => task.office === 'EP').length);
    const someDue = all[Math.floor(all.length / 2)]!.due;
    const inRange = (await list(admin, `assetId=${familyA.id}&dueFrom=${someDue}&dueTo=${someDue}`)).body.items;
    expect(inRange.map((task) => task.id).sort()).toEqual(all.filter((task) => task.due === someDue).map((task) => task.id).sort());
  });

  it('names the bad filter', async () => {
    for (const [query, path] of [
      ['dueWithin=45', 'query.dueWithin'],
      ['overdue=maybe', 'query.overdue'],
      ['assigneeId=someone', 'query.assigneeId'],
      ['kind=lunch', 'query.kind'],
      ['office=europe', 'query.office'],
      ['dueFrom=2026-13-01', 'query.dueFrom'],
      ['sort=secret', 'sort'],
    ]) {
      const answer = await list(admin, query!);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.issues[0]?.path, query).toBe(path);
    }
  });

  it('counts open tasks per school and per assignee', async () => {
    const summary = (await admin.get<TaskSummary>('/api/tasks/summary')).body;
    const schoolA = summary.schools.find((school) => school.schoolId === dir.schoolA.id);
    expect(schoolA).toMatchObject({
      schoolName: 'École Alpha',
      overdue: (await list(admin, `overdue=true&schoolId=${dir.schoolA.id}`)).body.total,
      dueIn30: 1,
      dueIn90: 2,
    });
    expect(summary.assignees.find((assignee) => assignee.assigneeId === officerAId)).toMatchObject({ assigneeName: 'Test officer', dueIn30: 1 });
    expect(summary.total.overdue).toBe((await list(admin, 'overdue=true')).body.total);
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    expect((await officerB.get<TaskSummary>('/api/tasks/summary')).body.schools.map((school) => school.schoolId)).toEqual([dir.schoolB.id]);
  });
});

describe('resolving, reopening and assigning a task', () => {
  // The FR year-2 annuity (due 2024-05-31): overdue on the test's day, and not met by the record.
  const annuityOf = async (family: Asset) =>
    taskOf(await tasksOf(admin, family.id), 'renewal', { applicationId: applicationOf(family, 'FR').id, year: 2 }) as Task;

  it('marks a task done with who and when, refuses to resolve it twice, and reopens it', async () => {
    const task = await annuityOf(familyA);
    const done = await officerA.post<Task>(`/api/tasks/${task.id}/resolve`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', isOverdue: false, resolvedOn: '2026-03-02', resolvedById: officerAId, resolvedByName: 'Test officer', reason: null });
    const again = await officerA.post<ErrorAnswer>(`/api/tasks/${task.id}/resolve`, { status: 'missed', reason: 'late' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0]?.path).toBe('status');
    const reopened = await officerA.post<Task>(`/api/tasks/${task.id}/reopen`);
    expect(reopened.body).toMatchObject({ status: 'open', isOverdue: true, resolvedOn: null, resolvedById: null });
    expect((await officerA.post(`/api/tasks/${task.id}/reopen`)).status).toBe(409);
  });

  it('needs a reason to waive or miss a deadline, and a day not after today', async () => {
    const task = await annuityOf(familyA);
    const noReason = await admin.post<ErrorAnswer>(`/api/tasks/${task.id}/resolve`, { status: 'waived' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues).toEqual([{ path: 'reason', message: 'is required when a deadline is waived' }]);
    const future = await admin.post<ErrorAnswer>(`/api/tasks/${task.id}/resolve`, { status: 'done', resolvedOn: '2026-03-03' });
    expect(future.body.error.issues[0]?.path).toBe('resolvedOn');
    const badStatus = await admin.post<ErrorAnswer>(`/api/tasks/${task.id}/resolve`, { status: 'open' });
    expect(badStatus.body.error.issues[0]?.path).toBe('status');
    const missed = await admin.post<Task>(`/api/tasks/${task.id}/resolve`, { status: 'missed', reason: 'the annuity was not paid in time' });
    expect(missed.body).toMatchObject({ status: 'missed', reason: 'the annuity was not paid in time' });
    expect((await list(admin, `status=missed&assetId=${familyA.id}`)).body.items.map((item) => item.id)).toEqual([task.id]);
  });

  it("gives a task to an officer of the family's school or an admin, and to nobody", async () => {
    const task = (await tasksOf(admin, familyB.id))[0] as Task;
    const researcher = await t.signIn('researcher', { personId: await insertPerson(t, 'Curie') });
    const researcherId = (await researcher.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    for (const assigneeId of [officerAId, researcherId, unknownId]) {
      const refused = await admin.put<ErrorAnswer>(`/api/tasks/${task.id}/assignee`, { assigneeId });
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues[0]?.path).toBe('assigneeId');
    }
    const adminId = (await admin.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    const given = await admin.put<Task>(`/api/tasks/${task.id}/assignee`, { assigneeId: adminId });
    expect(given.body).toMatchObject({ assigneeId: adminId, assigneeName: 'Test admin' });
    expect((await list(admin, 'assigneeId=me')).body.items.map((item) => item.id)).toEqual([task.id]);
    expect((await admin.put<Task>(`/api/tasks/${task.id}/assignee`, { assigneeId: null })).body.assigneeId).toBeNull();
  });

  it('answers 404 for an unknown task and 400 for a malformed id', async () => {
    expect((await admin.get(`/api/tasks/${unknownId}`)).status).toBe(404);
    expect((await admin.post(`/api/tasks/${unknownId}/resolve`, { status: 'done' })).status).toBe(404);
    expect((await admin.post('/api/tasks/42/reopen')).status).toBe(400);
  });
});

describe('who sees and changes tasks', () => {
  it('shows every task to a reader, who may change none', async () => {
    const reader = await t.signIn('reader');
    const tasks = (await list(reader, '')).body.items;
    expect(new Set(tasks.map((task) => task.assetId))).toEqual(new Set([familyA.id, familyB.id]));
    expect((await reader.post(`/api/tasks/${tasks[0]!.id}/resolve`, { status: 'done' })).status).toBe(403);
  });

  it("hides another school's tasks from a school's officer, by id too", async () => {
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    const ofA = (await tasksOf(admin, familyA.id))[0] as Task;
    expect((await list(officerB, '')).body.items.every((task) => task.schoolId === dir.schoolB.id)).toBe(true);
    expect((await officerB.get(`/api/tasks/${ofA.id}`)).status).toBe(404);
    expect((await officerB.post(`/api/tasks/${ofA.id}/resolve`, { status: 'done' })).status).toBe(404);
    expect((await officerB.put(`/api/tasks/${ofA.id}/assignee`, { assigneeId: null })).status).toBe(404);
  });

  it("shows a partner the co-owned family's tasks, and a researcher their inventions' families' tasks", async () => {
    const partner = await t.signIn('partner', { organisationId: dir.acme.id });
    expect(new Set((await list(partner, '')).body.items.map((task) => task.assetId))).toEqual(new Set([familyB.id]));
    const personId = await insertPerson(t, 'Lovelace');
    const inventionId = await insertInvention(t, { schoolId: dir.schoolA.id, title: 'Membrane', inventorIds: [personId] });
    const researcher = await t.signIn('researcher', { personId });
    expect((await list(researcher, '')).body.total).toBe(0);
    await admin.put(`/api/assets/${familyA.id}`, { ...familyInput(dir), ...inputOf(familyA), inventionId });
    expect(new Set((await list(researcher, '')).body.items.map((task) => task.assetId))).toEqual(new Set([familyA.id]));
    expect((await t.anonymous.get('/api/tasks')).status).toBe(401);
  });
});

/** The input that saves a family as it is. */
function inputOf(asset: Asset) {
  return {
    kind: asset.kind,
    title: asset.title,
    reference: asset.reference,
    schoolId: asset.schoolId,
    inventionId: asset.inventionId,
    owners: asset.owners.map((owner) => ({ organisationId: owner.organisationId, share: owner.share })),
    applications: asset.applications.map((application) => ({
      office: application.office,
      applicationNumber: application.applicationNumber,
      filingDate: application.filingDate,
      route: application.route,
      status: application.status,
      grantNumber: application.grantNumber,
      grantDate: application.grantDate,
      priorities: application.priorities,
      publications: application.publications,
    })),
  };
}
