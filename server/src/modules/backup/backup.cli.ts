import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import { openRuntime } from '../../runtime.ts';
import type { BackupOptions, BackupService, BackupSummary } from './backup.service.ts';

/*
 * The `valo export` and `valo import-backup` commands: the CLI edge over the backup service, kept beside
 * it so server/src/cli.ts only routes to them.
 */

export const BACKUP_USAGE = `  export --out FILE          write every record to FILE, a portable JSON backup (confidential: it holds
                             password hashes and unpublished inventions)
  import-backup FILE         restore a backup written by \`valo export\` into an empty database`;

/** `valo export --out FILE`: exit 0 done, 1 failed, 2 bad arguments. */
export async function exportCommand(config: Config, argv: string[]): Promise<number> {
  const out = argumentsOf(argv, (values) => (typeof values.out === 'string' && values.positionals.length === 0 ? values.out : null));
  if (out === null) return usage('valo export --out FILE');
  return withBackupService(config, async (backup) => {
    const file = resolve(out);
    const summary = await backup.exportToFile(systemActor, file, progressOnTerminal('exporting'));
    report(`exported ${describe(summary)} to ${file}`);
    process.stdout.write('keep it as safe as the database: it holds password hashes and confidential records\n');
  });
}

/** `valo import-backup FILE`: exit 0 done, 1 refused (database not empty, other schema), 2 bad document. */
export async function importBackupCommand(config: Config, argv: string[]): Promise<number> {
  const given = argumentsOf(argv, (values) => (values.positionals.length === 1 ? values.positionals[0]! : null));
  if (given === null) return usage('valo import-backup FILE');
  const file = resolve(given);
  try {
    await access(file, constants.R_OK);
  } catch {
    process.stderr.write(`cannot read ${file}\n`);
    return 2;
  }
  return withBackupService(config, async (backup) => {
    const summary = await backup.importFromFile(systemActor, file, progressOnTerminal('restoring'));
    report(`restored ${describe(summary)} from ${file}`);
  });
}

function argumentsOf(
  argv: string[],
  pick: (values: { out?: string | boolean | undefined; positionals: string[] }) => string | null,
): string | null {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
    return pick({ out: values.out, positionals });
  } catch {
    return null;
  }
}

function usage(text: string): number {
  process.stderr.write(`usage: ${text}\n`);
  return 2;
}

async function withBackupService(config: Config, run: (backup: BackupService) => Promise<void>): Promise<number> {
  const services = await openRuntime(config);
  try {
    await run(services.backup);
    return 0;
  } finally {
    clearProgress();
    await services.database.close();
  }
}

/** A progress line on stderr, rewritten in place, when a person is watching. */
function progressOnTerminal(verb: string): BackupOptions {
  if (!process.stderr.isTTY) return {};
  return { onProgress: ({ table, rows }) => void process.stderr.write(`\r\x1b[K${verb} ${table}: ${rows.toLocaleString('en')} rows`) };
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

function report(line: string): void {
  clearProgress();
  process.stdout.write(`${line}\n`);
}

function describe(summary: BackupSummary): string {
  const rows = summary.reduce((total, entry) => total + entry.rows, 0);
  return `${rows.toLocaleString('en')} rows of ${summary.length} tables`;
}
