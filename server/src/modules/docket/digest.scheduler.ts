import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { type Logger, createLogger } from '../../platform/logger.ts';
import type { Services } from '../../services.ts';
import { type Mailer, createSmtpMailer } from './digest.mail.ts';

export interface DigestSchedulerOptions {
  /** How often the hour is checked; a minute by default. */
  intervalMs?: number;
  /** The mailer; SMTP at VALO_SMTP_URL by default. */
  mailer?: Mailer;
  logger?: Logger;
}

/**
 * Sends the daily digest once a day, at the first check on or after VALO_DIGEST_HOUR (server time).
 * Which users already had the day's digest is kept in the database, so a restart, or a second server
 * on the same database, sends nothing twice. Without VALO_SMTP_URL it does nothing. Returns the stop
 * function, which waits for a send under way.
 */
export function startDigestScheduler(
  services: Services,
  config: Config,
  clock: Clock,
  options: DigestSchedulerOptions = {},
): () => Promise<void> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const mailer = options.mailer ?? (config.smtpUrl ? createSmtpMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null);
  if (!mailer) {
    logger.info('daily digest off: VALO_SMTP_URL is not set');
    return async () => {};
  }
  let running: Promise<void> | null = null;
  const check = () => {
    const now = clock.now();
    if (running || now.getHours() < config.digestHour) return;
    running = services.docket.digest
      .send(mailer, { day: localDay(now) })
      .then((report) => {
        if (report.messages.length > 0 || report.failed.length > 0) {
          logger.info('daily digest', { day: report.day, sent: report.messages.length, failed: report.failed });
        }
      })
      .catch((error: unknown) => logger.error('daily digest failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(check, options.intervalMs ?? 60_000);
  timer.unref();
  check();
  return async () => {
    clearInterval(timer);
    await running;
    if (!options.mailer) mailer.close();
  };
}

/** The calendar day on the server's clock, as the digest hour is. */
function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
