import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsError } from './ops-errors.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

let ops: OpsReplayContext;
beforeEach(async () => {
  ops = await startOpsReplayContext();
});
afterEach(async () => {
  await ops.replay.close();
});

async function failureOf(promise: Promise<unknown>): Promise<OpsError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof OpsError)) throw new Error(`expected an OpsError, got ${String(error)}`);
  return error;
}

describe('OPS retries', () => {
  it('retries a 503 with exponential backoff and jitter, then reads the answer', async () => {
    ops.replay.script({ status: 503, times: 2 });
    const logged: unknown[] = [];
    const logger = { info: (message: string, fields?: Record<string, unknown>) => void logged.push({ message, ...fields }), error: () => undefined };
    const answer = await ops.client({ random: () => 0.5, logger }).biblio('EP2400812');
    expect(answer.records[0]).toMatchObject({ country: 'EP', number: '2400812', kind: 'A1' });
    expect(ops.dataRequests().map((entry) => entry.status)).toEqual([503, 503, 200]);
    // 1 s then 2 s, each 50 % fixed and 50 % random (here half of the random part).
    expect(ops.time.slept).toEqual([750, 1500]);
    expect(logged).toEqual([
      { message: 'EPO OPS request retried', request: 'biblio of EP2400812', attempt: 1, failure: 'HTTP 503 SERVER.LimitedServerResources', waitMs: 750 },
      { message: 'EPO OPS request retried', request: 'biblio of EP2400812', attempt: 2, failure: 'HTTP 503 SERVER.LimitedServerResources', waitMs: 1500 },
    ]);
  });

  it('spreads the retries by the jitter', async () => {
    ops.replay.script({ status: 503, times: 2 });
    await ops.client({ random: () => 0 }).biblio('EP2400812');
    expect(ops.time.slept).toEqual([500, 1000]);
  });

  it('retries 429, 500 and a dropped connection alike', async () => {
    ops.replay.script({ status: 429 });
    ops.replay.script({ status: 500 });
    ops.replay.script({ dropConnection: true });
    const answer = await ops.client().legal('EP2400812');
    expect(answer.records).toHaveLength(1);
    expect(ops.dataRequests().map((entry) => entry.status)).toEqual([429, 500, null, 200]);
  });

  it('waits as long as OPS asks in Retry-After (milliseconds) when that is longer than the backoff', async () => {
    ops.replay.script({ status: 429, retryAfterMs: 12_000 });
    await ops.client().biblio('EP2400812');
    expect(ops.time.slept).toEqual([12_000]);
  });

  it('retries a request that got no answer in time', async () => {
    ops.replay.script({ delayMs: 400 });
    const answer = await ops.client({ timeoutMs: 100 }).biblio('EP2400812');
    expect(answer.records).toHaveLength(1);
    expect(ops.dataRequests()).toHaveLength(2);
  });

  it('gives up after the allowed retries with an error naming the request, the attempts and the last failure', async () => {
    ops.replay.script({ status: 503, times: 10 });
    const error = await failureOf(ops.client({ maxRetries: 3 }).biblio('EP2400812'));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(4);
    expect(error.message).toBe(
      'EPO OPS did not answer the biblio of EP2400812 after 4 attempts over 5 s (last: HTTP 503 SERVER.LimitedServerResources); try again later',
    );
    expect(ops.dataRequests()).toHaveLength(4);
  });

  it('gives up when the next wait would pass the time allowed for retries', async () => {
    ops.replay.script({ status: 503, times: 10 });
    const error = await failureOf(ops.client({ maxRetryTimeMs: 2_000, random: () => 1 }).biblio('EP2400812'));
    // Waits 1 s, then a 2 s wait would end 3 s after the first send: no third attempt.
    expect(error).toMatchObject({ kind: 'unavailable', attempts: 2 });
    expect(ops.time.slept).toEqual([1000]);
  });

  it('does not retry a quota refusal (403 X-Rejection-Reason) and says which quota is spent', async () => {
    ops.replay.script({ quota: 'RegisteredQuotaPerWeek', times: 5 });
    const error = await failureOf(ops.client().biblio('EP2400812'));
    expect(error).toMatchObject({ kind: 'quota', status: 403, rejectionReason: 'RegisteredQuotaPerWeek', attempts: 1 });
    expect(error.message).toContain('the fair-use quota is spent (RegisteredQuotaPerWeek)');
    expect(ops.dataRequests()).toHaveLength(1);
    expect(ops.time.slept).toEqual([]);
  });

  it('does not retry a number OPS does not know (404)', async () => {
    const error = await failureOf(ops.client().biblio('EP9999999'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'SERVER.EntityNotFound', attempts: 1 });
    expect(error.message).toBe('EPO OPS has no biblio of EP9999999 (SERVER.EntityNotFound: No results found)');
    expect(ops.dataRequests()).toHaveLength(1);
  });

  it('does not retry a request OPS rejects (400)', async () => {
    ops.replay.script({ status: 400, times: 5 });
    const error = await failureOf(ops.client().biblio('EP2400812'));
    expect(error).toMatchObject({ kind: 'bad_request', status: 400, code: 'CLIENT.InvalidQuery' });
    expect(ops.dataRequests()).toHaveLength(1);
  });

  it('reports the usage OPS sends with its answers', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    const usage = client.usage();
    expect(usage.throttling).toEqual({
      systemState: 'idle',
      services: {
        images: { colour: 'green', requestsPerMinute: 200 },
        inpadoc: { colour: 'green', requestsPerMinute: 60 },
        other: { colour: 'green', requestsPerMinute: 1000 },
        retrieval: { colour: 'green', requestsPerMinute: 200 },
        search: { colour: 'green', requestsPerMinute: 30 },
      },
    });
    expect(usage.registeredQuotaPerWeekUsed).toBe(0);
    await client.legal('EP2400812');
    expect(client.usage().registeredQuotaPerWeekUsed).toBeGreaterThan(17_000);
  });
});
