import type { Clock } from '../../../platform/clock.ts';
import type { Logger } from '../../../platform/logger.ts';
import { OpsError, faultOf } from './ops-errors.ts';
import type { OpsService, OpsThrottle, OpsThrottling } from './ops-throttle.ts';
import { retryAfterMs } from './ops-throttle.ts';
import { describeNetworkError, type OpsTokenSource } from './ops-token.ts';

/*
 * One GET to OPS, done right: a turn from the throttle, a bearer token (renewed once when OPS refuses
 * it), and retries with exponential backoff and jitter while OPS is overloaded (429, 500, 502, 503,
 * 504) or unreachable, within a bound on attempts and on total time. A 400, 403 or 404 is an answer,
 * not a hiccup: asking again would get the same, or, for a spent quota, make it worse.
 */

export interface OpsUsage {
  /** The last `X-Throttling-Control` read, null before the first answer. */
  throttling: OpsThrottling | null;
  /** Bytes used this hour and this week (`X-IndividualQuotaPerHour-Used`, `X-RegisteredQuotaPerWeek-Used`). */
  individualQuotaPerHourUsed: number | null;
  registeredQuotaPerWeekUsed: number | null;
}

export interface OpsGet {
  url: string;
  service: OpsService;
  accept: string;
  /** Names the request in errors: `biblio of EP2400812`. */
  label: string;
  /** Validators of a cached answer: OPS may answer 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface OpsHttpAnswer {
  status: 200 | 304 | 404;
  body: string;
  headers: Headers;
  attempts: number;
}

export interface OpsTransportOptions {
  tokens: OpsTokenSource;
  throttle: OpsThrottle;
  fetch: typeof fetch;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random: () => number;
  /** Sends after the first one; 4 means at most 5 sends. */
  maxRetries: number;
  /** No retry is started once this much time has gone since the first send. */
  maxRetryTimeMs: number;
  /** The first backoff; each retry doubles it, up to maxDelayMs, then takes a random 50–100 % of it. */
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  /** Told of each retry, so an operator sees why a sync takes long. */
  logger?: Logger;
}

export interface OpsTransport {
  /** 200 with the body, 304 when a conditional request matched, 404 only when `allowNotFound`. */
  get(request: OpsGet, allowNotFound?: boolean): Promise<OpsHttpAnswer>;
  usage(): OpsUsage;
}

const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export function createOpsTransport(options: OpsTransportOptions): OpsTransport {
  const usage: OpsUsage = { throttling: null, individualQuotaPerHourUsed: null, registeredQuotaPerWeekUsed: null };

  function observe(service: OpsService, headers: Headers) {
    options.throttle.observe(service, headers);
    usage.throttling = options.throttle.last();
    usage.individualQuotaPerHourUsed = integerHeader(headers, 'x-individualquotaperhour-used') ?? usage.individualQuotaPerHourUsed;
    usage.registeredQuotaPerWeekUsed = integerHeader(headers, 'x-registeredquotaperweek-used') ?? usage.registeredQuotaPerWeekUsed;
  }

  async function send(request: OpsGet): Promise<{ response: Response; body: string; token: string }> {
    await options.throttle.waitTurn(request.service);
    const token = await options.tokens.token();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: request.accept };
    if (request.etag) headers['If-None-Match'] = request.etag;
    if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;
    try {
      const response = await options.fetch(request.url, { headers, signal: AbortSignal.timeout(options.timeoutMs) });
      return { response, body: await response.text(), token };
    } catch (error) {
      throw new OpsError('unavailable', describeNetworkError(error), { url: request.url });
    }
  }

  return {
    usage: () => ({ ...usage }),
    async get(request, allowNotFound = false) {
      const started = options.clock.now().getTime();
      let renewedToken = false;
      for (let attempt = 1; ; attempt++) {
        let failure: string;
        let retryAfter: number | null = null;
        let status: number | null = null;
        try {
          const { response, body, token } = await send(request);
          status = response.status;
          observe(request.service, response.headers);
          if (status === 200 || status === 304 || (status === 404 && allowNotFound)) return { status, body, headers: response.headers, attempts: attempt };
          const fault = faultOf(body);
          if (isRefusedToken(status, fault.code, fault.message) && !renewedToken) {
            // An expired or revoked token: renew it once, without counting an attempt or backing off.
            renewedToken = true;
            options.tokens.invalidate(token);
            attempt -= 1;
            continue;
          }
          if (!RETRIED_STATUSES.has(status)) throw answerError(request, response, fault, attempt);
          failure = `HTTP ${status}${fault.code ? ` ${fault.code}` : ''}`;
          retryAfter = retryAfterMs(response.headers.get('retry-after'), options.clock.now());
        } catch (error) {
          if (!(error instanceof OpsError) || error.kind !== 'unavailable') throw error;
          failure = error.message;
        }
        const elapsed = options.clock.now().getTime() - started;
        const delay = Math.max(retryAfter ?? 0, backoff(attempt, options));
        if (attempt > options.maxRetries || elapsed + delay > options.maxRetryTimeMs) {
          const seconds = Math.round(elapsed / 1000);
          throw new OpsError(
            'unavailable',
            `EPO OPS did not answer the ${request.label} after ${attempt} attempt${attempt === 1 ? '' : 's'} over ${seconds} s (last: ${failure}); try again later`,
            { status, attempts: attempt, url: request.url },
          );
        }
        options.logger?.info('EPO OPS request retried', { request: request.label, attempt, failure, waitMs: delay });
        await options.sleep(delay);
      }
    },
  };
}

/** Exponential backoff with "equal jitter": half of it fixed, half random, so retries neither collapse nor align. */
function backoff(attempt: number, options: Pick<OpsTransportOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** OPS answers an expired token with 401, or with 400 and `CLIENT.InvalidAccessToken` ("Access token has expired"). */
function isRefusedToken(status: number, code: string | null, message: string | null): boolean {
  if (status === 401) return true;
  return status === 400 && (code === 'CLIENT.InvalidAccessToken' || /access.?token/i.test(message ?? ''));
}

function answerError(request: OpsGet, response: Response, fault: { code: string | null; message: string | null }, attempts: number): OpsError {
  const status = response.status;
  const said = [fault.code, fault.message].filter(Boolean).join(': ');
  const details = { status, code: fault.code, attempts, url: request.url };
  const reason = response.headers.get('x-rejection-reason');
  if (status === 403 && (reason || /quota|fair.?use/i.test(said))) {
    return new OpsError(
      'quota',
      `EPO OPS refused the ${request.label}: the fair-use quota is spent (${reason ?? said}); OPS takes requests again when that quota resets, nothing was retried`,
      { ...details, rejectionReason: reason },
    );
  }
  switch (status) {
    case 401:
      return new OpsError('unauthorized', `EPO OPS refused a fresh access token for the ${request.label} (${said || 'HTTP 401'})`, details);
    case 403:
      return new OpsError('forbidden', `EPO OPS refused the ${request.label} (${said || 'HTTP 403'})`, details);
    case 404:
      return new OpsError('not_found', `EPO OPS has no ${request.label} (${said || 'HTTP 404'})`, details);
    case 400:
      return new OpsError('bad_request', `EPO OPS rejected the request for the ${request.label} (${said || 'HTTP 400'})`, details);
    default:
      return new OpsError('failed', `EPO OPS answered the ${request.label} with HTTP ${status}${said ? ` (${said})` : ''}`, details);
  }
}

function integerHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}
