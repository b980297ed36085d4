import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpsReplayServer, type OpsReplayServer } from './ops-replay-server.ts';

let replay: OpsReplayServer;
beforeEach(async () => {
  replay = await startOpsReplayServer();
});
afterEach(async () => {
  await replay.close();
});

async function token(credentials = `${replay.consumerKey}:${replay.consumerSecret}`, body = 'grant_type=client_credentials') {
  return fetch(`${replay.url}/3.2/auth/accesstoken`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
}

async function get(path: string, accessToken: string) {
  return fetch(`${replay.url}/3.2/rest-services/${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

async function accessToken(): Promise<string> {
  const answer = (await (await token()).json()) as { access_token: string };
  return answer.access_token;
}

describe('OPS replay server', () => {
  it('issues a token for the right Basic credentials, as OPS writes it (expires_in as a string)', async () => {
    const answer = await token();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ access_token: expect.any(String), expires_in: '1199', token_type: 'BearerToken', status: 'approved' });
  });

  it('refuses other credentials and other grant types', async () => {
    expect((await token('replay-key:wrong')).status).toBe(401);
    expect(await (await token('replay-key:wrong')).json()).toMatchObject({ error: 'invalid_client' });
    expect((await token(undefined, 'grant_type=password')).status).toBe(400);
  });

  it('refuses data requests without a token it issued', async () => {
    const answer = await get('published-data/publication/epodoc/EP2400812/biblio', 'made-up');
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('<code>CLIENT.InvalidAccessToken</code>');
  });

  it('serves the recorded answer with OPS headers', async () => {
    const answer = await get('published-data/publication/docdb/EP.2400812.A1.20111228/biblio', await accessToken());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/exchange+xml; charset=UTF-8');
    expect(answer.headers.get('x-throttling-control')).toBe(
      'idle (images=green:200, inpadoc=green:60, other=green:1000, retrieval=green:200, search=green:30)',
    );
    expect(answer.headers.get('x-individualquotaperhour-used')).toBe('0');
    expect(answer.headers.get('x-registeredquotaperweek-used')).toBe('0');
    expect(await answer.text()).toContain('<doc-number>2400812</doc-number>');
  });

  it('counts the bytes served in the quota headers and turns a busy service yellow', async () => {
    const bearer = await accessToken();
    let last: Response | undefined;
    for (let i = 0; i < 16; i++) last = await get('published-data/search?q=pa%3DSiemens', bearer);
    expect(last?.headers.get('x-throttling-control')).toContain('search=yellow:30');
    expect(Number(last?.headers.get('x-registeredquotaperweek-used'))).toBe(15 * 55125);
  });

  it('answers an unknown number with OPS fault XML and 404', async () => {
    const answer = await get('legal/publication/epodoc/EP9999999', await accessToken());
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<fault xmlns="http://ops.epo.org">\n    <code>SERVER.EntityNotFound</code>\n    <message>No results found</message>\n</fault>\n',
    );
  });

  it('answers a service it does not know with SERVER.ServiceNotFound', async () => {
    const answer = await get('classification/cpc/A01B', await accessToken());
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('SERVER.ServiceNotFound');
  });

  it('plays its script in order, then answers normally', async () => {
    const bearer = await accessToken();
    replay.script({ status: 503, times: 2, retryAfterMs: 1500 });
    replay.script({ quota: 'IndividualQuotaPerHour' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('register/publication/epodoc/EP2400812/events', bearer)).status);
    expect(statuses).toEqual([503, 503, 403, 200]);
    expect(replay.log.filter((entry) => entry.kind === 'data').map((entry) => entry.status)).toEqual([503, 503, 403, 200]);
  });

  it('sends the quota refusal as OPS does, with X-Rejection-Reason', async () => {
    replay.script({ quota: 'RegisteredQuotaPerWeek' });
    const answer = await get('legal/publication/epodoc/EP2400812', await accessToken());
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-rejection-reason')).toBe('RegisteredQuotaPerWeek');
    expect(await answer.text()).toContain('violation of Fair Use policy');
  });
});
