import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db.ts';
import * as schema from '../../platform/schema.ts';
import type { BackupColumn, BackupTable } from './backup.plan.ts';
import { orderable, selectAsJson, typedValue } from './backup.values.ts';

const defaultMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');

/** A row as it is written to a backup: column name to JSON value, in the table's column order. */
export type BackupRow = Record<string, unknown>;

/** Keeps each statement well under PostgreSQL's 65,535 bound parameters. */
const MAX_PARAMETERS = 30_000;

export function createBackupRepository(db: Db, options: { migrationsFolder?: string } = {}) {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;

  return {
    /** The tables of the schema (sessions included) that hold at least one row. */
    async tablesWithRows(tx: Db = db): Promise<string[]> {
      const names: string[] = [];
      for (const table of (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable))) {
        const [row] = rowsOf(await tx.execute(sql`select exists (select 1 from ${table}) as "hasRows"`));
        if (row?.hasRows === true) names.push(getTableConfig(table).name);
      }
      return names.sort();
    },

    /** Up to `limit` rows after the key `after` (null: from the start), in primary-key order. */
    async readPage(plan: BackupTable, after: BackupRow | null, limit: number, tx: Db = db): Promise<BackupRow[]> {
      const keys = plan.primaryKey;
      const selected = plan.columns.map((column, index) => sql`${selectAsJson(column)} as ${sql.identifier(`c${index}`)}`);
      const where = after
        ? sql`where (${sql.join(keys.map(orderable), sql`, `)}) > (${sql.join(keys.map((key) => typedValue(key, after[key.name])), sql`, `)})`
        : sql``;
      const query = sql`select ${sql.join(selected, sql`, `)} from ${plan.table} ${where}
        order by ${sql.join(keys.map(orderable), sql`, `)} limit ${limit}`;
      return rowsOf(await tx.execute(query)).map((cells) => {
        const row: BackupRow = {};
        plan.columns.forEach((column, index) => {
          const text = cells[`c${index}`];
          row[column.name] = typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
        });
        return row;
      });
    },

    /** Inserts backup rows; deferred columns go in as null and are filled by `fillDeferred`. */
    async insertRows(plan: BackupTable, rows: BackupRow[], tx: Db = db): Promise<void> {
      for (const batch of batches(rows, plan.columns.length)) {
        const values = batch.map((row) => {
          const value: Record<string, unknown> = {};
          for (const column of plan.columns) value[column.key] = plan.deferred.includes(column) ? null : row[column.name];
          return value;
        });
        await tx.insert(plan.table).values(values);
      }
    },

    /** Sets the deferred columns of rows already inserted, matched by primary key. */
    async fillDeferred(plan: BackupTable, rows: BackupRow[], tx: Db = db): Promise<void> {
      const columns = [...plan.primaryKey, ...plan.deferred];
      for (const batch of batches(rows, columns.length)) {
        const values = batch.map((row) => sql`(${sql.join(columns.map((column) => driverValue(column, row[column.name])), sql`, `)})`);
        const names = sql.join(columns.map((column) => sql.identifier(column.name)), sql`, `);
        const set = plan.deferred.map((column) => sql`${sql.identifier(column.name)} = ${castFrom(column)}`);
        const match = plan.primaryKey.map((column) => sql`${plan.table}.${sql.identifier(column.name)} = ${castFrom(column)}`);
        await tx.execute(sql`update ${plan.table} set ${sql.join(set, sql`, `)}
          from (values ${sql.join(values, sql`, `)}) as v (${names}) where ${sql.join(match, sql` and `)}`);
      }
    },

    /**
     * The latest migration applied to the database, by the tag drizzle-kit gave it in the journal
     * (`0000_init`); null when none is.
     */
    async latestMigration(tx: Db = db): Promise<string | null> {
      const [row] = rowsOf(
        await tx.execute(sql`select created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at desc limit 1`),
      );
      if (!row) return null;
      const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
        entries: { when: number; tag: string }[];
      };
      const entry = journal.entries.find((candidate) => String(candidate.when) === row.createdAt);
      // A database migrated by a newer Valo than this one has a migration the journal does not list.
      return entry?.tag ?? `unknown migration of ${new Date(Number(row.createdAt)).toISOString()}`;
    },
  };
}
export type BackupRepository = ReturnType<typeof createBackupRepository>;

function batches<T>(rows: T[], columnCount: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columnCount)));
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

function driverValue(column: BackupColumn, value: unknown): SQL {
  return sql`${value === null || value === undefined ? null : column.column.mapToDriverValue(value)}`;
}

function castFrom(column: BackupColumn): SQL {
  return sql`cast(v.${sql.identifier(column.name)} as ${sql.raw(column.sqlType)})`;
}

/** Both drivers answer `execute` with `{ rows }`; this reads it without trusting the shape blindly. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('the database answered without rows');
  return rows as Record<string, unknown>[];
}
