import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when DATABASE_URL is set (as
 * `.ci/run` does), a new database on that PostgreSQL server, dropped afterwards.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory' });
    await database.migrate();
    return database;
  }
  const name = `valo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory' });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `DATABASE_URL is set but its server does not answer (${error instanceof Error ? error.message : String(error)}). ` +
        'Start PostgreSQL as .ci/run does, or unset DATABASE_URL to test on PGlite.',
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
