import { getTableColumns, is } from 'drizzle-orm';
import { type PgColumn, PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../../platform/schema.ts';

/**
 * Sessions are short-lived secrets: a restored database starts with everyone signed out.
 * Everything else, users and their password hashes included, is in a backup.
 */
const LEFT_OUT = new Set(['sessions']);

export interface BackupColumn {
  /** The property name drizzle uses for the column (`parentId`). */
  key: string;
  /** The column's name in the database and in the backup (`parent_id`). */
  name: string;
  sqlType: string;
  isNullable: boolean;
  column: PgColumn;
}

export interface BackupTable {
  name: string;
  table: PgTable;
  /** In the table's column order, which is the key order of each row in the backup. */
  columns: BackupColumn[];
  primaryKey: BackupColumn[];
  /**
   * Foreign-key columns that point into the same table (organisations.parent_id) or close a cycle between
   * tables: restored as null first and filled once every row exists, so row order never matters.
   */
  deferred: BackupColumn[];
}

/** Every table of the schema but the left-out ones, in foreign-key order (referenced tables first). */
export function planBackup(tables: PgTable[] = schemaTables()): BackupTable[] {
  const described = new Map<string, Described>();
  for (const table of tables) {
    const entry = describe(table);
    if (!LEFT_OUT.has(entry.plan.name)) described.set(entry.plan.name, entry);
  }
  for (const entry of described.values()) {
    for (const key of entry.foreignKeys) {
      if (LEFT_OUT.has(key.target)) throw new Error(`backup: ${entry.plan.name} refers to ${key.target}, which backups leave out`);
      if (key.target === entry.plan.name) defer(entry, key);
    }
  }
  const ordered: string[] = [];
  while (ordered.length < described.size) {
    const remaining = [...described.keys()].filter((name) => !ordered.includes(name)).sort();
    const ready = remaining.find((name) => waitsFor(described.get(name)!).every((target) => ordered.includes(target)));
    if (ready) ordered.push(ready);
    else breakCycle(described, remaining);
  }
  return ordered.map((name) => described.get(name)!.plan);
}

interface ForeignKeyOf {
  target: string;
  columns: string[];
}

interface Described {
  plan: BackupTable;
  foreignKeys: ForeignKeyOf[];
}

function describe(table: PgTable): Described {
  const config = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)).map(
    ([key, column]): BackupColumn => ({ key, name: column.name, sqlType: column.getSQLType(), isNullable: !column.notNull, column }),
  );
  const byName = new Map(columns.map((column) => [column.name, column]));
  const keyNames = [
    ...config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)),
    ...config.columns.filter((column) => column.primary).map((column) => column.name),
  ];
  // Rows are sorted and paged by primary key: a table without one would have no stable order.
  if (keyNames.length === 0) throw new Error(`backup: table ${config.name} has no primary key`);
  return {
    plan: { name: config.name, table, columns, primaryKey: keyNames.map((name) => byName.get(name)!), deferred: [] },
    foreignKeys: config.foreignKeys.map((key) => {
      const reference = key.reference();
      return { target: getTableConfig(reference.foreignTable).name, columns: reference.columns.map((column) => column.name) };
    }),
  };
}

/** The other tables whose rows must be restored before this table's (deferred references aside). */
function waitsFor(entry: Described): string[] {
  return entry.foreignKeys
    .filter((key) => key.target !== entry.plan.name && !key.columns.every((name) => isDeferred(entry, name)))
    .map((key) => key.target);
}

function isDeferred(entry: Described, name: string): boolean {
  return entry.plan.deferred.some((column) => column.name === name);
}

function isNullable(entry: Described, key: ForeignKeyOf): boolean {
  return key.columns.every((name) => entry.plan.columns.find((column) => column.name === name)?.isNullable === true);
}

function defer(entry: Described, key: ForeignKeyOf): void {
  if (!isNullable(entry, key)) {
    throw new Error(`backup: ${entry.plan.name}.${key.columns.join(', ')} is a required reference in a cycle`);
  }
  for (const name of key.columns) {
    if (!isDeferred(entry, name)) entry.plan.deferred.push(entry.plan.columns.find((column) => column.name === name)!);
  }
}

/** Tables that refer to each other: one nullable reference is filled afterwards so the others can go first. */
function breakCycle(described: Map<string, Described>, remaining: string[]): void {
  for (const name of remaining) {
    const entry = described.get(name)!;
    const key = entry.foreignKeys.find(
      (candidate) => remaining.includes(candidate.target) && waitsFor(entry).includes(candidate.target) && isNullable(entry, candidate),
    );
    if (key) return defer(entry, key);
  }
  throw new Error(`backup: tables ${remaining.join(', ')} refer to each other through required columns`);
}

function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
}
