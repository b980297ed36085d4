import { randomUUID } from 'node:crypto';
import type { Role } from '#core/user';
import { createApp, type App } from '../app.ts';
import { fixedClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { systemActor } from '../platform/actor.ts';
import { createServices, type ServiceOptions, type Services } from '../services.ts';
import { openTestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestContext {
  app: App;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  /** A signed-in client for a new user of this role. */
  signIn(role: Role, links?: { schoolId?: string; personId?: string; organisationId?: string }): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface Client {
  get<T = unknown>(path: string): Promise<Answer<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<Answer<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<Answer<T>>;
  delete<T = unknown>(path: string): Promise<Answer<T>>;
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/** A real app on a real, empty database, driven through HTTP requests in process; `ops` connects EPO OPS (a replay server). */
export async function createTestContext(options: Pick<ServiceOptions, 'ops'> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const services = createServices(database, { clock, sessionHours: 12, ops: options.ops });
  const app = createApp(services, { logger: createLogger('silent'), secureCookies: false });

  const makeClient = (cookie: string | null, csrfToken: string | null): Client => {
    const send = async <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (csrfToken) headers['x-csrf-token'] = csrfToken;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    };
    return {
      get: (path) => send('GET', path),
      post: (path, body) => send('POST', path, body),
      put: (path, body) => send('PUT', path, body),
      delete: (path) => send('DELETE', path),
      raw: (path, init) => {
        const headers = new Headers(init?.headers);
        if (cookie) headers.set('cookie', cookie);
        return Promise.resolve(app.request(path, { ...init, headers }));
      },
    };
  };

  return {
    app,
    services,
    clock,
    anonymous: makeClient(null, null),
    async signIn(role, links = {}) {
      const email = `${role}-${randomUUID().slice(0, 8)}@test.valo`;
      await services.auth.createUser(systemActor, {
        email,
        password: TEST_PASSWORD,
        displayName: `Test ${role}`,
        role,
        schoolId: links.schoolId ?? null,
        personId: links.personId ?? null,
        organisationId: links.organisationId ?? null,
      });
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`test sign-in failed: ${response.status} ${await response.text()}`);
      const setCookie = response.headers.get('set-cookie') ?? '';
      const cookie = setCookie.split(';')[0] ?? '';
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return makeClient(cookie, csrfToken);
    },
    close: () => database.close(),
  };
}
