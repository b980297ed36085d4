import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../../platform/db.ts';
import { DomainError, fromDatabaseError } from '../../platform/errors.ts';
import * as schema from '../../platform/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_PASSWORD, generateDemo, type DemoData, type DemoOptions } from './demo-data.ts';

/** Rows per INSERT: few round trips, far below PostgreSQL's 65,535 parameters per statement. */
const BATCH_SIZE = 500;

export type DemoCounts = { [table in keyof DemoData]: number };

/** Has the database an institution already (the demo's, or a real one)? */
export async function hasInstitution(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.kind, 'institution')).limit(1);
  return row !== undefined;
}

/**
 * Loads the demo institution and its six accounts (password `valo-demo`) in one transaction: all of it or
 * nothing. Refused when the database already has an institution, so it never mixes with real data.
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoCounts> {
  const refusal = () => DomainError.conflict('organisations', 'already hold an institution: the demo loads only into an empty database');
  if (await hasInstitution(db)) throw refusal();
  const data = generateDemo(options);
  // One hash for the six accounts: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await db.transaction(async (tx) => {
      if (await hasInstitution(tx)) throw refusal();
      // Foreign-key order: organisations (parents first), people, agreements (inventions and assets
      // point to them), inventions, assets and their applications, links, startups, accounts.
      await insertInBatches(tx, schema.organisations, data.organisations);
      await insertInBatches(tx, schema.people, data.people);
      await insertInBatches(tx, schema.affiliations, data.affiliations);
      await insertInBatches(tx, schema.agreements, data.agreements);
      await insertInBatches(tx, schema.agreementParties, data.agreementParties);
      await insertInBatches(tx, schema.inventions, data.inventions);
      await insertInBatches(tx, schema.inventors, data.inventors);
      await insertInBatches(tx, schema.assets, data.assets);
      await insertInBatches(tx, schema.ownershipShares, data.ownershipShares);
      await insertInBatches(tx, schema.applications, data.applications);
      await insertInBatches(tx, schema.priorityClaims, data.priorityClaims);
      await insertInBatches(tx, schema.publications, data.publications);
      await insertInBatches(tx, schema.applicationEvents, data.applicationEvents);
      await insertInBatches(tx, schema.agreementAssets, data.agreementAssets);
      await insertInBatches(tx, schema.startups, data.startups);
      await insertInBatches(tx, schema.founders, data.founders);
      await insertInBatches(tx, schema.users, data.accounts.map((account) => ({ ...account, passwordHash })));
    });
  } catch (error) {
    // Two first starts racing on one server: the institution's unique SIREN stops the second.
    throw fromDatabaseError(error) ?? error;
  }
  return countsOf(data);
}

/**
 * The demo is there on first start when nobody asked otherwise: always on the embedded database (a
 * trial), on a PostgreSQL server only when VALO_DEMO=true; VALO_DEMO=false turns it off everywhere.
 */
export function isDemoWanted(setting: boolean | null, databaseKind: Database['kind']): boolean {
  return setting ?? databaseKind === 'pglite';
}

/** On start: loads the demo if it is wanted and the database has no institution yet; null otherwise. */
export async function loadDemoOnFirstStart(database: Database, setting: boolean | null): Promise<DemoCounts | null> {
  if (!isDemoWanted(setting, database.kind) || (await hasInstitution(database.db))) return null;
  try {
    return await loadDemo(database.db);
  } catch (error) {
    // Another process starting on the same server loaded it first: nothing left to do.
    if (error instanceof DomainError && error.kind === 'conflict' && (await hasInstitution(database.db))) return null;
    throw error;
  }
}

async function insertInBatches<T extends PgTable>(tx: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.insert(table).values(rows.slice(start, start + BATCH_SIZE));
  }
}

function countsOf(data: DemoData): DemoCounts {
  return Object.fromEntries(Object.entries(data).map(([table, rows]) => [table, (rows as unknown[]).length])) as DemoCounts;
}
