import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import { systemActor } from '../../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../../test/api.ts';
import { createDirectory } from '../../asset/asset.fixtures.ts';
import { createFamily } from '../publication.fixtures.ts';
import { type OpsSyncArgs, type OpsSyncIo, runOpsSync } from './ops-sync.cli.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

let ops: OpsReplayContext;
let t: TestContext;
let granted: Asset;
let pending: Asset;

function capture(): OpsSyncIo & { out: string; err: string } {
  let clock = 0;
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    isTTY: false,
    // Six seconds a call: every family draws a line in a log.
    now: () => (clock += 6000),
  };
  return io;
}

const run = (args: Partial<OpsSyncArgs>, io = capture()) =>
  runOpsSync({ names: [], all: false, fresh: false, ...args }, { sync: t.services.publications.sync, io }).then((code) => ({ code, io }));

beforeAll(async () => {
  ops = await startOpsReplayContext();
  t = await createTestContext({ ops: { client: ops.client(), syncDays: 7 } });
  const admin = await t.signIn('admin');
  const places = await createDirectory(admin);
  const family = (reference: string, applicationNumber: string, filingDate: string) =>
    admin
      .post<Asset>('/api/families', {
        title: reference,
        reference,
        schoolId: places.schoolA.id,
        owners: [{ organisationId: places.institution.id, share: 100 }],
        applications: [{ office: 'EP', applicationNumber, filingDate, route: 'ep_direct' }],
      })
      .then((answer) => answer.body);
  granted = await family('NE-EP-007', '10167109.1', '2010-06-24');
  pending = await family('NE-EP-008', '19000009.1', '2019-03-01');
  // A family of another school, synced like the others: the command acts for the whole institution.
  await createFamily(admin, { schoolId: places.schoolB.id, ownerId: places.institution.id, applications: [{ office: 'FR', applicationNumber: 'FR1900001', filingDate: '2019-01-02' }] });
});
afterAll(async () => {
  await t.close();
  await ops.replay.close();
});

describe('valo ops sync', () => {
  it('syncs the families named by reference, with a progress line and a summary', async () => {
    const { code, io } = await run({ names: ['NE-EP-007'] });
    expect(code).toBe(0);
    expect(io.out).toMatch(/^1 family synced with EPO OPS: 1 ok, 0 failed\nquota used: [\d,]+ bytes this hour, [\d,]+ this week\n$/);
    expect(io.err).toMatch(/\] 100% family 1\/1 {2}\d+ families\/min\n$/);
    expect((await t.services.publications.sync.get(systemActor, granted.id)).status).toBe('ok');
  });

  it('syncs every family due when none is named, and none once they are all recent', async () => {
    const first = await run({});
    expect(first.code).toBe(0);
    // NE-EP-007 was synced a moment ago: the two others are due.
    expect(first.io.out).toContain('2 families synced with EPO OPS: 2 ok, 0 failed');
    expect((await run({})).io.out).toContain('0 families synced');
    expect((await run({ all: true })).io.out).toContain('3 families synced with EPO OPS: 3 ok, 0 failed');
  });

  it('refuses a name that is no family, before asking OPS', async () => {
    const sent = ops.dataRequests().length;
    const { code, io } = await run({ names: ['NE-EP-008', 'NOPE-1'] });
    expect(code).toBe(2);
    expect(io.err).toBe('no patent family with the id or reference NOPE-1\n');
    expect(ops.dataRequests().length).toBe(sent);
  });

  it('stops at a spent quota, names the family and exits 1', async () => {
    ops.replay.script({ quota: 'RegisteredQuotaPerWeek' });
    const { code, io } = await run({ names: [pending.id, granted.id], fresh: true });
    expect(code).toBe(1);
    expect(io.err).toContain(`family ${pending.id}: `);
    expect(io.out).toMatch(/^1 family synced with EPO OPS: 0 ok, 1 failed\nstopped: .*quota/i);
  });

  it('says what to set when OPS is not configured', async () => {
    const context = await createTestContext();
    try {
      const io = capture();
      const code = await runOpsSync({ names: [], all: false, fresh: false }, { sync: context.services.publications.sync, io });
      expect(code).toBe(2);
      expect(io.err).toContain('VALO_OPS_KEY');
    } finally {
      await context.close();
    }
  });
});
