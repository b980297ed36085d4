import { count, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '#core/user';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import * as schema from '../../platform/schema.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/api.ts';
import { DEMO_PASSWORD, generateDemo } from './demo-data.ts';
import { hasInstitution, isDemoWanted, loadDemo, loadDemoOnFirstStart, type DemoCounts } from './demo.loader.ts';

const tables: { [table in keyof DemoCounts]: PgTable } = {
  organisations: schema.organisations,
  people: schema.people,
  affiliations: schema.affiliations,
  agreements: schema.agreements,
  agreementParties: schema.agreementParties,
  inventions: schema.inventions,
  inventors: schema.inventors,
  assets: schema.assets,
  ownershipShares: schema.ownershipShares,
  applications: schema.applications,
  priorityClaims: schema.priorityClaims,
  publications: schema.publications,
  applicationEvents: schema.applicationEvents,
  agreementAssets: schema.agreementAssets,
  startups: schema.startups,
  founders: schema.founders,
  accounts: schema.users,
};

async function countRows(db: Db): Promise<DemoCounts> {
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ total: count() }).from(table);
      return [name, row?.total ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as DemoCounts;
}

async function scalar(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await db.select({ value: sql<number>`(${query})::int` }).from(sql`(select 1) as one`);
  return row?.value ?? -1;
}

let t: TestContext;
let loaded: DemoCounts;
let loadMs: number;
beforeAll(async () => {
  t = await createTestContext();
  const startedAt = performance.now();
  loaded = await loadDemo(t.services.database.db);
  loadMs = performance.now() - startedAt;
});
afterAll(() => t.close());

describe('loadDemo', () => {
  it('writes every generated row, quickly', async () => {
    const demo = generateDemo();
    const expected = Object.fromEntries(Object.entries(demo).map(([table, rows]) => [table, (rows as unknown[]).length]));
    expect(loaded).toEqual(expected);
    expect(await countRows(t.services.database.db)).toEqual(expected);
    // Generation, one argon2 hash and the inserts; a few hundred milliseconds on PGlite.
    expect(loadMs).toBeLessThan(10_000);
  });

  it('publishes 33 French applications in 2020, 13 of them filed with companies (press release)', async () => {
    const db = t.services.database.db;
    const frenchIn2020 = sql`
      select a.id, a.asset_id from applications a
      where a.office = 'FR'
        and exists (select 1 from publications p where p.application_id = a.id and p.kind = 'A1'
                    and p.date between '2020-01-01' and '2020-12-31')`;
    expect(await scalar(db, sql`select count(*) from (${frenchIn2020}) f`)).toBe(33);
    expect(
      await scalar(
        db,
        sql`select count(*) from (${frenchIn2020}) f
            where exists (select 1 from ownership_shares s join organisations o on o.id = s.organisation_id
                          where s.asset_id = f.asset_id and o.kind = 'company')
              and exists (select 1 from assets x join agreements g on g.id = x.ownership_agreement_id
                          where x.id = f.asset_id and g.type = 'co_ownership')`,
      ),
    ).toBe(13);
  });

  it('keeps shares and contributions at exactly 100 in the database', async () => {
    const db = t.services.database.db;
    expect(await scalar(db, sql`select count(*) from (select asset_id from ownership_shares group by asset_id having sum(share) <> 100) x`)).toBe(0);
    expect(await scalar(db, sql`select count(*) from (select invention_id from inventors group by invention_id having sum(contribution) <> 100) x`)).toBe(0);
  });

  it('lets each demo account sign in with the demo password, with its links', async () => {
    const demo = generateDemo();
    for (const account of demo.accounts) {
      const login = await t.anonymous.post<{ user: User }>('/api/auth/login', { email: account.email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user).toEqual({
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        schoolId: account.schoolId,
        personId: account.personId,
        organisationId: account.organisationId,
      });
    }
    const wrong = await t.anonymous.post('/api/auth/login', { email: 'admin@demo.valo', password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
  });

  it('ties the researcher account to an IMT Atlantique inventor of several results, the partner to a co-owning company', async () => {
    const db = t.services.database.db;
    const researcher = sql`(select person_id from users where email = 'researcher@demo.valo')`;
    const partner = sql`(select organisation_id from users where email = 'partner@demo.valo')`;
    expect(await scalar(db, sql`select count(*) from inventors where person_id = ${researcher}`)).toBeGreaterThanOrEqual(3);
    expect(
      await scalar(
        db,
        sql`select count(*) from affiliations a join organisations u on u.id = a.organisation_id join organisations s on s.id = u.parent_id
            where a.person_id = ${researcher} and s.name = 'IMT Atlantique'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(await scalar(db, sql`select count(*) from agreement_parties where organisation_id = ${partner}`)).toBeGreaterThanOrEqual(2);
    expect(await scalar(db, sql`select count(*) from ownership_shares where organisation_id = ${partner}`)).toBeGreaterThanOrEqual(1);
    expect(await scalar(db, sql`select count(*) from organisations where id = ${partner} and kind = 'company'`)).toBe(1);
  });

  it('refuses to load twice and writes nothing the second time', async () => {
    const before = await countRows(t.services.database.db);
    const refused = await loadDemo(t.services.database.db).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'conflict' });
    expect(await countRows(t.services.database.db)).toEqual(before);
    expect(await loadDemoOnFirstStart(t.services.database, true)).toBeNull();
    expect(await countRows(t.services.database.db)).toEqual(before);
  });
});

describe('loadDemo on a database it cannot complete', () => {
  let other: TestContext;
  beforeAll(async () => {
    other = await createTestContext();
  });
  afterAll(() => other.close());

  it('writes nothing at all when one insert fails', async () => {
    // An account already holds a demo e-mail: the last insert fails, and everything before it rolls back.
    await other.services.auth.createUser(systemActor, {
      email: 'reader@demo.valo',
      password: TEST_PASSWORD,
      displayName: 'Someone',
      role: 'reader',
      schoolId: null,
      personId: null,
      organisationId: null,
    });
    const failed = await loadDemo(other.services.database.db).catch((error: unknown) => error);
    expect(failed).toMatchObject({ kind: 'conflict' });
    const counts = await countRows(other.services.database.db);
    expect({ ...counts, accounts: 0 }).toEqual(Object.fromEntries(Object.keys(tables).map((table) => [table, 0])));
    expect(counts.accounts).toBe(1);
    expect(await hasInstitution(other.services.database.db)).toBe(false);
  });
});

describe('isDemoWanted', () => {
  it('loads the demo on the embedded database unless turned off, on a server only when asked', () => {
    expect(isDemoWanted(null, 'pglite')).toBe(true);
    expect(isDemoWanted(null, 'postgres')).toBe(false);
    expect(isDemoWanted(true, 'postgres')).toBe(true);
    expect(isDemoWanted(false, 'pglite')).toBe(false);
    expect(isDemoWanted(false, 'postgres')).toBe(false);
  });
});
