import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/api.ts';
import { systemActor } from '../../platform/actor.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.services.auth.createUser(systemActor, {
    email: 'ada@test.valo',
    password: TEST_PASSWORD,
    displayName: 'Ada',
    role: 'reader',
    schoolId: null,
    personId: null,
    organisationId: null,
  });
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('sets an httpOnly SameSite session cookie and returns a CSRF token', async () => {
    const response = await t.anonymous.raw('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ADA@test.valo', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^valo_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await response.json()) as { user: { email: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ email: 'ada@test.valo', role: 'reader' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('answers 401 with the same message for a wrong password and an unknown e-mail', async () => {
    const wrong = await t.anonymous.post<{ error: { message: string } }>('/api/auth/login', {
      email: 'ada@test.valo',
      password: 'nope nope',
    });
    const unknown = await t.anonymous.post<{ error: { message: string } }>('/api/auth/login', {
      email: 'nobody@test.valo',
      password: 'nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('answers 400 naming the field when the e-mail is malformed', async () => {
    const answer = await t.anonymous.post<{ error: { issues: { path: string }[] } }>('/api/auth/login', {
      email: 'not-an-email',
      password: 'x',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path)).toContain('email');
  });

  it('answers 400 on a body that is not JSON', async () => {
    const answer = await t.anonymous.post<{ error: { kind: string } }>('/api/auth/login', '{"email":');
    expect(answer.status).toBe(400);
    expect(answer.body.error.kind).toBe('invalid');
  });
});

describe('password guessing', () => {
  it('refuses an e-mail for a while after ten failed sign-ins, even with the right password', async () => {
    await t.services.auth.createUser(systemActor, {
      email: 'target@test.valo',
      password: TEST_PASSWORD,
      displayName: 'Target',
      role: 'reader',
      schoolId: null,
      personId: null,
      organisationId: null,
    });
    for (let i = 0; i < 10; i++) {
      expect((await t.anonymous.post('/api/auth/login', { email: 'target@test.valo', password: `guess ${i}` })).status).toBe(401);
    }
    const blocked = await t.anonymous.post<{ error: { kind: string; message: string } }>('/api/auth/login', {
      email: 'target@test.valo',
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/try again in 15 min/);
    // Other e-mails are not affected.
    expect((await t.anonymous.post('/api/auth/login', { email: 'ada@test.valo', password: TEST_PASSWORD })).status).toBe(200);
    t.clock.set('2026-03-02T09:15:01Z');
    try {
      expect((await t.anonymous.post('/api/auth/login', { email: 'target@test.valo', password: TEST_PASSWORD })).status).toBe(200);
    } finally {
      t.clock.set('2026-03-02T09:00:00Z');
    }
  });
});

describe('sessions', () => {
  it('answers 401 on every API route without a session, but not on health, OpenAPI and docs', async () => {
    expect((await t.anonymous.get('/api/organisations')).status).toBe(401);
    expect((await t.anonymous.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous.get('/api/no-such-route')).status).toBe(401);
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
    expect((await t.anonymous.get('/api/openapi.json')).status).toBe(200);
    expect((await t.anonymous.raw('/api/docs')).status).toBe(200);
  });

  it('rejects a write made with the cookie but without the CSRF token', async () => {
    const client = await t.signIn('admin');
    const forged = await client.raw('/api/organisations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'other', name: 'Forged' }),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
  });

  it('ends the session on logout', async () => {
    const client = await t.signIn('reader');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const client = await t.signIn('reader');
    t.clock.set('2026-03-03T09:00:01Z');
    try {
      expect((await client.get('/api/organisations')).status).toBe(401);
    } finally {
      t.clock.set('2026-03-02T09:00:00Z');
    }
  });
});

describe('GET /api/health', () => {
  it('names the database it runs on', async () => {
    const answer = await t.anonymous.get<{ status: string; database: string }>('/api/health');
    expect(answer.body).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing the login route', async () => {
    const answer = await t.anonymous.get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toContain('/api/auth/login');
  });
});
