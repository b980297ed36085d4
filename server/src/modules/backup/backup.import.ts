import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { type BackupHeader, type BackupVisitor, invalidAt } from './backup.document.ts';
import type { BackupTable } from './backup.plan.ts';
import type { BackupRepository, BackupRow } from './backup.repository.ts';
import type { BackupProgress, BackupSummary } from './backup.service.ts';
import { problemWith } from './backup.values.ts';

/**
 * Restores a backup document as it is read: checks each table and row against the schema, inserts rows
 * in batches, and fills self-references once every row is in. Runs inside the caller's transaction.
 */
export function createBackupImport(deps: {
  plan: BackupTable[];
  backups: BackupRepository;
  tx: Db;
  schemaMigration: string;
  /** Rows validated and held before they are inserted together. */
  batchRows: number;
  onProgress?: ((progress: BackupProgress) => void) | undefined;
}): BackupVisitor & { finish(): Promise<BackupSummary> } {
  const { plan, backups, tx } = deps;
  const summary: BackupSummary = [];
  const deferredRows = new Map<BackupTable, BackupRow[]>();
  let pending: BackupRow[] = [];
  let pendingFrom = 0;
  let rowCount = 0;

  function tableNamed(name: string): BackupTable {
    const table = plan[summary.length];
    if (table?.name === name) return table;
    if (!plan.some((candidate) => candidate.name === name)) throw invalidAt('tables', `unknown table ${JSON.stringify(name)}`);
    const expected = table ? `"${table.name}"` : 'the end of the tables';
    throw invalidAt(`tables.${name}`, `expected ${expected} here: a backup lists every table once, in the order valo export writes them`);
  }

  async function flush(table: BackupTable): Promise<void> {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await refusedAt(`tables.${table.name}[${pendingFrom}..${pendingFrom + rows.length - 1}]`, () => backups.insertRows(table, rows, tx));
    pendingFrom += rows.length;
  }

  return {
    async header(header: BackupHeader) {
      if (header.schemaMigration !== deps.schemaMigration) {
        throw new DomainError(
          'conflict',
          `the backup was taken at schema migration "${header.schemaMigration}" but this database is at ` +
            `"${deps.schemaMigration}": restore it with the Valo version that wrote it, then upgrade`,
        );
      }
    },

    async tableStart(name: string) {
      tableNamed(name);
      pendingFrom = 0;
      rowCount = 0;
    },

    async row(name: string, index: number, row: unknown) {
      const table = tableNamed(name);
      const path = `tables.${name}[${index}]`;
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw invalidAt(path, 'must be an object');
      const values = row as BackupRow;
      for (const key of Object.keys(values)) {
        if (!table.columns.some((column) => column.name === key)) throw invalidAt(`${path}.${key}`, `unknown column of ${name}`);
      }
      for (const column of table.columns) {
        if (!(column.name in values)) throw invalidAt(`${path}.${column.name}`, 'is missing');
        const problem = problemWith(column, values[column.name]);
        if (problem) throw invalidAt(`${path}.${column.name}`, problem);
      }
      pending.push(values);
      if (table.deferred.some((column) => values[column.name] !== null)) {
        // Only the key and the deferred references are kept until every row of the table is in.
        const kept: BackupRow = {};
        for (const column of [...table.primaryKey, ...table.deferred]) kept[column.name] = values[column.name];
        const rows = deferredRows.get(table) ?? [];
        rows.push(kept);
        deferredRows.set(table, rows);
      }
      rowCount++;
      if (pending.length >= deps.batchRows) {
        await flush(table);
        deps.onProgress?.({ table: name, rows: rowCount });
      }
    },

    async tableEnd(name: string) {
      const table = tableNamed(name);
      await flush(table);
      deps.onProgress?.({ table: name, rows: rowCount });
      summary.push({ table: name, rows: rowCount });
    },

    async finish() {
      const missing = plan[summary.length];
      if (missing) throw invalidAt('tables', `"${missing.name}" is missing`);
      for (const [table, rows] of deferredRows) {
        await refusedAt(`tables.${table.name}`, () => backups.fillDeferred(table, rows, tx));
      }
      return summary;
    },
  };
}

/** Runs a write; a row the database refuses (a broken reference, a duplicate, a failed check) is bad input. */
async function refusedAt(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const refusal = databaseRefusal(error);
    if (!refusal) throw error;
    throw invalidAt(path, `refused by the database: ${refusal}`);
  }
}

/** The message of a data or integrity error (SQLSTATE classes 22 and 23), found among the error's causes. */
function databaseRefusal(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; detail?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(candidate.code)) {
      const detail = typeof candidate.detail === 'string' && candidate.detail ? ` (${candidate.detail})` : '';
      return `${String(candidate.message)}${detail}`;
    }
    current = candidate.cause;
  }
  return null;
}
