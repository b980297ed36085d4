import type { Config } from '../../../platform/config.ts';
import { openRuntime } from '../../../runtime.ts';
import type { DueSyncReport, OpsSyncService } from './ops-sync.service.ts';

/** Where `valo ops sync` writes, and the clock its progress reads. */
export interface OpsSyncIo {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  now(): number;
}

export interface OpsSyncArgs {
  /** Family ids or references; none: the families due. */
  names: string[];
  /** Every live family, whatever its last sync. */
  all: boolean;
  /** Ask OPS afresh instead of using recent cached answers. */
  fresh: boolean;
}

export const processOpsSyncIo: OpsSyncIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
};

/** `valo ops sync` on the configured database and OPS account (VALO_OPS_*). */
export async function opsSyncCommand(config: Config, args: OpsSyncArgs): Promise<number> {
  const services = await openRuntime(config);
  try {
    return await runOpsSync(args, { sync: services.publications.sync, io: processOpsSyncIo });
  } finally {
    await services.database.close();
  }
}

/** Families at most, when none is named: enough for any portfolio, a bound for the query. */
const EVERY_FAMILY = 1_000_000;

/**
 * `valo ops sync`: the scheduler's work done now, in the foreground, for an operator: the families
 * named, or every family due (`--all`: every live family). A progress line on standard error (a bar
 * redrawn in a terminal, a line every five seconds in a log), a summary on standard output.
 * Exit codes: 0 every family synced; 1 a family failed or OPS stopped the run; 2 a name matched no
 * family, or OPS is not configured.
 */
export async function runOpsSync(args: OpsSyncArgs, deps: { sync: OpsSyncService; io: OpsSyncIo }): Promise<number> {
  const { sync, io } = deps;
  if (!sync.isEnabled) {
    io.stderr(`${sync.disabledReason ?? 'EPO OPS is not configured'}\n`);
    return 2;
  }
  let assetIds: string[] | undefined;
  if (args.names.length > 0) {
    const named = await sync.familiesNamed(args.names);
    if (named.unknown.length > 0) {
      io.stderr(`no patent family with the id or reference ${named.unknown.join(', ')}\n`);
      return 2;
    }
    assetIds = named.assetIds;
  }
  const startedAt = io.now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let failed = 0;
  const report = await sync.syncDue(EVERY_FAMILY, {
    assetIds,
    everyFamily: args.all,
    fresh: args.fresh,
    onFamily: (done, total, family) => {
      if (family.status === 'failed') {
        failed += 1;
        if (io.isTTY) io.stderr('\r\x1b[K');
        io.stderr(`family ${family.assetId}: ${family.message ?? 'failed'}\n`);
      }
      const now = io.now();
      if (done < total && now - drawnAt < (io.isTTY ? 100 : 5000)) return;
      drawnAt = now;
      const line = progressLine(done, total, failed, (now - startedAt) / 1000);
      io.stderr(io.isTTY ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
    },
  });
  io.stdout(summary(report));
  return report.stoppedBy !== null || report.families.some((family) => family.status === 'failed') ? 1 : 0;
}

function progressLine(done: number, total: number, failed: number, seconds: number): string {
  const width = 24;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const perMinute = seconds > 0 ? Math.round((done / seconds) * 60) : 0;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor((done / Math.max(1, total)) * 100)).padStart(3)}% ` +
    `family ${done}/${total}  ${perMinute} families/min${failed > 0 ? `  ${failed} failed` : ''}`
  );
}

function summary(report: DueSyncReport): string {
  const ok = report.families.filter((family) => family.status === 'ok').length;
  const count = report.families.length;
  const lines = [`${count} ${count === 1 ? 'family' : 'families'} synced with EPO OPS: ${ok} ok, ${count - ok} failed`];
  if (report.stoppedBy !== null) lines.push(`stopped: ${report.stoppedBy}`);
  if (report.usage.individualQuotaPerHourUsed !== null) {
    lines.push(`quota used: ${report.usage.individualQuotaPerHourUsed.toLocaleString('en')} bytes this hour, ${(report.usage.registeredQuotaPerWeekUsed ?? 0).toLocaleString('en')} this week`);
  }
  return `${lines.join('\n')}\n`;
}
