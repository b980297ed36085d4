import type { Clock } from '../../../platform/clock.ts';

/*
 * OPS fair use (reference guide 2.3.3, "Dynamic fair use monitoring"): every answer carries
 * `X-Throttling-Control: idle (images=green:200, inpadoc=green:60, other=green:1000, retrieval=green:200,
 * search=green:30)`, the system state and, per service, a traffic light and the requests allowed per
 * minute. Clients must slow down to keep out of `black` (the service suspended for the client); a
 * `black` answer says how long to keep away in `Retry-After`, in milliseconds.
 */

export const OPS_SERVICES = ['images', 'inpadoc', 'other', 'retrieval', 'search'] as const;
export type OpsService = (typeof OPS_SERVICES)[number];

export type OpsColour = 'green' | 'yellow' | 'red' | 'black';
export type OpsSystemState = 'idle' | 'busy' | 'overloaded' | 'unknown';

export interface OpsServiceLight {
  colour: OpsColour;
  requestsPerMinute: number;
}

export interface OpsThrottling {
  systemState: OpsSystemState;
  services: Partial<Record<OpsService, OpsServiceLight>>;
}

const COLOURS: readonly string[] = ['green', 'yellow', 'red', 'black'];
const STATES: readonly string[] = ['idle', 'busy', 'overloaded'];

/** The header's state and lights; null when the header is absent or unreadable. */
export function parseThrottlingControl(header: string | null | undefined): OpsThrottling | null {
  const match = /^\s*(\w+)\s*(?:\((.*)\))?\s*$/.exec(header ?? '');
  if (!match) return null;
  const state = (match[1] ?? '').toLowerCase();
  const services: OpsThrottling['services'] = {};
  for (const part of (match[2] ?? '').split(',')) {
    const light = /^\s*(\w+)\s*=\s*(\w+)\s*:\s*(\d+)\s*$/.exec(part);
    if (!light) continue;
    const [, name = '', colour = '', limit = '0'] = light;
    const service = OPS_SERVICES.find((known) => known === name.toLowerCase());
    if (!service || !COLOURS.includes(colour.toLowerCase())) continue;
    services[service] = { colour: colour.toLowerCase() as OpsColour, requestsPerMinute: Number(limit) };
  }
  return { systemState: STATES.includes(state) ? (state as OpsSystemState) : 'unknown', services };
}

/**
 * `Retry-After` in milliseconds. OPS sends a number of milliseconds with a `black` light, where HTTP
 * would send seconds; an HTTP date is read as the moment to wait for.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  const text = header?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export interface OpsThrottleOptions {
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** How long every service waits after an answer saying the system is overloaded. */
  overloadPauseMs?: number;
  /** How long a service waits after a black light that came without `Retry-After`. */
  blackPauseMs?: number;
}

export interface OpsThrottle {
  /** Waits until a request to `service` keeps within the last limits OPS gave, then books that slot. */
  waitTurn(service: OpsService): Promise<void>;
  /** Takes in the throttling headers of an answer to a request to `service`. */
  observe(service: OpsService, headers: Headers): void;
  /** The last state OPS reported, for an operator's status line. */
  last(): OpsThrottling | null;
}

export const DEFAULT_OVERLOAD_PAUSE_MS = 5_000;
export const DEFAULT_BLACK_PAUSE_MS = 60_000;

/**
 * Spaces requests per service at 60 s / the allowed requests per minute (30 for search: one every
 * 2 s), and holds a service back while its light is black, or every service while the system is
 * overloaded. Slots are booked in turn, so concurrent callers queue instead of bursting.
 */
export function createOpsThrottle(options: OpsThrottleOptions): OpsThrottle {
  const overloadPauseMs = options.overloadPauseMs ?? DEFAULT_OVERLOAD_PAUSE_MS;
  const blackPauseMs = options.blackPauseMs ?? DEFAULT_BLACK_PAUSE_MS;
  const lastStart = new Map<OpsService, number>();
  const pausedUntil = new Map<OpsService, number>();
  let allPausedUntil = 0;
  let latest: OpsThrottling | null = null;

  return {
    async waitTurn(service) {
      const now = options.clock.now().getTime();
      const limit = latest?.services[service]?.requestsPerMinute ?? 0;
      const spacing = limit > 0 ? 60_000 / limit : 0;
      const previous = lastStart.get(service);
      const start = Math.max(now, previous === undefined ? now : previous + spacing, pausedUntil.get(service) ?? 0, allPausedUntil);
      lastStart.set(service, start);
      if (start > now) await options.sleep(start - now);
    },
    observe(service, headers) {
      const throttling = parseThrottlingControl(headers.get('x-throttling-control'));
      if (!throttling) return;
      latest = throttling;
      const now = options.clock.now();
      const retryAfter = retryAfterMs(headers.get('retry-after'), now);
      for (const name of OPS_SERVICES) {
        const light = throttling.services[name];
        if (!light || (light.colour !== 'black' && light.requestsPerMinute > 0)) continue;
        // Retry-After answers for the service asked; another service's black light gets the default pause.
        const wait = name === service && retryAfter !== null ? retryAfter : blackPauseMs;
        pausedUntil.set(name, Math.max(pausedUntil.get(name) ?? 0, now.getTime() + wait));
      }
      if (throttling.systemState === 'overloaded') allPausedUntil = now.getTime() + overloadPauseMs;
    },
    last: () => latest,
  };
}
