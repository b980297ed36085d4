import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Asset, AssetInput } from '#core/asset';
import { systemActor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, type Directory } from '../asset/asset.fixtures.ts';
import { createAssetService } from '../asset/asset.service.ts';
import { applications } from '../asset/asset.table.ts';
import { type AssetBody, applicationOf, createFamily, familyInput, taskOf, tasksOf } from './docket.fixtures.ts';
import { deadlineTasks } from './docket.table.ts';

let t: TestContext;
let admin: Client;
let dir: Directory;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
});
afterAll(() => t.close());

/** The family's input with a WO member filed within the priority year, and an extra US member. */
function withMembers(input: AssetBody): AssetBody {
  const fr = input.applications?.[0]?.applicationNumber ?? '';
  const priorities = [{ country: 'FR', number: fr, date: '2023-05-16' }];
  return {
    ...input,
    applications: [
      ...(input.applications ?? []),
      { office: 'WO', applicationNumber: `PCT/FR2024/0${fr.slice(-3)}`, filingDate: '2024-05-15', route: 'pct', priorities },
      { office: 'US', applicationNumber: `18/7${fr.slice(-3)}`, filingDate: '2024-05-15', priorities },
    ],
  };
}

describe('tasks follow the family', () => {
  let input: AssetBody;
  let family: Asset;

  beforeAll(async () => {
    input = familyInput(dir);
    family = await createFamily(admin, input);
  });

  it('adds the new members’ deadlines when the family is updated, in the same request', async () => {
    expect((await tasksOf(admin, family.id)).some((task) => task.office === 'US')).toBe(false);
    const updated = await admin.put<Asset>(`/api/assets/${family.id}`, withMembers(input));
    expect(updated.status).toBe(200);
    const tasks = await tasksOf(admin, family.id);
    const wo = applicationOf(updated.body, 'WO');
    // PCT Art. 22: 30 months from the priority date (16 November 2025, a Sunday, moved to Monday).
    expect(taskOf(tasks, 'national-phase')).toMatchObject({ applicationId: wo.id, due: '2025-11-17' });
    expect(tasks.filter((task) => task.kind === 'national-phase')).toHaveLength(1);
    expect(taskOf(tasks, 'publication', { applicationId: applicationOf(updated.body, 'US').id })?.due).toBe('2024-11-16');
  });

  it('stops the renewals of a granted EP application when the grant date is entered on the family', async () => {
    const granted = withMembers(input);
    granted.applications = granted.applications?.map((application) =>
      application.office === 'EP' ? { ...application, status: 'granted', grantNumber: 'EP4400001', grantDate: '2026-02-25' } : application,
    );
    expect((await admin.put(`/api/assets/${family.id}`, granted)).status).toBe(200);
    const tasks = await tasksOf(admin, family.id);
    expect(tasks.filter((task) => task.office === 'EP' && task.kind === 'renewal')).toEqual([]);
    expect(taskOf(tasks, 'opposition-end')?.due).toBe('2026-11-25');
  });

  it('drops the open tasks of a member taken out of the family', async () => {
    expect((await admin.put(`/api/assets/${family.id}`, input)).status).toBe(200);
    const tasks = await tasksOf(admin, family.id);
    expect(tasks.some((task) => task.office === 'WO' || task.office === 'US')).toBe(false);
    expect(tasks.filter((task) => task.office === 'EP' && task.kind === 'renewal')).toHaveLength(18);
  });

  it('leaves the tasks as they were when the update fails after they were recomputed', async () => {
    const { db } = t.services.database;
    const before = await db.select().from(deadlineTasks);
    const failing = createAssetService({
      db,
      assets: t.services.repositories.assets,
      organisations: t.services.repositories.organisations,
      clock: t.clock,
      onFamilySaved: async (assetId, tx) => {
        await t.services.docket.recompute.recomputeAsset(assetId, tx);
        expect((await tx.select().from(deadlineTasks)).length).not.toBe(before.length);
        throw DomainError.invalid('applications', 'refused after the recomputation');
      },
    });
    await expect(failing.update(systemActor, family.id, AssetInput.parse(withMembers(input)))).rejects.toThrow('refused after the recomputation');
    expect(await db.select().from(deadlineTasks)).toEqual(before);
    expect((await db.select().from(applications)).length).toBe(2);
  });

  it('recomputes every family after data loaded around the services, and then writes nothing more', async () => {
    const { db } = t.services.database;
    await db.delete(deadlineTasks);
    const first = await t.services.docket.recompute.recomputeAll(systemActor);
    expect(first.families).toBe(1);
    expect(first.inserted).toBe((await db.select().from(deadlineTasks)).length);
    const again = await t.services.docket.recompute.recomputeAll(systemActor);
    expect(again).toEqual({ families: 1, inserted: 0, updated: 0, deleted: 0 });
  });
});
