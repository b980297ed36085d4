/**
 * Test fixtures for docketing: patent families created through the API (so their tasks are computed
 * as in use), and short ways to read their tasks.
 */
import type { z } from 'zod';
import type { Asset, AssetInput } from '#core/asset';
import type { Page } from '#core/common';
import type { Task } from '#core/docket/docket-task';
import type { Client } from '../../test/api.ts';
import type { Directory } from '../asset/asset.fixtures.ts';

export type AssetBody = z.input<typeof AssetInput>;

export interface ErrorAnswer {
  error: { kind: string; message: string; issues: { path: string; message: string }[] };
}

let serial = 100;

/**
 * A family of school A owned by the institution alone: an FR first filing of 16 May 2023 and an EP
 * application of 15 May 2024 claiming it. Numbers are unique per call.
 */
export function familyInput(dir: Directory, overrides: Partial<AssetBody> = {}): AssetBody {
  const n = serial++;
  const fr = `FR23${n}`;
  return {
    kind: 'patent_family',
    title: `Capteur ${n}`,
    reference: `PF-${n}`,
    schoolId: dir.schoolA.id,
    owners: [{ organisationId: dir.institution.id, share: 100 }],
    applications: [
      { office: 'FR', applicationNumber: fr, filingDate: '2023-05-16' },
      {
        office: 'EP',
        applicationNumber: `EP24${n}.2`,
        filingDate: '2024-05-15',
        route: 'ep_direct',
        priorities: [{ country: 'FR', number: fr, date: '2023-05-16' }],
      },
    ],
    ...overrides,
  };
}

export async function createFamily(client: Client, input: AssetBody): Promise<Asset> {
  const answer = await client.post<Asset>('/api/assets', input);
  if (answer.status !== 201) throw new Error(`fixture family: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export function applicationOf(asset: Asset, office: string): Asset['applications'][number] {
  const found = asset.applications.find((application) => application.office === office);
  if (!found) throw new Error(`fixture: no ${office} application`);
  return found;
}

/** Every task of a family the client may see (one page of up to 1,000). */
export async function tasksOf(client: Client, assetId: string, query = ''): Promise<Task[]> {
  const answer = await client.get<Page<Task>>(`/api/tasks?assetId=${assetId}&limit=1000${query}`);
  if (answer.status !== 200) throw new Error(`fixture tasks: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
}

/** The one task of this kind (and year) on this application, or on the family when `applicationId` is null. */
export function taskOf(tasks: Task[], kind: string, where: { applicationId?: string | null; year?: number | null } = {}): Task | undefined {
  return tasks.find(
    (task) =>
      task.kind === kind &&
      (where.applicationId === undefined || task.applicationId === where.applicationId) &&
      (where.year === undefined || task.year === where.year),
  );
}
