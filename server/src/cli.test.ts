import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.ts';
import { openDatabase } from './platform/db.ts';
import { createServices } from './services.ts';
import { systemClock } from './platform/clock.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/*
 * The `valo` command as an operator runs it, on PGlite data folders (DATABASE_URL is cleared here; the
 * server database is covered by every API test when .ci/run sets it).
 */
let folder: string;
let saved: Record<string, string | undefined>;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'valo-cli-'));
  saved = { VALO_DATA_DIR: process.env.VALO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, VALO_DEMO: process.env.VALO_DEMO };
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startValo(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, VALO_DATA_DIR: dataDir, PORT: String(port), VALO_LOG: 'error' };
  delete env.DATABASE_URL;
  delete env.VALO_DEMO;
  const child = spawn(process.execPath, [join(root, 'bin', 'valo.js'), 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`valo start exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > 60_000) throw new Error(`valo start was not healthy within 60 s: ${stderr}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { child, base };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopValo(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

describe('valo start', () => {
  it('loads the demo on first start, keeps the data on the next, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const dataDir = join(folder, 'served');
    const first = await startValo(dataDir);
    let families: number;
    try {
      expect(await (await fetch(`${first.base}/api/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
      const admin = await signIn(first.base, 'admin@demo.valo', 'valo-demo');
      expect(admin.status).toBe(200);
      const list = (await (await fetch(`${first.base}/api/families?limit=1`, { headers: { cookie: admin.cookie } })).json()) as { total: number };
      families = list.total;
      expect(families).toBeGreaterThanOrEqual(140);
      const created = await fetch(`${first.base}/api/organisations`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'company', name: 'Kept Across Restarts SAS', companyCategory: 'pme' }),
      });
      expect(created.status).toBe(201);
      // The web app is served at / (built by the test command before the tests).
      expect((await fetch(`${first.base}/`)).headers.get('content-type')).toContain('text/html');
    } finally {
      expect(await stopValo(first.child)).toBe(0);
    }

    const second = await startValo(dataDir);
    try {
      const admin = await signIn(second.base, 'admin@demo.valo', 'valo-demo');
      const kept = (await (
        await fetch(`${second.base}/api/organisations?q=${encodeURIComponent('Kept Across')}`, { headers: { cookie: admin.cookie } })
      ).json()) as { total: number };
      expect(kept.total).toBe(1);
      const list = (await (await fetch(`${second.base}/api/families?limit=1`, { headers: { cookie: admin.cookie } })).json()) as { total: number };
      expect(list.total).toBe(families);
    } finally {
      expect(await stopValo(second.child)).toBe(0);
    }
  });
});

describe('valo user create, migrate and usage', () => {
  let output: string;
  beforeEach(() => {
    output = '';
    delete process.env.DATABASE_URL;
    const capture = (chunk: unknown) => {
      output += String(chunk);
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => vi.restoreAllMocks());

  it('makes an account that can sign in, and refuses the same e-mail twice', async () => {
    process.env.VALO_DATA_DIR = join(folder, 'accounts');
    const args = ['user', 'create', '--email', 'Claire.Dupont@Example.org', '--name', 'Claire Dupont', '--role', 'reader', '--password', 'a long passphrase'];
    expect(await main(args)).toBe(0);
    expect(output).toContain('created reader claire.dupont@example.org');
    expect(await main(args)).toBe(1);
    expect(output).toContain('already has an account');

    const database = await openDatabase({ dataDir: join(folder, 'accounts') });
    try {
      const services = createServices(database, { clock: systemClock, sessionHours: 1 });
      const session = await services.auth.login({ email: 'claire.dupont@example.org', password: 'a long passphrase' });
      expect(session.user.role).toBe('reader');
    } finally {
      await database.close();
    }
  });

  it('answers 2 naming the field for bad input', async () => {
    process.env.VALO_DATA_DIR = join(folder, 'accounts-bad');
    expect(await main(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'wizard', '--password', 'a long passphrase'])).toBe(2);
    expect(output).toContain('role');
    expect(await main(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'reader', '--password', 'short'])).toBe(2);
    expect(output).toContain('password');
    expect(await main(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'researcher', '--password', 'a long passphrase'])).toBe(2);
    expect(output).toContain('personId');
    expect(await main(['no-such-command'])).toBe(2);
    expect(output).toContain('unknown command "no-such-command"');
  });

  it('migrates an empty folder', async () => {
    process.env.VALO_DATA_DIR = join(folder, 'migrated');
    expect(await main(['migrate'])).toBe(0);
    expect(output).toContain('database schema is up to date (pglite)');
  });
});
