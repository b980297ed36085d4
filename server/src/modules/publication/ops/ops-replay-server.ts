import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../../platform/clock.ts';
import { OPS_FIXTURES, contentTypeOf, numberedAnswer, replayRequestOf, searchAnswer, type ReplayRequest } from './ops-replay-fixtures.ts';
import { OPS_SERVICES, type OpsService } from './ops-throttle.ts';

/*
 * A stand-in for EPO OPS on 127.0.0.1, for tests and for working without an OPS account: a real HTTP
 * server that issues tokens (checking the Basic credentials), answers OPS URLs with the recorded
 * answers, sends throttling and quota headers as OPS does, and can be told to fail, refuse or stall the
 * next requests, so retries and throttling are exercised over real HTTP.
 */

/** What the next data request(s) meet; `times` (default 1) says how many. */
export interface ReplayStep {
  times?: number;
  /** Answer with this status and OPS's error body instead of the data (400: CLIENT.InvalidQuery). */
  status?: 400 | 429 | 500 | 502 | 503 | 504;
  /** Refuse with 403 and this `X-Rejection-Reason`, e.g. `RegisteredQuotaPerWeek`. */
  quota?: string;
  /** Wait this long (real time) before answering. */
  delayMs?: number;
  /** Close the connection without an answer. */
  dropConnection?: boolean;
  /** Send this `X-Throttling-Control` instead of the computed one. */
  throttling?: string;
  /** Send `Retry-After` with this many milliseconds. */
  retryAfterMs?: number;
}

export interface ReplayLogEntry {
  kind: 'token' | 'data';
  method: string;
  /** Path and query, e.g. `/3.2/rest-services/published-data/publication/epodoc/EP2400812/biblio`. */
  path: string;
  /** When it arrived, by the server's clock. */
  at: string;
  status: number | null;
}

export interface OpsReplayOptions {
  consumerKey?: string;
  consumerSecret?: string;
  /** Stamps the log and ages tokens; tests share theirs with the client. */
  clock?: Clock;
  port?: number;
  tokenLifetimeSeconds?: number;
  /** Send an ETag and honour If-None-Match (OPS itself documents no validators). */
  etags?: boolean;
}

export interface OpsReplayServer {
  /** The base URL to give the client (VALO_OPS_URL). */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  log: ReplayLogEntry[];
  /** Queues behaviour for the next data requests, in order. */
  script(step: ReplayStep): void;
  /** Sends this `X-Throttling-Control` from now on (null: back to the computed one). */
  setThrottling(header: string | null): void;
  /** Refuses every token issued so far, with 401 or, as OPS also does, 400 CLIENT.InvalidAccessToken. */
  revokeTokens(status?: 400 | 401): void;
  close(): Promise<void>;
}

/** Requests per minute per service in OPS's idle state. */
const IDLE_LIMITS: Readonly<Record<OpsService, number>> = { images: 200, inpadoc: 60, other: 1000, retrieval: 200, search: 30 };

const FAULTS: Readonly<Record<number, [string, string]>> = {
  400: ['CLIENT.InvalidQuery', 'The request is not valid'],
  401: ['CLIENT.InvalidAccessToken', 'invalid_access_token'],
  404: ['SERVER.EntityNotFound', 'No results found'],
  429: ['SERVER.RateLimitExceeded', 'Too many requests'],
  500: ['SERVER.InternalError', 'Internal error'],
  502: ['SERVER.BadGateway', 'Bad gateway'],
  503: ['SERVER.LimitedServerResources', 'Please request again later'],
  504: ['SERVER.GatewayTimeout', 'Gateway timeout'],
};

