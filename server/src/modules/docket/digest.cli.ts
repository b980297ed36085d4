import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import { openRuntime } from '../../runtime.ts';
import { createSmtpMailer } from './digest.mail.ts';
import type { DigestReport } from './digest.service.ts';

/*
 * `valo digest send [--dry-run]`: the CLI edge over the digest service, kept beside it so
 * server/src/cli.ts only routes to it.
 */

export const DIGEST_USAGE = `  digest send [--dry-run]    send today's deadline digest to the officers and admins who have not had it
                             (VALO_SMTP_URL, VALO_MAIL_FROM); --dry-run lists the messages without sending`;

/** What the command writes to, so tests can run it without a process. */
export interface DigestCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processDigestIo: DigestCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** `argv` is what follows `digest`. Exit codes: 0 done, 1 a message could not be sent, 2 bad arguments or no SMTP server. */
export async function digestCommand(config: Config, argv: string[], io: DigestCliIo = processDigestIo): Promise<number> {
  let dryRun: boolean;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || positionals[0] !== 'send') throw new Error('expected: send');
    dryRun = values['dry-run'] === true;
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\nusage: valo digest send [--dry-run]\n`);
    return 2;
  }
  if (!dryRun && !config.smtpUrl) {
    io.stderr('VALO_SMTP_URL: is required to send the digest (smtp://host:port); --dry-run works without it\n');
    return 2;
  }
  const services = await openRuntime(config);
  const mailer = !dryRun && config.smtpUrl ? createSmtpMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null;
  try {
    const report = mailer ? await services.docket.digest.send(mailer) : await services.docket.digest.preview();
    io.stdout(describe(report, dryRun));
    for (const failure of report.failed) io.stderr(`not sent to ${failure.to}: ${failure.error}\n`);
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    mailer?.close();
    await services.database.close();
  }
}

function describe(report: DigestReport, dryRun: boolean): string {
  const lines = report.messages.map((message) => `${dryRun ? 'would send' : 'sent'} to ${message.to}: ${message.subject}`);
  lines.push(
    `${report.day}: ${report.messages.length} digest(s) ${dryRun ? 'to send' : 'sent'}, ${report.withNothingDue} user(s) with nothing due`,
  );
  return `${lines.join('\n')}\n`;
}
