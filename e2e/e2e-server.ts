import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../server/src/app.ts';
import { systemActor } from '../server/src/platform/actor.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { type ServiceOptions, type Services, createServices } from '../server/src/services.ts';
import { openTestDatabase } from '../server/src/test/database.ts';

export const ADMIN = { email: 'admin@e2e.valo', password: 'e2e password 2026' };

export interface E2eServer {
  baseUrl: string;
  /** A signed-in API client (the admin), for creating data and checking what the browser saved. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** The server's services, for what the API does not offer to the admin (other accounts). */
  services: Services;
  close(): Promise<void>;
}

/** The real app on a fresh test database, listening on a free port of 127.0.0.1, with an admin account; `ops` connects EPO OPS (a replay server). */
export async function startServer(options: Pick<ServiceOptions, 'ops'> = {}): Promise<E2eServer> {
  const database = await openTestDatabase();
  const services = createServices(database, { clock: systemClock, sessionHours: 12, ops: options.ops });
  await services.auth.createUser(systemActor, { ...ADMIN, displayName: 'Alice Martin', role: 'admin', schoolId: null, personId: null, organisationId: null });
  const app = createApp(services, { logger: createLogger('error'), secureCookies: false });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!login.ok) throw new Error(`admin sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  return {
    baseUrl,
    services,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(baseUrl + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