export async function startOpsReplayServer(options: OpsReplayOptions = {}): Promise<OpsReplayServer> {
  const consumerKey = options.consumerKey ?? 'replay-key';
  const consumerSecret = options.consumerSecret ?? 'replay-secret';
  const clock = options.clock ?? systemClock;
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 1199) * 1000;
  const tokens = new Map<string, number>();
  let refusedTokenStatus: 400 | 401 = 401;
  let throttlingOverride: string | null = null;
  const steps: ReplayStep[] = [];
  const log: ReplayLogEntry[] = [];
  const served: { at: number; service: OpsService; bytes: number }[] = [];
  let bytesThisWeek = 0;

  function nextStep(): ReplayStep | null {
    const step = steps[0];
    if (!step) return null;
    const left = (step.times ?? 1) - 1;
    if (left <= 0) steps.shift();
    else steps[0] = { ...step, times: left };
    return step;
  }

  /** Idle limits; the colour from the share of the limit used in the last minute, as OPS grades it. */
  function throttlingHeader(): string {
    if (throttlingOverride) return throttlingOverride;
    const since = clock.now().getTime() - 60_000;
    const lights = OPS_SERVICES.map((service) => {
      const used = served.filter((entry) => entry.service === service && entry.at > since).length / IDLE_LIMITS[service];
      return `${service}=${used < 0.5 ? 'green' : used < 0.75 ? 'yellow' : 'red'}:${IDLE_LIMITS[service]}`;
    });
    return `idle (${lights.join(', ')})`;
  }

  function send(response: ServerResponse, entry: ReplayLogEntry, status: number, body: string | Buffer, headers: Record<string, string>) {
    entry.status = status;
    if (response.destroyed) return;
    response.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    response.end(body);
  }

  function fault(status: number, code?: string, message?: string): string {
    const [defaultCode, defaultMessage] = FAULTS[status] ?? ['SERVER.Error', 'Error'];
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<fault xmlns="http://ops.epo.org">\n    <code>${code ?? defaultCode}</code>\n    <message>${message ?? defaultMessage}</message>\n</fault>\n`;
  }

  async function token(request: IncomingMessage, response: ServerResponse, entry: ReplayLogEntry) {
    const form = new URLSearchParams(await bodyOf(request));
    const expected = `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`;
    const json = { 'Content-Type': 'application/json' };
    if (request.headers.authorization !== expected) {
      send(response, entry, 401, JSON.stringify({ error: 'invalid_client', error_description: 'Client credentials are invalid' }), json);
      return;
    }
    if (form.get('grant_type') !== 'client_credentials') {
      send(response, entry, 400, JSON.stringify({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }), json);
      return;
    }
    const issued = randomBytes(14).toString('base64url');
    tokens.set(issued, clock.now().getTime());
    send(
      response,
      entry,
      200,
      JSON.stringify({
        refresh_token_expires_in: '0',
        api_product_list: '[ops-prod]',
        token_type: 'BearerToken',
        issued_at: String(clock.now().getTime()),
        client_id: consumerKey,
        access_token: issued,
        scope: 'core',
        expires_in: String(Math.round(lifetimeMs / 1000)),
        refresh_count: '0',
        status: 'approved',
      }),
      json,
    );
  }

  async function data(request: IncomingMessage, response: ServerResponse, entry: ReplayLogEntry, url: URL) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const issuedAt = bearer ? tokens.get(bearer) : undefined;
    if (issuedAt === undefined || clock.now().getTime() - issuedAt > lifetimeMs) {
      send(response, entry, refusedTokenStatus, fault(refusedTokenStatus, 'CLIENT.InvalidAccessToken', 'invalid_access_token'), {
        'Content-Type': 'application/xml',
      });
      return;
    }
    const replay = replayRequestOf(url.pathname.slice('/3.2/rest-services/'.length), url.searchParams);
    const step = nextStep();
    if (step?.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    if (step?.dropConnection) {
      entry.status = null;
      request.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/xml',
      'X-Throttling-Control': step?.throttling ?? throttlingHeader(),
      'X-IndividualQuotaPerHour-Used': String(bytesInLastHour()),
      'X-RegisteredQuotaPerWeek-Used': String(bytesThisWeek),
    };
    if (step?.retryAfterMs !== undefined) headers['Retry-After'] = String(step.retryAfterMs);
    if (step?.quota) {
      const body = `<error><code>403</code><message>This request has been rejected due to the violation of Fair Use policy</message><moreInfo>http://www.epo.org/searching/free/espacenet/fair-use.html</moreInfo></error>`;
      send(response, entry, 403, body, { ...headers, 'X-Rejection-Reason': step.quota });
      return;
    }
    if (step?.status) {
      send(response, entry, step.status, fault(step.status), headers);
      return;
    }
    const file = answerFile(replay);
    if (file === 'unknown-service') {
      send(response, entry, 404, fault(404, 'SERVER.ServiceNotFound', 'Service not found'), headers);
      return;
    }
    if (file === null) {
      send(response, entry, 404, fault(404), headers);
      return;
    }
    const body = await readFile(`${OPS_FIXTURES}${file}`);
    served.push({ at: clock.now().getTime(), service: replay.service, bytes: body.length });
    bytesThisWeek += body.length;
    headers['Content-Type'] = `${contentTypeOf(replay)}; charset=UTF-8`;
    if (options.etags) {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      headers.ETag = etag;
      if (request.headers['if-none-match'] === etag) {
        send(response, entry, 304, '', headers);
        return;
      }
    }
    send(response, entry, 200, body, headers);
  }

  function bytesInLastHour(): number {
    const since = clock.now().getTime() - 3_600_000;
    return served.filter((entry) => entry.at > since).reduce((sum, entry) => sum + entry.bytes, 0);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isToken = url.pathname === '/3.2/auth/accesstoken';
    const entry: ReplayLogEntry = { kind: isToken ? 'token' : 'data', method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, at: clock.now().toISOString(), status: null };
    log.push(entry);
    const handled =
      isToken && request.method === 'POST'
        ? token(request, response, entry)
        : url.pathname.startsWith('/3.2/rest-services/') && request.method === 'GET'
          ? data(request, response, entry, url)
          : Promise.resolve(send(response, entry, 404, fault(404, 'SERVER.ServiceNotFound', 'Service not found'), { 'Content-Type': 'application/xml' }));
    handled.catch((error: unknown) => {
      send(response, entry, 500, fault(500, 'SERVER.InternalError', error instanceof Error ? error.message : String(error)), { 'Content-Type': 'application/xml' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    consumerKey,
    consumerSecret,
    log,
    script: (step) => {
      steps.push(step);
    },
    setThrottling: (header) => {
      throttlingOverride = header;
    },
    revokeTokens: (status = 401) => {
      tokens.clear();
      refusedTokenStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerFile(request: ReplayRequest): string | null | 'unknown-service' {
  switch (request.kind) {
    case 'search':
      return searchAnswer(request.query);
    case 'numbered':
      // The Register takes epodoc numbers only (reference guide 3.4).
      if (request.route.startsWith('register') && request.format !== 'epodoc') return null;
      return numberedAnswer(request.route, request.type, request.format, request.input);
    case 'unknown':
      return 'unknown-service';
  }
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
