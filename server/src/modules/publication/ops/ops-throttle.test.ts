import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { createOpsThrottle, parseThrottlingControl, retryAfterMs } from './ops-throttle.ts';
import { gapsBetween, startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

describe('X-Throttling-Control', () => {
  it('reads the system state and each service light with its requests per minute', () => {
    expect(parseThrottlingControl('idle (images=green:200, inpadoc=green:60, other=green:1000, retrieval=green:200, search=green:30)')).toEqual({
      systemState: 'idle',
      services: {
        images: { colour: 'green', requestsPerMinute: 200 },
        inpadoc: { colour: 'green', requestsPerMinute: 60 },
        other: { colour: 'green', requestsPerMinute: 1000 },
        retrieval: { colour: 'green', requestsPerMinute: 200 },
        search: { colour: 'green', requestsPerMinute: 30 },
      },
    });
  });

  it('reads a suspended service and an overloaded system', () => {
    expect(parseThrottlingControl('overloaded (retrieval=black:0, search=Red:5)')).toEqual({
      systemState: 'overloaded',
      services: { retrieval: { colour: 'black', requestsPerMinute: 0 }, search: { colour: 'red', requestsPerMinute: 5 } },
    });
  });

  it('keeps what it can read of a header it does not fully know', () => {
    expect(parseThrottlingControl('maintenance (search=green:30, fulltext=green:10, images=purple:3)')).toEqual({
      systemState: 'unknown',
      services: { search: { colour: 'green', requestsPerMinute: 30 } },
    });
    expect(parseThrottlingControl(null)).toBeNull();
    expect(parseThrottlingControl('')).toBeNull();
  });

  it('reads Retry-After as OPS sends it, in milliseconds, or as an HTTP date', () => {
    const now = new Date('2025-03-03T09:00:00Z');
    expect(retryAfterMs('60000', now)).toBe(60_000);
    expect(retryAfterMs('Mon, 03 Mar 2025 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('OPS throttle', () => {
  it('books the slots in turn, so concurrent requests queue instead of bursting', async () => {
    const asked: number[] = [];
    const throttle = createOpsThrottle({ clock: fixedClock('2025-03-03T09:00:00Z'), sleep: async (ms) => void asked.push(ms) });
    throttle.observe('search', new Headers({ 'X-Throttling-Control': 'idle (search=green:30, retrieval=green:200)' }));
    await Promise.all([1, 2, 3, 4].map(() => throttle.waitTurn('search')));
    expect(asked).toEqual([2000, 4000, 6000]);
  });

  it('pauses the other black services by default, and the one asked by its Retry-After', async () => {
    const asked: number[] = [];
    const throttle = createOpsThrottle({ clock: fixedClock('2025-03-03T09:00:00Z'), sleep: async (ms) => void asked.push(ms), blackPauseMs: 60_000 });
    throttle.observe('retrieval', new Headers({ 'X-Throttling-Control': 'busy (retrieval=black:0, search=black:0)', 'Retry-After': '10000' }));
    await throttle.waitTurn('retrieval');
    await throttle.waitTurn('search');
    await throttle.waitTurn('inpadoc');
    expect(asked).toEqual([10_000, 60_000]);
  });
});

describe('OPS client throttling, over HTTP', () => {
  let ops: OpsReplayContext;
  beforeEach(async () => {
    ops = await startOpsReplayContext();
  });
  afterEach(async () => {
    await ops.replay.close();
  });

  it('spaces searches at least 2 s apart when OPS allows search=green:30', async () => {
    const client = ops.client();
    for (let i = 0; i < 4; i++) await client.search('pa = Siemens', { fresh: true });
    expect(gapsBetween(ops.dataRequests())).toEqual([2000, 2000, 2000]);
  });

  it('does not hold other services back by the search spacing', async () => {
    const client = ops.client();
    await client.search('pa = Siemens');
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    expect(gapsBetween(ops.dataRequests())).toEqual([0, 0]);
  });

  it('pauses every service after an answer saying the system is overloaded', async () => {
    ops.replay.setThrottling('overloaded (images=green:50, inpadoc=green:30, other=green:1000, retrieval=green:50, search=green:5)');
    const client = ops.client({ overloadPauseMs: 5_000 });
    await client.biblio('EP2400812');
    await client.registerBiblio('EP2400812');
    await client.biblio('EP2400812', { fresh: true });
    expect(gapsBetween(ops.dataRequests())).toEqual([5_000, 5_000]);
  });

  it('keeps away from a black service for the Retry-After OPS gives', async () => {
    ops.replay.script({
      throttling: 'busy (images=green:100, inpadoc=green:45, other=green:1000, retrieval=black:0, search=green:15)',
      retryAfterMs: 30_000,
    });
    const client = ops.client();
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    await client.fullCycle('EP2400812');
    // inpadoc goes on at once; retrieval waits out the 30 s.
    expect(gapsBetween(ops.dataRequests())).toEqual([0, 30_000]);
  });

  it('retries a 429 with a black light only after its Retry-After', async () => {
    ops.replay.script({
      status: 429,
      throttling: 'busy (images=green:100, inpadoc=green:45, other=green:1000, retrieval=green:100, search=black:0)',
      retryAfterMs: 45_000,
    });
    const answer = await ops.client().search('pa = Siemens');
    expect(answer.records).toHaveLength(3);
    expect(gapsBetween(ops.dataRequests())).toEqual([45_000]);
  });
});
