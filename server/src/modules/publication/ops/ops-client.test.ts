import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { createOpsClient } from './ops-client.ts';
import { OpsError } from './ops-errors.ts';
import { startOpsReplayContext, type OpsReplayContext } from './ops.fixtures.ts';

let ops: OpsReplayContext;
beforeEach(async () => {
  ops = await startOpsReplayContext();
});
afterEach(async () => {
  await ops.replay.close();
});

const SERVICES = '/3.2/rest-services';

describe('OPS access token', () => {
  it('fetches one token with the Basic credentials and uses it for every request', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    await client.legal('EP2400812');
    await client.registerBiblio('EP2400812');
    expect(ops.tokenRequests()).toEqual([expect.objectContaining({ method: 'POST', path: '/3.2/auth/accesstoken', status: 200 })]);
    expect(ops.dataRequests().map((entry) => entry.status)).toEqual([200, 200, 200]);
  });

  it('fetches a new token before the twenty minutes of the last one run out', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    ops.time.advance(19.5 * 60 * 1000);
    await client.legal('EP2400812');
    expect(ops.tokenRequests()).toHaveLength(2);
    // Renewed ahead of time: OPS never had to refuse the old token.
    expect(ops.dataRequests().map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('fetches a new token once when OPS answers 401, and sends the request again', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    ops.replay.revokeTokens(401);
    const answer = await client.legal('EP2400812');
    expect(answer.records).toHaveLength(1);
    expect(ops.replay.log.map((entry) => `${entry.kind} ${entry.status}`)).toEqual(['token 200', 'data 200', 'data 401', 'token 200', 'data 200']);
    // No backoff: only the spacing of inpadoc requests (60 a minute) between the refused one and the new one.
    expect(ops.time.slept).toEqual([1000]);
  });

  it('does the same when OPS answers 400 CLIENT.InvalidAccessToken for an expired token', async () => {
    const client = ops.client();
    await client.biblio('EP2400812');
    ops.replay.revokeTokens(400);
    await client.legal('EP2400812');
    expect(ops.replay.log.map((entry) => `${entry.kind} ${entry.status}`)).toEqual(['token 200', 'data 200', 'data 400', 'token 200', 'data 200']);
  });

  it('fails clearly, without retrying, when OPS refuses the consumer key and secret', async () => {
    const client = ops.client({ consumerSecret: 'wrong' });
    const error = await client.biblio('EP2400812').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpsError);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect((error as OpsError).message).toContain('VALO_OPS_KEY, VALO_OPS_SECRET');
    expect(ops.replay.log).toHaveLength(1);
  });
});

