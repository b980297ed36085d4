import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PublicationRecord } from '#core/publication';
import type { ImportError, PortfolioChanges } from '#core/publication-corpus';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { ImportRunRepository } from './import-run.repository.ts';
import { type PortfolioIndex, buildPortfolioIndex } from './publication-match.ts';
import { linkAndApply } from './publication-linking.ts';
import { type Part, hasPart, mergedRecord, partsOf, withPart } from './publication-parts.ts';
import { type StoredRecord, canonicalRecord, recordHash, recordKey } from './publication-record.ts';
import { rowOf, storedRecordOf } from './publication-rows.ts';
import type { PublicationBatchRepository, StoredState } from './publication-batch.repository.ts';
import type { PublicationRow } from './publication.repository.ts';
import type { PublicationSource } from './readers/publication-sources.ts';
import { readPublications } from './readers/read-publications.ts';
import { type PortfolioUpdater, addChanges, noPortfolioChanges } from './portfolio-update.ts';

/** Records per transaction: one upsert, one link insert and one portfolio pass per batch. */
export const DEFAULT_BATCH_SIZE = 1000;
/** The bad records a run keeps in its report; the rest are counted. */
const KEPT_ERRORS = 1000;
/** Serialises the batches of imports running side by side, so a record read and rewritten in one batch is not changed by another meanwhile. */
const IMPORT_LOCK = 7_390_114;

/** A file to import; `origin` names it in the publications' parts (by default its name), so the same file read from elsewhere is still the same file. */
export interface ImportSource extends PublicationSource {
  origin?: string;
}

interface BatchItem {
  record: PublicationRecord;
  origin: string;
  source: string;
}

export interface ImportCounts {
  files: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  linked: number;
}

export interface ImportHooks {
  onFile?(name: string): void;
  onError?(error: ImportError): void;
  /** After each batch written, and every few hundred records read. */
  onProgress?(counts: ImportCounts): void;
}

export interface ImportResult {
  counts: ImportCounts;
  files: string[];
  errors: ImportError[];
  omittedErrors: number;
  portfolio: PortfolioChanges;
}

/**
 * Reads patent-office files into the corpus, a batch of records at a time: each record becomes its
 * file's part of the publication (see publication-parts.ts), the publications are compared with what
 * is stored and written with one upsert (only new and changed ones), matched to the portfolio, and the
 * portfolio updated, all in one transaction. A bad record is counted and reported with its file and
 * position; the others go on.
 */
