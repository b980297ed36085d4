/**
 * Test fixtures for assets and the portfolio: the directory through the API, and the few rows of other
 * modules' tables (people, inventions, agreements, startups) written directly, so these tests depend only
 * on those tables, not on the other modules' services.
 */
import { randomUUID } from 'node:crypto';
import type { Organisation } from '#core/organisation';
import { countAll } from '../../platform/list.ts';
import {
  agreementAssets,
  agreementParties,
  agreements,
  applicationEvents,
  applications,
  assets,
  inventions,
  inventors,
  ownershipShares,
  people,
  publications,
  startups,
} from '../../platform/schema.ts';
import type { Client, TestContext } from '../../test/api.ts';

const stamp = '2026-01-05T10:00:00.000Z';

export interface Directory {
  institution: Organisation;
  schoolA: Organisation;
  schoolB: Organisation;
  acme: Organisation;
  globex: Organisation;
}

export async function createDirectory(admin: Client): Promise<Directory> {
  const post = async (body: object) => {
    const answer = await admin.post<Organisation>('/api/organisations', body);
    if (answer.status !== 201) throw new Error(`fixture organisation: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const institution = await post({ kind: 'institution', name: 'Institut Test' });
  return {
    institution,
    schoolA: await post({ kind: 'school', name: 'École Alpha', parentId: institution.id }),
    schoolB: await post({ kind: 'school', name: 'École Beta', parentId: institution.id }),
    acme: await post({ kind: 'company', name: 'Acme Capteurs', companyCategory: 'pme' }),
    globex: await post({ kind: 'company', name: 'Globex', companyCategory: 'large' }),
  };
}

export async function insertPerson(t: TestContext, lastName: string): Promise<string> {
  const id = randomUUID();
  await t.services.database.db
    .insert(people)
    .values({ id, firstName: 'Test', lastName, employmentStatus: 'public_employee', createdAt: stamp, updatedAt: stamp });
  return id;
}

export async function insertInvention(t: TestContext, values: { schoolId: string; title: string; inventorIds?: string[] }): Promise<string> {
  const id = randomUUID();
  const { db } = t.services.database;
  await db.insert(inventions).values({ id, title: values.title, status: 'protect', schoolId: values.schoolId, createdAt: stamp, updatedAt: stamp });
  const inventorIds = values.inventorIds ?? [];
  if (inventorIds.length > 0) {
    await db.insert(inventors).values(
      inventorIds.map((personId, index) => ({ inventionId: id, personId, contribution: 100 / inventorIds.length, rank: index + 1 })),
    );
  }
  return id;
}

export async function insertAgreement(
  t: TestContext,
  values: { title: string; schoolId: string | null; partyIds?: string[]; assetIds?: string[] },
): Promise<string> {
  const id = randomUUID();
  const { db } = t.services.database;
  await db.insert(agreements).values({
    id,
    type: 'licence',
    title: values.title,
    status: 'signed',
    schoolId: values.schoolId,
    createdAt: stamp,
    updatedAt: stamp,
  });
  for (const organisationId of values.partyIds ?? []) {
    await db.insert(agreementParties).values({ agreementId: id, organisationId, role: 'licensee' });
  }
  for (const assetId of values.assetIds ?? []) await db.insert(agreementAssets).values({ agreementId: id, assetId });
  return id;
}

export async function insertStartup(t: TestContext, organisationId: string): Promise<string> {
  const id = randomUUID();
  await t.services.database.db
    .insert(startups)
    .values({ id, organisationId, stage: 'created', isSpinOff: true, createdAt: stamp, updatedAt: stamp });
  return id;
}

const counted = { assets, applications, publications, ownershipShares, applicationEvents };

/** A count of rows, to show that a refused write left nothing behind. */
export async function countRows(t: TestContext, table: keyof typeof counted): Promise<number> {
  const [row] = await t.services.database.db.select({ n: countAll }).from(counted[table]);
  return row?.n ?? 0;
}
