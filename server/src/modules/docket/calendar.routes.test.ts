import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { CalendarFeed, DigestSettings, Task } from '#core/docket/docket-task';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, type Directory } from '../asset/asset.fixtures.ts';
import { users } from '../auth/auth.table.ts';
import { type ErrorAnswer, applicationOf, createFamily, familyInput, taskOf, tasksOf } from './docket.fixtures.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;
let familyA: Asset;
let familyB: Asset;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  familyA = await createFamily(admin, familyInput(dir));
  familyB = await createFamily(admin, familyInput(dir, { schoolId: dir.schoolB.id }));
});
afterAll(() => t.close());

interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  isAllDay: boolean;
}

/** Fetches a feed without a session and reads it with a standard iCalendar parser. */
async function readFeed(path: string): Promise<{ status: number; type: string | null; events: FeedEvent[] }> {
  const response = await t.anonymous.raw(path);
  if (response.status !== 200) return { status: response.status, type: null, events: [] };
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toString(), isAllDay: event.startDate.isDate };
  });
  return { status: 200, type: response.headers.get('content-type'), events };
}

async function newFeed(client: Client): Promise<CalendarFeed> {
  const answer = await client.post<CalendarFeed>('/api/me/calendar-token');
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('the calendar feed', () => {
  it('gives an address with a secret, whose feed a calendar parser reads: one all-day event per open task', async () => {
    await admin.put('/api/me/digest', { isEnabled: true, locale: 'en' });
    const feed = await newFeed(admin);
    expect(feed.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.url).toBe(`http://localhost${feed.path}`);
    const read = await readFeed(feed.path);
    expect(read.type).toBe('text/calendar; charset=utf-8');
    const open = [...(await tasksOf(admin, familyA.id)), ...(await tasksOf(admin, familyB.id))].filter((task) => task.status === 'open');
    expect(read.events.map((event) => event.uid).sort()).toEqual(open.map((task) => `${task.id}@valo`).sort());
    const renewal = taskOf(open, 'renewal', { applicationId: applicationOf(familyA, 'EP').id, year: 3 }) as Task;
    const event = read.events.find((candidate) => candidate.uid === `${renewal.id}@valo`);
    const number = applicationOf(familyA, 'EP').applicationNumber.slice(2);
    expect(event).toMatchObject({ summary: `EP ${number} — renewal year 3 due`, start: renewal.due, isAllDay: true });
    expect(event?.description).toContain(`Legal basis: ${renewal.basis}`);
    expect(event?.description).toContain(`Grace period ends (with surcharge): ${renewal.graceEnd}`);
  });

  it('keeps each event’s UID from one download to the next, and leaves resolved tasks out', async () => {
    const feed = await newFeed(admin);
    const first = await readFeed(feed.path);
    const done = (await tasksOf(admin, familyA.id)).find((task) => task.status === 'open') as Task;
    await admin.post(`/api/tasks/${done.id}/resolve`, { status: 'done' });
    const second = await readFeed(feed.path);
    expect(second.events.map((event) => event.uid)).toEqual(first.events.map((event) => event.uid).filter((uid) => uid !== `${done.id}@valo`));
  });

  it("writes in French by default and holds only the tasks its user may see", async () => {
    const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
    const read = await readFeed((await newFeed(officerB)).path);
    const ofB = (await tasksOf(admin, familyB.id)).filter((task) => task.status === 'open');
    expect(read.events.map((event) => event.uid).sort()).toEqual(ofB.map((task) => `${task.id}@valo`).sort());
    expect(read.events.some((event) => event.summary.includes('— échéance : annuité 2'))).toBe(true);
  });

  it('stops answering an old address once a new one is made, or when its user is disabled', async () => {
    const officerA = await t.signIn('officer', { schoolId: dir.schoolA.id });
    const old = await newFeed(officerA);
    const current = await newFeed(officerA);
    expect(current.path).not.toBe(old.path);
    expect((await readFeed(old.path)).status).toBe(404);
    expect((await readFeed(current.path)).status).toBe(200);
    const userId = (await officerA.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    await t.services.database.db.update(users).set({ isDisabled: true }).where(eq(users.id, userId));
    expect((await readFeed(current.path)).status).toBe(404);
  });

  it('answers 404 for an unknown or malformed address, and needs a session to make one', async () => {
    expect((await readFeed(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await readFeed('/calendar/short.ics')).status).toBe(404);
    expect((await readFeed(`/calendar/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await t.anonymous.post('/api/me/calendar-token')).status).toBe(401);
  });
});

describe('digest settings', () => {
  it('has the digest on and in French until the user changes it', async () => {
    const officer = await t.signIn('officer');
    expect((await officer.get<DigestSettings>('/api/me/digest')).body).toEqual({ isEnabled: true, locale: 'fr', hasCalendarFeed: false });
    const saved = await officer.put<DigestSettings>('/api/me/digest', { isEnabled: false, locale: 'en' });
    expect(saved.body).toEqual({ isEnabled: false, locale: 'en', hasCalendarFeed: false });
    await newFeed(officer);
    expect((await officer.get<DigestSettings>('/api/me/digest')).body).toEqual({ isEnabled: false, locale: 'en', hasCalendarFeed: true });
  });

  it('names a bad setting and needs a session', async () => {
    const answer = await admin.put<ErrorAnswer>('/api/me/digest', { isEnabled: 'yes', locale: 'de' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path).sort()).toEqual(['isEnabled', 'locale']);
    expect((await t.anonymous.get('/api/me/digest')).status).toBe(401);
  });
});