export function createPublicationImporter(deps: {
  db: Db;
  publications: PublicationBatchRepository;
  runs: ImportRunRepository;
  updater: PortfolioUpdater;
  clock: Clock;
  batchSize?: number;
}) {
  const { db, publications, runs, updater, clock } = deps;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;

  async function writeBatch(batch: BatchItem[], context: { runId: string; recordedBy: string | null; index: PortfolioIndex; result: ImportResult }, tx: Db) {
    const { counts } = context.result;
    const now = clock.now().toISOString();
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const records = batch.map((item) => {
      const record = canonicalRecord(item.record);
      return { ...item, record, key: recordKey(record), hash: recordHash(record) };
    });
    const stored = new Map((await publications.findStates(records.map(({ record }) => record), tx)).map((row) => [recordKey(row), row]));
    // A publication one file gave holds its record in its columns: read them only when another file, or a
    // change, must be laid over it. A record its file already gave as it is needs nothing more.
    const rewritten = new Map<string, StoredState>();
    for (const item of records) {
      const row = stored.get(item.key);
      if (row && row.parts.length === 1 && !hasPart(row.parts, item.origin, item.hash)) rewritten.set(row.id, row);
    }
    const ownRecords = new Map((await publications.findByIds([...rewritten.keys()], tx)).map((row) => [row.id, storedRecordOf(row)]));
    const partsOfRow = (row: StoredState, item: (typeof records)[number]) =>
      partsOf(row.parts, ownRecords.get(row.id) ?? item.record);

    // Each publication's parts as stored, then with what each record of the batch says, in file order.
    // A record counts as inserted when it makes the publication, updated when it changes what the
    // publication says, else unchanged (a file repeating another's record is kept as a part all the same).
    const touched = new Map<string, { parts: Part[]; isChanged: boolean; source: string }>();
    for (const item of records) {
      const { record, origin, source, key, hash } = item;
      const existing = stored.get(key);
      const state = touched.get(key) ?? { parts: existing ? partsOfRow(existing, item) : [], isChanged: false, source };
      const parts = withPart(state.parts, origin, record, hash);
      if (state.parts.length === 0) counts.inserted += 1;
      else if (parts !== state.parts && recordHash(mergedRecord(parts)) !== recordHash(mergedRecord(state.parts))) counts.updated += 1;
      else counts.unchanged += 1;
      touched.set(key, { parts, isChanged: state.isChanged || parts !== state.parts, source: parts === state.parts ? state.source : source });
    }
    const writes: PublicationRow[] = [];
    const current: { id: string; record: StoredRecord }[] = [];
    for (const [key, { parts, isChanged, source }] of touched) {
      const existing = stored.get(key) ?? null;
      const id = existing?.id ?? randomUUID();
      current.push({ id, record: mergedRecord(parts) });
      if (isChanged) writes.push(rowOf(parts, { id, source, runId: context.runId, now, existing }));
    }
    await publications.upsert(writes, tx);

    const { linked, portfolio } = await linkAndApply(
      { publications, updater },
      { index: context.index, records: new Map(current.map(({ id, record }) => [id, record])), runId: context.runId, recordedBy: context.recordedBy, now },
      tx,
    );
    counts.linked += linked;
    addChanges(context.result.portfolio, portfolio);
    await runs.update(context.runId, { files: context.result.files, ...countColumns(counts), report: reportOf(context.result, null), heartbeatAt: now }, tx);
  }

  return {
    /** Imports every source into run `runId` (already recorded as running); the run row follows each batch. */
    async importInto(runId: string, recordedBy: string | null, sources: AsyncIterable<ImportSource>, hooks: ImportHooks = {}): Promise<ImportResult> {
      const index = buildPortfolioIndex(await publications.portfolioNumbers());
      const result: ImportResult = {
        counts: { files: 0, read: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, linked: 0 },
        files: [],
        errors: [],
        omittedErrors: 0,
        portfolio: noPortfolioChanges(),
      };
      const { counts } = result;
      let batch: BatchItem[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const records = batch;
        batch = [];
        await db.transaction((tx) => writeBatch(records, { runId, recordedBy, index, result }, tx));
        hooks.onProgress?.({ ...counts });
      };
      for await (const source of sources) {
        counts.files += 1;
        result.files.push(source.name);
        hooks.onFile?.(source.name);
        const origin = source.origin ?? source.name;
        // A publication a file gives twice is two parts of it (the second `#2`), so reading the file again repeats both.
        const seen = new Map<string, number>();
        for await (const item of readPublications(source.open(), { fileName: source.name })) {
          counts.read += 1;
          if (item.ok) {
            const key = recordKey({ ...item.record, kind: item.record.kind ?? '' });
            const occurrence = (seen.get(key) ?? 0) + 1;
            seen.set(key, occurrence);
            batch.push({ record: item.record, origin: occurrence === 1 ? origin : `${origin}#${occurrence}`, source: item.record.source });
            if (batch.length >= batchSize) await flush();
          } else {
            counts.failed += 1;
            if (result.errors.length < KEPT_ERRORS) result.errors.push(item.error);
            else result.omittedErrors += 1;
            hooks.onError?.(item.error);
          }
          if (counts.read % 250 === 0) hooks.onProgress?.({ ...counts });
        }
      }
      await flush();
      await runs.update(runId, { files: result.files, ...countColumns(counts), report: reportOf(result, null), heartbeatAt: clock.now().toISOString() });
      return result;
    },
  };
}
export type PublicationImporter = ReturnType<typeof createPublicationImporter>;

export function countColumns(counts: ImportCounts) {
  return {
    read: counts.read,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    failed: counts.failed,
    linked: counts.linked,
  };
}

export function reportOf(result: Pick<ImportResult, 'errors' | 'omittedErrors' | 'portfolio'>, message: string | null) {
  return { errors: result.errors, omittedErrors: result.omittedErrors, message, portfolio: result.portfolio };
}
