import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '#core/common';
import type { ImportRun } from '#core/publication-corpus';
import { systemActor } from '../../platform/actor.ts';
import { importRuns } from '../../platform/schema.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { INTERRUPTED_AFTER_MS } from './import.service.ts';
import { importFiles, lensCsv } from './publication.fixtures.ts';

/*
 * A run whose server stopped mid-import stays "running" in its row. Its heartbeat (written with every
 * batch) tells it apart from a run going on in another process: silent too long, it is shown as failed,
 * and recorded so at the next start.
 */

let t: TestContext;
let admin: Client;
let finished: ImportRun;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  finished = await importFiles(t, { 'lens.csv': lensCsv([{ country: 'FR', kind: 'A1', number: '3100001', date: '2021-03-05' }]) });
});
afterAll(() => t.close());

/** A run row left as a stopped process leaves it, its last heartbeat `minutesAgo` before now. */
async function runLeftRunning(id: string, minutesAgo: number): Promise<void> {
  const heartbeat = new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString();
  await t.services.database.db.insert(importRuns).values({
    id,
    status: 'running',
    startedAt: heartbeat,
    finishedAt: null,
    heartbeatAt: heartbeat,
    startedBy: null,
    files: ['weekly.zip'],
    read: 4000,
    inserted: 4000,
    updated: 0,
    unchanged: 0,
    failed: 0,
    linked: 0,
    report: { errors: [], omittedErrors: 0, message: null, portfolio: finished.portfolio },
  });
}

const STOPPED = '00000000-0000-4000-8000-00000000a001';
const GOING_ON = '00000000-0000-4000-8000-00000000a002';

describe('an import interrupted by a stopped server', () => {
  beforeAll(async () => {
    await runLeftRunning(STOPPED, INTERRUPTED_AFTER_MS / 60_000 + 1);
    await runLeftRunning(GOING_ON, 1);
  });

  it('writes a heartbeat with the run', async () => {
    const [row] = await t.services.database.db.select().from(importRuns).where(eq(importRuns.id, finished.id));
    expect(row?.heartbeatAt).toBe(t.clock.now().toISOString());
  });

  it('is shown as failed, with the reason, while a run that keeps its heartbeat is still running', async () => {
    const stopped = (await admin.get<ImportRun>(`/api/imports/${STOPPED}`)).body;
    expect(stopped).toMatchObject({ status: 'failed', read: 4000 });
    expect(stopped.message).toMatch(/^interrupted: /);
    expect((await admin.get<ImportRun>(`/api/imports/${GOING_ON}`)).body.status).toBe('running');
    const listed = (await admin.get<Page<ImportRun>>('/api/imports')).body.items;
    expect(listed.find((run) => run.id === STOPPED)?.status).toBe('failed');
  });

  it('is recorded as failed at the next start, and only it', async () => {
    expect(await t.services.publications.imports.failInterrupted()).toBe(1);
    const [row] = await t.services.database.db.select().from(importRuns).where(eq(importRuns.id, STOPPED));
    expect(row).toMatchObject({ status: 'failed', finishedAt: t.clock.now().toISOString() });
    expect(row?.report.message).toMatch(/^interrupted: /);
    const [other] = await t.services.database.db.select().from(importRuns).where(eq(importRuns.id, GOING_ON));
    expect(other?.status).toBe('running');
    expect(await t.services.publications.imports.failInterrupted()).toBe(0);
    // The import page still reads it the same way.
    expect((await t.services.publications.imports.get(systemActor, STOPPED)).status).toBe('failed');
  });
});