describe('OPS operations on EP2400812, read into publication records', () => {
  it('biblio: the A1 with its application, family and applicant', async () => {
    const answer = await ops.client().biblio('EP2400812');
    expect(answer.url).toBe(`${ops.replay.url}${SERVICES}/published-data/publication/epodoc/EP2400812/biblio`);
    expect(answer.xml).toContain('<ops:world-patent-data');
    expect(answer.errors).toEqual([]);
    expect(answer.fromCache).toBe(false);
    expect(answer.records).toHaveLength(1);
    expect(answer.records[0]).toMatchObject({
      source: 'ops',
      country: 'EP',
      number: '2400812',
      kind: 'A1',
      publicationDate: '2011-12-28',
      applicationNumber: '10167109',
      filingDate: '2010-06-24',
      familyId: '43088294',
    });
    expect(answer.records[0]?.applicants).toContainEqual({ sequence: 1, name: '9SOLUTIONS OY [FI]', format: 'epodoc', country: 'FI' });
  });

  it('biblio by docdb number asks in the docdb format', async () => {
    const answer = await ops.client().biblio('EP.2400812.A1');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/published-data/publication/docdb/EP.2400812.A1/biblio`);
    expect(answer.records[0]?.kind).toBe('A1');
  });

  it('full cycle: the A1 of 2011-12-28 and the B1 of 2019-11-27', async () => {
    const answer = await ops.client().fullCycle('EP2400812');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/published-data/publication/epodoc/EP2400812/biblio/full-cycle`);
    const ep2400812 = answer.records.filter((record) => record.number === '2400812');
    expect(ep2400812.map((record) => [record.kind, record.publicationDate])).toEqual([
      ['A1', '2011-12-28'],
      ['B1', '2019-11-27'],
    ]);
  });

  it('family: the five INPADOC members, each with the family id and the EP priority', async () => {
    const answer = await ops.client().family('EP2400812A1');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/family/publication/docdb/EP.2400812.A1/biblio`);
    expect(answer.records.map((record) => `${record.country}${record.number}${record.kind}`)).toEqual([
      'EP2400812A1',
      'EP2400812B1',
      'CA2744162A1',
      'US2012057518A1',
      'US9648662B2',
    ]);
    for (const record of answer.records) {
      expect(record.familyId).toBe('43088294');
      expect(record.priorities).toEqual([{ country: 'EP', number: '10167109', date: '2010-06-24', format: 'docdb' }]);
    }
  });

  it('legal: the 69 INPADOC events, with the lapses and the national renewal fees', async () => {
    const answer = await ops.client().legal('EP2400812');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/legal/publication/epodoc/EP2400812`);
    const events = answer.records[0]?.legalEvents ?? [];
    expect(events).toHaveLength(69);
    expect(events.filter((event) => event.code === 'PG25')).toHaveLength(32);
    expect(events.find((event) => event.code === 'PGFP' && event.country === 'FI')).toMatchObject({ effectiveDate: '2025-06-20', feeYear: 16 });
  });

  it('Register biblio: the A1 and the B1 with the applicant as filed', async () => {
    const answer = await ops.client().registerBiblio('EP2400812');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/register/publication/epodoc/EP2400812/biblio`);
    expect(answer.records.map((record) => [record.kind, record.publicationDate])).toEqual([
      ['A1', '2011-12-28'],
      ['B1', '2019-11-27'],
    ]);
    expect(answer.records[0]?.applicants).toEqual([{ sequence: 1, name: '9Solutions Oy', format: 'original', country: 'FI' }]);
  });

  it('Register events: the dossier events, newest first', async () => {
    const answer = await ops.client().registerEvents('EP2400812');
    const events = answer.records[0]?.legalEvents ?? [];
    expect(events[0]).toMatchObject({ code: '0009250', date: '2022-07-08', description: 'Lapse of the patent in a contracting state' });
    expect(events.at(-1)).toMatchObject({ code: '0009012', date: '2011-12-28' });
  });

  it('Register procedural steps by application number: the renewal fees for years 3 to 10', async () => {
    const answer = await ops.client().registerProceduralSteps({ type: 'application', number: 'EP10167109' });
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/register/application/epodoc/EP10167109/procedural-steps`);
    const renewals = answer.records[0]?.proceduralSteps.filter((step) => step.code === 'RFEE') ?? [];
    expect(renewals.map((step) => [step.year, step.date])).toEqual([
      [3, '2012-06-20'],
      [4, '2013-06-12'],
      [5, '2014-03-31'],
      [6, '2015-06-12'],
      [7, '2016-06-20'],
      [8, '2017-06-29'],
      [9, '2018-06-20'],
      [10, '2019-06-24'],
    ]);
    expect(answer.records[0]?.proceduralSteps.find((step) => step.code === 'IGRA')).toMatchObject({ date: '2019-06-27' });
  });

  it('rejects a malformed number as invalid input, before sending anything', async () => {
    await expect(ops.client().biblio('2400812')).rejects.toThrow(DomainError);
    await expect(ops.client().search('')).rejects.toMatchObject({ kind: 'invalid', issues: [{ path: 'query', message: 'is empty' }] });
    expect(ops.replay.log).toEqual([]);
  });

  it('the Register is always asked with an epodoc number, whatever the caller wrote', async () => {
    await ops.client().registerEvents('EP.2400812.B1');
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/register/publication/epodoc/EP2400812/events`);
  });

  it('search: the hits with their biblio; a search without hits is an empty answer, not an error', async () => {
    const client = ops.client();
    const hits = await client.search('pa = Siemens', { biblio: true, range: { begin: 1, end: 3 } });
    expect(ops.dataRequests()[0]?.path).toBe(`${SERVICES}/published-data/search/biblio?q=pa+%3D+Siemens&Range=1-3`);
    expect(hits.records.map((record) => `${record.country}${record.number}${record.kind}`)).toEqual(['AU2024270787A1', 'AU2024265697A1', 'DK3740998T3']);
    const none = await client.search('pa = "no such applicant"');
    expect(none.records).toEqual([]);
    expect(ops.dataRequests()[1]?.status).toBe(404);
  });
});

describe('OPS client without credentials', () => {
  it('is disabled, says which setting is missing, and sends nothing', async () => {
    const client = createOpsClient({ baseUrl: ops.replay.url, consumerKey: undefined, consumerSecret: 'secret' });
    expect(client.isEnabled).toBe(false);
    expect(client.disabledReason).toBe('EPO OPS is not configured: set VALO_OPS_KEY (the consumer key and secret of an OPS account)');
    const error = await client.biblio('EP2400812').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpsError);
    expect(error).toMatchObject({ kind: 'disabled', message: client.disabledReason });
    expect(ops.replay.log).toEqual([]);
  });

  it('names both settings when both are missing', () => {
    const client = createOpsClient({ baseUrl: ops.replay.url, consumerKey: '', consumerSecret: undefined });
    expect(client.disabledReason).toContain('VALO_OPS_KEY and VALO_OPS_SECRET');
  });
});
