import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  VALO_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres://' })
    .optional(),
  /** Set when Valo is served over HTTPS (directly or behind a proxy): session cookies get `Secure`. */
  VALO_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  VALO_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  VALO_LOG: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** Load the demo institution on first start: by default on the embedded database only. */
  VALO_DEMO: z.enum(['true', 'false']).optional(),
  /** The SMTP server the daily digest goes through (smtp://host:port, smtps://user:password@host:465); no digest without it. */
  VALO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  VALO_MAIL_FROM: z.string().min(3).default('Valo <valo@localhost>'),
  /** The hour (0–23, server time) the daily digest goes out. */
  VALO_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The consumer key and secret of an EPO Open Patent Services account; without both, OPS is not used. */
  VALO_OPS_KEY: z.string().optional(),
  VALO_OPS_SECRET: z.string().optional(),
  VALO_OPS_URL: z.string().regex(/^https?:\/\//, { error: 'must start with http:// or https://' }).default('https://ops.epo.org'),
  /** The largest file the import page takes, in MB; bigger ones go through `valo import` on the server. */
  VALO_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024 * 1024).default(2048),
  /** How many days pass before the scheduler syncs a family with OPS again. */
  VALO_OPS_SYNC_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** How many families the scheduler syncs every ten minutes; 0 turns the scheduled sync off ("sync now" stays). */
  VALO_OPS_SYNC_BATCH: z.coerce.number().int().min(0).max(1000).default(25),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secureCookies: boolean;
  sessionHours: number;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** VALO_DEMO: true or false when set; null leaves the choice to the kind of database. */
  demo: boolean | null;
  smtpUrl: string | undefined;
  mailFrom: string;
  digestHour: number;
  opsKey: string | undefined;
  opsSecret: string | undefined;
  opsUrl: string;
  opsSyncDays: number;
  opsSyncBatch: number;
  maxUploadBytes: number;
}

/** Reads the environment once; everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.VALO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secureCookies: e.VALO_SECURE_COOKIES === 'true',
    sessionHours: e.VALO_SESSION_HOURS,
    logLevel: e.VALO_LOG,
    demo: e.VALO_DEMO === undefined ? null : e.VALO_DEMO === 'true',
    smtpUrl: e.VALO_SMTP_URL,
    mailFrom: e.VALO_MAIL_FROM,
    digestHour: e.VALO_DIGEST_HOUR,
    opsKey: e.VALO_OPS_KEY || undefined,
    opsSecret: e.VALO_OPS_SECRET || undefined,
    opsUrl: e.VALO_OPS_URL,
    opsSyncDays: e.VALO_OPS_SYNC_DAYS,
    opsSyncBatch: e.VALO_OPS_SYNC_BATCH,
    maxUploadBytes: e.VALO_MAX_UPLOAD_MB * 1024 * 1024,
  };
}
