import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import { OpsError } from './ops-errors.ts';

/*
 * OPS authentication (reference guide 2.3.2): OAuth 2.0 client credentials. POST
 * `<base>/3.2/auth/accesstoken` with `Authorization: Basic base64(key:secret)` and the form body
 * `grant_type=client_credentials`; the JSON answer gives `access_token` and `expires_in` (seconds, as a
 * string: "1199", twenty minutes). Data requests then carry `Authorization: Bearer <token>`.
 */

export interface OpsTokenSource {
  /** A token valid for at least another minute: the one held, or a new one. */
  token(): Promise<string>;
  /** Forgets `token` after OPS refused it, so the next call fetches another. */
  invalidate(token: string): void;
}

export interface OpsTokenOptions {
  tokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  timeoutMs: number;
}

/** Renewed this long before it expires, so a token never runs out between being read and being used. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

export function createOpsTokenSource(options: OpsTokenOptions): OpsTokenSource {
  let held: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`, 'utf8').toString('base64');
    let response: Response;
    let body: string;
    try {
      response = await options.fetch(options.tokenUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      throw new OpsError('unavailable', `EPO OPS token request failed: ${describeNetworkError(error)}`, { url: options.tokenUrl });
    }
    const details = { status: response.status, url: options.tokenUrl };
    if (response.status === 400 || response.status === 401) {
      throw new OpsError(
        'unauthorized',
        `EPO OPS refused the consumer key and secret (VALO_OPS_KEY, VALO_OPS_SECRET): HTTP ${response.status} ${describeTokenError(body)}`.trim(),
        details,
      );
    }
    if (response.status === 403) {
      const reason = response.headers.get('x-rejection-reason');
      throw new OpsError(reason ? 'quota' : 'forbidden', `EPO OPS refused a token: HTTP 403${reason ? ` (${reason})` : ''}`, { ...details, rejectionReason: reason });
    }
    if (response.status === 429 || response.status >= 500) {
      throw new OpsError('unavailable', `EPO OPS token request answered HTTP ${response.status}`, details);
    }
    const parsed = response.status === 200 ? TokenAnswer.safeParse(parseJson(body)) : null;
    if (!parsed?.success) {
      throw new OpsError('failed', `EPO OPS token request answered HTTP ${response.status} without an access_token and expires_in`, details);
    }
    held = { token: parsed.data.access_token, expiresAt: options.clock.now().getTime() + parsed.data.expires_in * 1000 };
    return held.token;
  }

  return {
    token() {
      if (held && options.clock.now().getTime() < held.expiresAt - RENEW_BEFORE_EXPIRY_MS) return Promise.resolve(held.token);
      // Concurrent callers share one token request.
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (held?.token === token) held = null;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `invalid_client: …` from an OAuth error answer, or nothing when there is none. */
function describeTokenError(body: string): string {
  const answer = parseJson(body);
  if (answer && typeof answer === 'object') {
    const { error, error_description: description } = answer as Record<string, unknown>;
    return [error, description].filter((part) => typeof part === 'string' && part !== '').join(': ');
  }
  return '';
}

/** fetch reports a refused connection as `TypeError: fetch failed` with the reason in `cause`. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
