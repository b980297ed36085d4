import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database handle or a transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Opens the embedded PostgreSQL (PGlite) in `dataDir`, or in memory when `dataDir` is `memory`,
 * or a PostgreSQL server when `databaseUrl` is given. Both run the same migrations and queries.
 */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // A connection the server closes while idle (restart, administrator command) is reported here; the
    // pool opens a new one for the next query. Without a listener the error would end the process.
    pool.on('error', (error) => {
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', message: 'database connection closed by the server', error: error.message })}\n`);
    });
    // Fail early with a clear message when the server is not there.
    const client = await pool.connect().catch((error: unknown) => {
      void pool.end();
      throw new Error(`Cannot connect to DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
    });
    client.release();
    const db = drizzlePg(pool, { schema });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const inMemory = options.dataDir === 'memory';
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(options.dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * Runs queries one after another. A transaction holds one connection, and node-postgres does not take a
 * second query on a connection while one is running, so queries that may run inside a transaction are
 * awaited in turn rather than with Promise.all.
 */
export async function inOrder<T extends readonly unknown[]>(queries: readonly [...{ [K in keyof T]: PromiseLike<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as unknown as T;
}

/**
 * Refreshes the query planner's statistics. A PostgreSQL server's autovacuum does it by itself; PGlite
 * runs no background workers, so without this the planner would keep the statistics of an empty
 * database and choose slow plans on a large portfolio. Called at start and after bulk loads.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind === 'pglite') await database.db.execute(sql`analyze`);
}
