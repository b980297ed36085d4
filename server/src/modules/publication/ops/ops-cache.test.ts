import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOpsCache, opsCacheKey } from './ops-cache.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('OPS client cache', () => {
  let ops: OpsReplayContext;
  beforeEach(async () => {
    ops = await startOpsReplayContext();
  });
  afterEach(async () => {
    await ops.replay.close();
  });

  it('answers a question asked again from the cache, without a request', async () => {
    const client = ops.client();
    const first = await client.biblio('EP2400812');
    ops.time.advance(HOUR);
    const second = await client.biblio('EP2400812');
    expect(ops.dataRequests()).toHaveLength(1);
    expect(second).toMatchObject({ fromCache: true, fetchedAt: first.fetchedAt, xml: first.xml, records: first.records });
    expect(first.fromCache).toBe(false);
  });

  it('asks again once the answer is older than its operation allows: 7 days for biblio, 1 day for legal events', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    ops.time.advance(DAY - 1);
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    expect(ops.dataRequests()).toHaveLength(2);
    ops.time.advance(2);
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    expect(ops.dataRequests()).toHaveLength(3);
    ops.time.advance(6 * DAY);
    const biblio = await client.biblio('EP2400812');
    expect(biblio.fromCache).toBe(false);
    expect(ops.dataRequests().map((entry) => entry.path.split('/').at(-1))).toEqual(['biblio', 'EP2400812', 'EP2400812', 'biblio']);
  });

  it('takes the maximum ages it is given', async () => {
    const client = ops.client({ maxAgeMs: { biblio: HOUR } });
    await client.biblio('EP2400812');
    ops.time.advance(HOUR + 1);
    await client.biblio('EP2400812');
    expect(ops.dataRequests()).toHaveLength(2);
  });

  it('asks OPS when told to, whatever the cache holds ("sync now")', async () => {
    const client = ops.client();
    await client.registerProceduralSteps('EP2400812');
    const fresh = await client.registerProceduralSteps('EP2400812', { fresh: true });
    expect(fresh.fromCache).toBe(false);
    expect(ops.dataRequests()).toHaveLength(2);
  });

  it('keeps nothing of a failed request', async () => {
    const client = ops.client();
    await expect(client.biblio('EP9999999')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(client.biblio('EP9999999')).rejects.toMatchObject({ kind: 'not_found' });
    expect(ops.dataRequests()).toHaveLength(2);
  });
});

describe('OPS conditional requests', () => {
  it('sends the ETag of an expired answer and reuses that answer on 304 Not Modified', async () => {
    const ops = await startOpsReplayContext({ etags: true });
    try {
      const client = ops.client();
      const first = await client.legal('EP2400812');
      ops.time.advance(DAY + 1);
      const second = await client.legal('EP2400812');
      expect(ops.dataRequests().map((entry) => entry.status)).toEqual([200, 304]);
      expect(second).toMatchObject({ fromCache: true, xml: first.xml });
      expect(second.records[0]?.legalEvents).toHaveLength(69);
      // The 304 renews the answer: the next day starts from it.
      expect(Date.parse(second.fetchedAt) - Date.parse(first.fetchedAt)).toBe(DAY + 1);
      ops.time.advance(DAY - 1);
      await client.legal('EP2400812');
      expect(ops.dataRequests()).toHaveLength(2);
    } finally {
      await ops.replay.close();
    }
  });
});

describe('OPS file cache', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'valo-ops-cache-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const answer = { body: '<xml/>', contentType: 'application/xml', fetchedAt: '2025-03-03T09:00:00.000Z', etag: '"abc"', lastModified: null };

  it('keeps each answer in a file of its own that a later process reads back', async () => {
    const key = opsCacheKey('get', 'https://ops.epo.org/3.2/rest-services/legal/publication/epodoc/EP2400812');
    await createFileOpsCache(join(folder, 'ops-cache')).set(key, answer);
    expect(await createFileOpsCache(join(folder, 'ops-cache')).get(key)).toEqual(answer);
    expect(await readdir(join(folder, 'ops-cache'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
    expect(key.startsWith('GET https://')).toBe(true);
  });

  it('misses on an unknown key and on a file that is not a cached answer', async () => {
    const cache = createFileOpsCache(folder);
    expect(await cache.get('GET https://ops.epo.org/x')).toBeNull();
    await cache.set('GET https://ops.epo.org/x', answer);
    const [file = ''] = await readdir(folder);
    await writeFile(join(folder, file), '{"key": "GET https://ops.epo.org/x", "body": 3}');
    expect(await cache.get('GET https://ops.epo.org/x')).toBeNull();
    await writeFile(join(folder, file), JSON.stringify({ ...answer, key: 'GET https://ops.epo.org/other' }));
    expect(await cache.get('GET https://ops.epo.org/x')).toBeNull();
  });

  it('serves a client across restarts', async () => {
    const ops = await startOpsReplayContext();
    try {
      await ops.client({ cache: createFileOpsCache(folder) }).biblio('EP2400812');
      const again = await ops.client({ cache: createFileOpsCache(folder) }).biblio('EP2400812');
      expect(again.fromCache).toBe(true);
      expect(again.records[0]).toMatchObject({ country: 'EP', number: '2400812', kind: 'A1' });
      expect(ops.dataRequests()).toHaveLength(1);
    } finally {
      await ops.replay.close();
    }
  });
});
