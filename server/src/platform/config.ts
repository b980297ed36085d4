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
  };
}
