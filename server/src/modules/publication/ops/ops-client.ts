import { join } from 'node:path';
import type { PublicationRecord } from '#core/publication';
import { systemClock, type Clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import { readPublications, type ReadError } from '../readers/read-publications.ts';
import { createFileOpsCache, createMemoryOpsCache, opsCacheKey, type OpsCache } from './ops-cache.ts';
import {
  DEFAULT_MAX_AGE_MS,
  opsSearchTarget,
  opsTarget,
  parseOpsNumber,
  type OpsNumber,
  type OpsNumberFormat,
  type OpsOperation,
  type OpsReferenceType,
  type OpsRequestTarget,
  type OpsSearchOptions,
} from './ops-endpoints.ts';
import { OpsError } from './ops-errors.ts';
import { createOpsThrottle } from './ops-throttle.ts';
import { createOpsTokenSource } from './ops-token.ts';
import { createOpsTransport, type OpsUsage } from './ops-transport.ts';

/*
 * The EPO Open Patent Services client: each operation returns OPS's XML as received and the
 * publications read from it (the same readers as `valo publications parse`). Answers are kept in a
 * cache for a while per operation, so a scheduled sync does not spend the fair-use quota twice.
 */

export interface OpsClientOptions {
  /** `https://ops.epo.org` (VALO_OPS_URL), or a replay server in tests. */
  baseUrl: string;
  /** VALO_OPS_KEY and VALO_OPS_SECRET: without both, the client is disabled and says so. */
  consumerKey: string | undefined;
  consumerSecret: string | undefined;
  fetch?: typeof fetch;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Defaults to an in-memory cache; the server passes a file cache under the data folder. */
  cache?: OpsCache;
  /** Per operation, how old a cached answer may be. */
  maxAgeMs?: Partial<Record<OpsOperation, number>>;
  /** Sends after the first (default 4), and the time after which no retry starts (default 2 min). */
  maxRetries?: number;
  maxRetryTimeMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** For one request, headers and body together (default 30 s). */
  timeoutMs?: number;
  overloadPauseMs?: number;
  blackPauseMs?: number;
  /** Told of each retry. */
  logger?: Logger;
}

/** A number as typed (`EP2400812`, `EP2400812A1`, `EP.2400812.A1`) is a publication; or say which. */
export type OpsReference = string | { type?: OpsReferenceType; number: string; format?: OpsNumberFormat };

export interface OpsCallOptions {
  /** Ask OPS even when the cache holds a recent answer (a "sync now"). */
  fresh?: boolean;
}

export interface OpsAnswer {
  operation: OpsOperation;
  url: string;
  /** The XML as OPS sent it. */
  xml: string;
  records: PublicationRecord[];
  /** Parts of the answer the reader could not turn into a record. */
  errors: ReadError[];
  fromCache: boolean;
  /** ISO time OPS gave (or confirmed) this answer. */
  fetchedAt: string;
}

export interface OpsClient {
  /** False when VALO_OPS_KEY or VALO_OPS_SECRET is missing: every operation then fails with `disabled`. */
  readonly isEnabled: boolean;
  /** Why the client is disabled, in words for an operator; null when enabled. */
  readonly disabledReason: string | null;
  /** Published data: the bibliographic data of a publication. */
  biblio(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** Published data: every publication of the application (A1, then B1…), with biblio. */
  fullCycle(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** The INPADOC extended family, each member with its biblio. */
  family(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** INPADOC legal events. */
  legal(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** The EP Register: current parties, titles and status history. */
  registerBiblio(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  registerEvents(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** Fee payments, communications and their time limits, the intention to grant… */
  registerProceduralSteps(reference: OpsReference, options?: OpsCallOptions): Promise<OpsAnswer>;
  /** A CQL search of published data; no hit is an empty answer (OPS says 404). */
  search(query: string, options?: OpsCallOptions & OpsSearchOptions): Promise<OpsAnswer>;
  /** What OPS last said about the throttling and the quota used. */
  usage(): OpsUsage;
}

const SERVICES_PATH = '/3.2/rest-services/';

export function createOpsClient(options: OpsClientOptions): OpsClient {
  const missing = [!options.consumerKey && 'VALO_OPS_KEY', !options.consumerSecret && 'VALO_OPS_SECRET'].filter(Boolean);
  if (missing.length > 0 || !options.consumerKey || !options.consumerSecret) {
    return disabledOpsClient(`EPO OPS is not configured: set ${missing.join(' and ')} (the consumer key and secret of an OPS account)`);
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const fetchOps = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cache = options.cache ?? createMemoryOpsCache();
  const maxAgeMs = { ...DEFAULT_MAX_AGE_MS, ...options.maxAgeMs };
  const transport = createOpsTransport({
    tokens: createOpsTokenSource({
      tokenUrl: `${baseUrl}/3.2/auth/accesstoken`,
      consumerKey: options.consumerKey,
      consumerSecret: options.consumerSecret,
      fetch: fetchOps,
      clock,
      timeoutMs,
    }),
    throttle: createOpsThrottle({ clock, sleep, overloadPauseMs: options.overloadPauseMs, blackPauseMs: options.blackPauseMs }),
    fetch: fetchOps,
    clock,
    sleep,
    random: options.random ?? Math.random,
    maxRetries: options.maxRetries ?? 4,
    maxRetryTimeMs: options.maxRetryTimeMs ?? 120_000,
    baseDelayMs: options.baseDelayMs ?? 1_000,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    timeoutMs,
    logger: options.logger,
  });

  async function ask(operation: OpsOperation, target: OpsRequestTarget, label: string, call: OpsCallOptions = {}): Promise<OpsAnswer> {
    const url = `${baseUrl}${SERVICES_PATH}${target.path}`;
    const key = opsCacheKey('GET', url);
    const cached = await cache.get(key);
    const now = clock.now();
    if (cached && !call.fresh && now.getTime() - Date.parse(cached.fetchedAt) <= maxAgeMs[operation]) {
      return { operation, url, fromCache: true, fetchedAt: cached.fetchedAt, xml: cached.body, ...(await read(cached.body, target.path)) };
    }
    const answer = await transport.get(
      { url, service: target.service, accept: target.accept, label, etag: cached?.etag, lastModified: cached?.lastModified },
      operation === 'search',
    );
    const fetchedAt = clock.now().toISOString();
    // OPS answers a search without hits with 404 SERVER.EntityNotFound: for a search that is an empty list.
    if (answer.status === 404) return { operation, url, xml: answer.body, records: [], errors: [], fromCache: false, fetchedAt };
    if (answer.status === 304 && cached) {
      await cache.set(key, { ...cached, fetchedAt });
      return { operation, url, fromCache: true, fetchedAt, xml: cached.body, ...(await read(cached.body, target.path)) };
    }
    const parsed = await read(answer.body, target.path);
    // An answer the readers cannot read is not kept: the next call asks again.
    if (parsed.errors.length === 0) {
      await cache.set(key, {
        body: answer.body,
        contentType: answer.headers.get('content-type') ?? 'application/xml',
        fetchedAt,
        etag: answer.headers.get('etag'),
        lastModified: answer.headers.get('last-modified'),
      });
    }
    return { operation, url, xml: answer.body, fromCache: false, fetchedAt, ...parsed };
  }

  function numbered(operation: Exclude<OpsOperation, 'search'>, label: string) {
    // async, so a malformed number rejects like every other failure instead of throwing.
    return async (reference: OpsReference, call?: OpsCallOptions) => {
      const { number, format } = resolveReference(reference);
      return ask(operation, opsTarget(operation, number, format), `${label} of ${describeNumber(number)}`, call);
    };
  }

  return {
    isEnabled: true,
    disabledReason: null,
    biblio: numbered('biblio', 'biblio'),
    fullCycle: numbered('full-cycle', 'full cycle'),
    family: numbered('family', 'family'),
    legal: numbered('legal', 'legal events'),
    registerBiblio: numbered('register-biblio', 'Register biblio'),
    registerEvents: numbered('register-events', 'Register events'),
    registerProceduralSteps: numbered('register-procedural-steps', 'Register procedural steps'),
    search: async (query, call) => ask('search', opsSearchTarget(query, call), `search "${query}"`, call),
    usage: () => transport.usage(),
  };
}

/**
 * The client the server and the CLI use: VALO_OPS_URL, VALO_OPS_KEY and VALO_OPS_SECRET, and answers
 * kept in `<data dir>/ops-cache`, so they survive restarts and serve the CLI and the server alike.
 */
export function opsClientFromConfig(
  config: Pick<Config, 'opsUrl' | 'opsKey' | 'opsSecret' | 'dataDir'>,
  options: Omit<Partial<OpsClientOptions>, 'baseUrl' | 'consumerKey' | 'consumerSecret'> = {},
): OpsClient {
  return createOpsClient({
    cache: createFileOpsCache(join(config.dataDir, 'ops-cache')),
    ...options,
    baseUrl: config.opsUrl,
    consumerKey: config.opsKey,
    consumerSecret: config.opsSecret,
  });
}

/** A client that explains, on every call, why it sends nothing. */
export function disabledOpsClient(reason: string): OpsClient {
  const refuse = () => Promise.reject(new OpsError('disabled', reason));
  return {
    isEnabled: false,
    disabledReason: reason,
    biblio: refuse,
    fullCycle: refuse,
    family: refuse,
    legal: refuse,
    registerBiblio: refuse,
    registerEvents: refuse,
    registerProceduralSteps: refuse,
    search: refuse,
    usage: () => ({ throttling: null, individualQuotaPerHourUsed: null, registeredQuotaPerWeekUsed: null }),
  };
}

function resolveReference(reference: OpsReference): { number: OpsNumber; format: OpsNumberFormat | undefined } {
  if (typeof reference === 'string') return { number: parseOpsNumber(reference), format: undefined };
  return { number: parseOpsNumber(reference.number, reference.type ?? 'publication'), format: reference.format };
}

function describeNumber(number: OpsNumber): string {
  return `${number.type === 'application' ? 'application ' : ''}${number.country}${number.number}${number.kind ?? ''}`;
}

async function read(xml: string, path: string): Promise<{ records: PublicationRecord[]; errors: ReadError[] }> {
  const records: PublicationRecord[] = [];
  const errors: ReadError[] = [];
  const input = (async function* () {
    yield xml;
  })();
  for await (const item of readPublications(input, { fileName: `OPS ${path}` })) {
    if (item.ok) records.push(item.record);
    else errors.push(item.error);
  }
  return { records, errors };
}
