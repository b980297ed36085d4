import { type SQL, sql } from 'drizzle-orm';
import type { BackupColumn } from './backup.plan.ts';

/*
 * How each kind of column is written to a backup and checked when read back. The database renders every
 * value as JSON text itself, so PGlite and a PostgreSQL server (whatever their TimeZone, DateStyle or
 * driver) give the same bytes.
 */

const TIMESTAMPTZ = /^timestamp(\s*\(\d+\))? with time zone$/;
const TIMESTAMP = /^timestamp(\s*\(\d+\))?( without time zone)?$/;
const INTEGER = /^(smallint|integer|bigint|serial|smallserial|bigserial)$/;
const DECIMAL = /^(numeric|decimal|real|double precision)(\s*\(.*\))?$/;
const TEXT = /^(text|varchar|character varying|char|character)(\s*\(\d+\))?$/;
const JSON_TYPE = /^jsonb?$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The SQL that reads one column as JSON text: timestamps in UTC with milliseconds, dates as YYYY-MM-DD,
 * numerics as JSON numbers, booleans as booleans, anything else as PostgreSQL's own JSON for it.
 */
export function selectAsJson(column: BackupColumn): SQL {
  const name = sql.identifier(column.name);
  if (TIMESTAMPTZ.test(column.sqlType)) {
    return sql`to_json(to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;
  }
  if (TIMESTAMP.test(column.sqlType)) return sql`to_json(to_char(${name}, 'YYYY-MM-DD"T"HH24:MI:SS.MS'))::text`;
  if (column.sqlType === 'date') return sql`to_json(to_char(${name}, 'YYYY-MM-DD'))::text`;
  return sql`to_json(${name})::text`;
}

/** Sorts text keys by code point, not by the server's locale, so both databases give the same order. */
export function orderable(column: BackupColumn): SQL {
  const name = sql.identifier(column.name);
  return TEXT.test(column.sqlType) ? sql`${name} collate "C"` : sql`${name}`;
}

/** A key value from a backup row, typed for comparison in SQL. */
export function typedValue(column: BackupColumn, value: unknown): SQL {
  const literal = sql`${value === null ? null : column.column.mapToDriverValue(value)}`;
  return TEXT.test(column.sqlType) ? sql`${literal}::text collate "C"` : sql`cast(${literal} as ${sql.raw(column.sqlType)})`;
}

/** What is wrong with `value` for this column, or null when it fits. The database checks the rest. */
export function problemWith(column: BackupColumn, value: unknown): string | null {
  if (value === null) return column.isNullable ? null : 'must not be null';
  const type = column.sqlType;
  if (TIMESTAMPTZ.test(type)) return isInstant(value, ISO_TIMESTAMPTZ) ? null : 'must be a UTC timestamp like 2026-03-02T09:00:00.000Z';
  if (TIMESTAMP.test(type)) return isInstant(value, ISO_TIMESTAMP) ? null : 'must be a timestamp like 2026-03-02T09:00:00.000';
  if (type === 'date') return isInstant(value, ISO_DATE) ? null : 'must be a date like 2026-03-02';
  if (type === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (INTEGER.test(type)) return Number.isSafeInteger(value) ? null : 'must be a whole number';
  if (DECIMAL.test(type)) return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
  if (type === 'uuid') return typeof value === 'string' && UUID.test(value) ? null : 'must be a UUID';
  if (JSON_TYPE.test(type)) return null;
  if (TEXT.test(type)) {
    if (typeof value !== 'string') return 'must be a string';
    const allowed = column.column.enumValues;
    if (allowed && allowed.length > 0 && !allowed.includes(value)) return `must be one of ${allowed.join(', ')}`;
    return null;
  }
  return null;
}

function isInstant(value: unknown, pattern: RegExp): boolean {
  if (typeof value !== 'string' || !pattern.test(value)) return false;
  const parsed = new Date(pattern === ISO_TIMESTAMP ? `${value}Z` : value);
  // Date.parse rolls 2026-02-30 over to March: a real date prints back as itself.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value.slice(0, 10));
}
