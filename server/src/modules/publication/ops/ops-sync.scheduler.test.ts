import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilySync } from '#core/publication-corpus';
import type { Logger } from '../../../platform/logger.ts';
import { createTestContext, type TestContext } from '../../../test/api.ts';
import { createDirectory } from '../../asset/asset.fixtures.ts';
import { createFamily } from '../publication.fixtures.ts';
import { startOpsSyncScheduler } from './ops-sync.scheduler.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

function recordingLogger(): Logger & { lines: { message: string; fields?: Record<string, unknown> }[] } {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  return { lines, info: (message, fields) => lines.push({ message, fields }), error: (message, fields) => lines.push({ message, fields }) };
}

describe('the OPS sync scheduler', () => {
  let ops: OpsReplayContext;
  let t: TestContext;
  beforeAll(async () => {
    ops = await startOpsReplayContext();
    t = await createTestContext({ ops: { client: ops.client(), syncDays: 7 } });
  });
  afterAll(async () => {
    await t.close();
    await ops.replay.close();
  });

  it('syncs the families due at its first tick, logs the batch with the quota used, and waits for it when stopped', async () => {
    const admin = await t.signIn('admin');
    const places = await createDirectory(admin);
    const family = await createFamily(admin, {
      schoolId: places.schoolA.id,
      ownerId: places.institution.id,
      applications: [{ office: 'EP', applicationNumber: '10167109.1', filingDate: '2010-06-24', route: 'ep_direct' }],
    });
    const logger = recordingLogger();
    const stop = startOpsSyncScheduler(t.services.publications.sync, { opsSyncBatch: 5, logLevel: 'silent' }, { intervalMs: 60_000, logger });
    await stop();
    const { body } = await admin.get<FamilySync>(`/api/families/${family.id}/sync`);
    expect(body.status).toBe('ok');
    expect(body.run?.startedByName).toBeNull();
    const batch = logger.lines.find((line) => line.message === 'EPO OPS sync');
    expect(batch?.fields).toMatchObject({ families: 1, failed: 0, stoppedBy: null });
    // The replay server reports the quota used as OPS does (X-IndividualQuotaPerHour-Used).
    expect(batch?.fields?.quotaUsedThisHour).toEqual(expect.any(Number));
  });

  it('is off with a batch of 0, and says so', async () => {
    const logger = recordingLogger();
    const stop = startOpsSyncScheduler(t.services.publications.sync, { opsSyncBatch: 0, logLevel: 'silent' }, { logger });
    await stop();
    expect(logger.lines.map((line) => line.message)).toEqual(['scheduled EPO OPS sync off: VALO_OPS_SYNC_BATCH is 0']);
  });
});

describe('without OPS credentials', () => {
  it('is off and names the variables to set', async () => {
    const t = await createTestContext();
    try {
      const logger = recordingLogger();
      const stop = startOpsSyncScheduler(t.services.publications.sync, { opsSyncBatch: 25, logLevel: 'silent' }, { logger });
      await stop();
      expect(logger.lines).toHaveLength(1);
      expect(logger.lines[0]?.message).toMatch(/^scheduled EPO OPS sync off: .*VALO_OPS_KEY and VALO_OPS_SECRET/);
    } finally {
      await t.close();
    }
  });
});
