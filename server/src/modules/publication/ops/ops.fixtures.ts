import type { Clock } from '../../../platform/clock.ts';
import { createMemoryOpsCache, type OpsCache } from './ops-cache.ts';
import { createOpsClient, type OpsClient, type OpsClientOptions } from './ops-client.ts';
import { startOpsReplayServer, type OpsReplayOptions, type OpsReplayServer, type ReplayLogEntry } from './ops-replay-server.ts';

/**
 * Time that moves only when the client sleeps: throttling and backoff are checked without waiting,
 * and every wait is recorded.
 */
export interface FakeTime {
  clock: Clock;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  /** Each sleep asked for, in order. */
  slept: number[];
}

export function fakeTime(iso = '2025-03-03T09:00:00.000Z'): FakeTime {
  let now = Date.parse(iso);
  const slept: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    slept,
  };
}

/** The replay server and a client talking to it over HTTP, both on the same fake time. */
export interface OpsReplayContext {
  replay: OpsReplayServer;
  time: FakeTime;
  cache: OpsCache;
  client(options?: Partial<OpsClientOptions>): OpsClient;
  /** Data requests (not token requests) in the order they arrived. */
  dataRequests(): ReplayLogEntry[];
  tokenRequests(): ReplayLogEntry[];
}

export async function startOpsReplayContext(options: OpsReplayOptions = {}): Promise<OpsReplayContext> {
  const time = fakeTime();
  const replay = await startOpsReplayServer({ clock: time.clock, ...options });
  const cache = createMemoryOpsCache();
  return {
    replay,
    time,
    cache,
    client: (overrides = {}) =>
      createOpsClient({
        baseUrl: replay.url,
        consumerKey: replay.consumerKey,
        consumerSecret: replay.consumerSecret,
        clock: time.clock,
        sleep: time.sleep,
        random: () => 0.5,
        cache,
        ...overrides,
      }),
    dataRequests: () => replay.log.filter((entry) => entry.kind === 'data'),
    tokenRequests: () => replay.log.filter((entry) => entry.kind === 'token'),
  };
}

/** Milliseconds between the arrivals of consecutive requests. */
export function gapsBetween(entries: ReplayLogEntry[]): number[] {
  return entries.slice(1).map((entry, index) => Date.parse(entry.at) - Date.parse(entries[index]?.at ?? entry.at));
}
