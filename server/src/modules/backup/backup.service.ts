import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Actor, requireRole } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  documentEnd,
  documentStart,
  readBackupDocument,
  rowLine,
  tableEnd,
  tableStart,
} from './backup.document.ts';
import { createBackupImport } from './backup.import.ts';
import { type BackupTable, planBackup } from './backup.plan.ts';
import type { BackupRepository, BackupRow } from './backup.repository.ts';

/** Rows read per query when exporting: memory holds one page, whatever the size of the database. */
const PAGE_SIZE = 5_000;
/** Rows inserted per statement when importing. */
const BATCH_ROWS = 1_000;

export interface BackupProgress {
  table: string;
  /** Rows of this table done so far. */
  rows: number;
}

/** Where an export goes, chunk by chunk, in order. */
export type BackupSink = (chunk: string) => Promise<void>;

export interface BackupOptions {
  onProgress?: (progress: BackupProgress) => void;
}

/** Row counts per table, in backup order. */
export type BackupSummary = { table: string; rows: number }[];

/**
 * A portable backup of the whole database as one JSON document (`valo export`), restored into an empty
 * database by `valo import-backup`; it moves data between PGlite and PostgreSQL. Admins only: a backup
 * holds every record, confidential inventions and password hashes included.
 */
export function createBackupService(deps: { db: Db; backups: BackupRepository; pageSize?: number; batchRows?: number }) {
  const { db, backups } = deps;
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  const batchRows = deps.batchRows ?? BATCH_ROWS;
  const plan = planBackup();

  async function schemaMigration(tx: Db): Promise<string> {
    const latest = await backups.latestMigration(tx);
    if (latest === null) throw new DomainError('conflict', 'the database has no schema yet: run `valo migrate` first');
    return latest;
  }

  async function writeTable(tx: Db, table: BackupTable, to: { isFirst: boolean; write: BackupSink } & BackupOptions) {
    const { write } = to;
    await write(tableStart(table.name, to.isFirst));
    let rows = 0;
    let after: BackupRow | null = null;
    for (;;) {
      const page = await backups.readPage(table, after, pageSize, tx);
      if (page.length > 0) await write(page.map((row, index) => rowLine(row, rows === 0 && index === 0)).join(''));
      rows += page.length;
      to.onProgress?.({ table: table.name, rows });
      if (page.length < pageSize) break;
      after = page[page.length - 1]!;
    }
    await write(tableEnd(rows > 0));
    return { table: table.name, rows };
  }

  const service = {
    /**
     * Writes the whole database to `write`, table by table in foreign-key order, rows in primary-key order,
     * from one consistent snapshot. The same data always gives the same bytes.
     */
    async exportBackup(actor: Actor, write: BackupSink, options: BackupOptions = {}): Promise<BackupSummary> {
      requireRole(actor, 'admin');
      // One read-only snapshot, so a backup taken while Valo serves is still consistent.
      return db.transaction(
        async (tx) => {
          await write(documentStart(await schemaMigration(tx)));
          const summary: BackupSummary = [];
          for (const [index, table] of plan.entries()) summary.push(await writeTable(tx, table, { isFirst: index === 0, write, ...options }));
          await write(documentEnd);
          return summary;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },

    /**
     * Restores a backup into an empty, migrated database, in one transaction: a refused or broken
     * document leaves the database as it was.
     */
    async importBackup(actor: Actor, chunks: AsyncIterable<string>, options: BackupOptions = {}): Promise<BackupSummary> {
      requireRole(actor, 'admin');
      return db.transaction(async (tx) => {
        const filled = await backups.tablesWithRows(tx);
        if (filled.length > 0) {
          throw new DomainError(
            'conflict',
            `the database is not empty (${filled.slice(0, 3).join(', ')}${filled.length > 3 ? '…' : ''} hold rows): ` +
              'a backup is restored into an empty, migrated database only',
          );
        }
        const restore = createBackupImport({
          plan,
          backups,
          tx,
          schemaMigration: await schemaMigration(tx),
          batchRows,
          onProgress: options.onProgress,
        });
        await readBackupDocument(chunks, restore);
        return restore.finish();
      });
    },

    /** Exports to `file` through a temporary file renamed at the end, so a file there is always whole. */
    async exportToFile(actor: Actor, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
      requireRole(actor, 'admin');
      const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        const summary = await service.exportBackup(actor, (chunk) => handle.writeFile(chunk), options);
        await handle.sync();
        await handle.close();
        await rename(temporary, file);
        return summary;
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async importFromFile(actor: Actor, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
      requireRole(actor, 'admin');
      return service.importBackup(actor, createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }), options);
    },
  };
  return service;
}
export type BackupService = ReturnType<typeof createBackupService>;
