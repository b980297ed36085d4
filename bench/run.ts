/**
 * `npm run bench`: measures Valo and writes bench/results.json (one entry per figure: name, value, unit,
 * inputs). Figures are measured on PGlite and, when BENCH_DATABASE_URL names a PostgreSQL server (as
 * bench/run.sh arranges), on that server too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../server/src/app.ts';
import { systemActor } from '../server/src/platform/actor.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase, refreshStatistics, type Database } from '../server/src/platform/db.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { createServices } from '../server/src/services.ts';
import { generatePortfolio } from './portfolio.generator.ts';
import { docketFigures } from './docket.bench.ts';
import { parseFigures } from './parse.bench.ts';
import { type Figure, percentile, progressBar } from './stats.ts';


const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const serverUrl = process.env.BENCH_DATABASE_URL;
const figures: Figure[] = [];

async function timeToHealthy(env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
    env: { ...process.env, ...env, PORT: String(port), VALO_LOG: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`valo start exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('valo start did not become healthy in 120 s');
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function startupFigures(database: 'pglite' | 'postgres', env: NodeJS.ProcessEnv) {
  const first = await timeToHealthy({ ...env, VALO_DEMO: 'true' }, 3901);
  const again = await timeToHealthy(env, 3901);
  figures.push(
    { name: `startup.first.${database}`, value: Math.round(first), unit: 'ms', inputs: { database, what: 'spawn to healthy: migrate and load the demo institution' } },
    { name: `startup.restart.${database}`, value: Math.round(again), unit: 'ms', inputs: { database, what: 'spawn to healthy on an existing database' } },
  );
  console.log(`startup on ${database}: first ${Math.round(first)} ms, restart ${Math.round(again)} ms`);
}

async function latencyFigures(database: Database) {
  const kind = database.kind;
  await database.migrate();
  const loadStarted = performance.now();
  const portfolio = await generatePortfolio(database.db, FAMILIES, (done) => progressBar(`generating on ${kind}`, done, FAMILIES));
  // As `valo start` does on PGlite (which has no autovacuum): the planner's statistics after the load.
  await refreshStatistics(database);
  const loadMs = performance.now() - loadStarted;
  process.stderr.write('\n');
  figures.push({
    name: `generate.${kind}`,
    value: Math.round(loadMs),
    unit: 'ms',
    inputs: { database: kind, families: FAMILIES, applications: portfolio.applications, publications: portfolio.publications },
  });
  const services = createServices(database, { clock: systemClock, sessionHours: 1 });
  await services.auth.createUser(systemActor, {
    email: 'bench@bench.valo', password: 'bench password', displayName: 'Bench', role: 'admin', schoolId: null, personId: null, organisationId: null,
  });
  const app = createApp(services, { logger: createLogger('error'), secureCookies: false });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.valo', password: 'bench password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const queries: [string, string][] = [
      ['list.first-page', '/api/families?limit=50'],
      ['list.sorted-by-title', '/api/families?limit=50&sort=title'],
      ['list.school-filter', `/api/families?limit=50&schoolId=${portfolio.schoolIds[3]}`],
      ['list.deep-page', `/api/families?limit=50&offset=${Math.floor(FAMILIES / 2)}`],
      ['search.title-word', `/api/families?limit=50&q=${encodeURIComponent(portfolio.rareWord)}`],
      ['search.two-words', `/api/families?limit=50&q=${encodeURIComponent(portfolio.twoWords)}`],
      ['search.application-number', `/api/families?limit=50&q=${encodeURIComponent(portfolio.someApplicationNumber)}`],
    ];
    for (const [name, path] of queries) {
      const durations: number[] = [];
      let total = -1;
      for (let i = 0; i < REQUESTS + 10; i++) {
        const started = performance.now();
        const response = await fetch(base + path, { headers: { cookie } });
        const body = (await response.json()) as { total?: number };
        if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
        if (i >= 10) durations.push(performance.now() - started);
        total = body.total ?? -1;
      }
      const inputs = { database: kind, families: FAMILIES, request: path, requests: REQUESTS, matched: total };
      figures.push(
        { name: `${name}.p50.${kind}`, value: round(percentile(durations, 50)), unit: 'ms', inputs },
        { name: `${name}.p99.${kind}`, value: round(percentile(durations, 99)), unit: 'ms', inputs },
      );
      console.log(`${kind} ${name}: p50 ${round(percentile(durations, 50))} ms, p99 ${round(percentile(durations, 99))} ms (${total} matched)`);
    }
    // The 5-year budget computes every family's fees: a few requests, not hundreds.
    const forecast: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/portfolio/forecast?years=5`, { headers: { cookie } });
      if (!response.ok) throw new Error(`forecast answered ${response.status}`);
      await response.json();
      if (i > 0) forecast.push(performance.now() - started);
    }
    figures.push({
      name: `forecast.portfolio.p50.${kind}`,
      value: round(percentile(forecast, 50)),
      unit: 'ms',
      inputs: { database: kind, families: FAMILIES, request: '/api/portfolio/forecast?years=5', requests: forecast.length },
    });
    console.log(`${kind} forecast.portfolio: p50 ${round(percentile(forecast, 50))} ms`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main() {
  const pgliteDir = mkdtempSync(join(tmpdir(), 'valo-bench-'));
  try {
    await startupFigures('pglite', { VALO_DATA_DIR: join(pgliteDir, 'startup') });
    await latencyFigures(await openDatabase({ dataDir: join(pgliteDir, 'latency') }));
    if (serverUrl) {
      await recreateDatabase(serverUrl, 'valo_bench_startup');
      await startupFigures('postgres', { DATABASE_URL: withDatabase(serverUrl, 'valo_bench_startup') });
      await recreateDatabase(serverUrl, 'valo_bench_latency');
      await latencyFigures(await openDatabase({ databaseUrl: withDatabase(serverUrl, 'valo_bench_latency'), dataDir: 'memory' }));
    } else {
      throw new Error('BENCH_DATABASE_URL is not set: run `npm run bench`, which starts a throwaway PostgreSQL (apt-get install postgresql)');
    }
    const docket = await docketFigures();
    figures.push(...docket);
    for (const figure of docket) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
    const parse = await parseFigures();
    figures.push(...parse);
    for (const figure of parse) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const results = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    figures,
  };
  writeFileSync(join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote bench/results.json (${figures.length} figures)`);
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function recreateDatabase(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

await main();
