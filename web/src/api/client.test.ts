// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, fieldErrorsOf, setCsrfToken, setUnauthenticatedHandler, toApiError, toQueryString } from './client.ts';

const errorBody = {
  error: {
    kind: 'invalid',
    message: 'title: is required; inventors.0.contribution: must be a number',
    issues: [
      { path: 'title', message: 'is required' },
      { path: 'inventors.0.contribution', message: 'must be a number' },
      { path: 'inventors.0.contribution', message: 'must be greater than 0' },
    ],
  },
};

function answer(status: number, body: unknown): Response {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('the API error mapping', () => {
  it('reads the kind, the message and the issues of the error body', () => {
    const error = toApiError(400, errorBody);
    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(400);
    expect(error.issues).toHaveLength(3);
  });

  it('turns issues into one error per field, joining several for the same field', () => {
    expect(fieldErrorsOf(toApiError(400, errorBody))).toEqual({
      title: 'is required',
      'inventors.0.contribution': 'must be a number; must be greater than 0',
    });
  });

  it('falls back on the status when the body is not the API’s (a proxy page)', () => {
    const error = toApiError(409, '<html>conflict</html>');
    expect(error.kind).toBe('conflict');
    expect(error.issues).toEqual([]);
    expect(toApiError(502, null).kind).toBe('internal');
  });
});

describe('the API client', () => {
  it('sends the CSRF token on writes and not on reads', async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-123');
    await api.get('/api/families', { q: 'graphène', status: undefined });
    await api.put('/api/families/1', { title: 'x' });
    const [readUrl, read] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [, write] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(readUrl).toBe('/api/families?q=graph%C3%A8ne');
    expect((read.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((write.headers as Record<string, string>)['x-csrf-token']).toBe('token-123');
    expect(write.credentials).toBe('same-origin');
    expect(write.body).toBe('{"title":"x"}');
  });

  it('throws an ApiError with the field issues on a refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, errorBody)));
    const error = await api.post('/api/inventions', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(fieldErrorsOf(error as ApiError).title).toBe('is required');
  });

  it('reports an expired session once signed in, but not a failed sign-in', async () => {
    const expired = vi.fn();
    setUnauthenticatedHandler(expired);
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, { error: { kind: 'unauthenticated', message: 'sign in first', issues: [] } })));
    await api.post('/api/auth/login', {}).catch(() => undefined);
    expect(expired).not.toHaveBeenCalled();
    await api.get('/api/families').catch(() => undefined);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('names a network failure as such', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await api.get('/api/families').catch((caught: unknown) => caught)) as ApiError;
    expect(error.kind).toBe('network');
  });

  it('drops empty query parameters', () => {
    expect(toQueryString({ q: '', status: null, limit: 25, sort: undefined, isSpinOff: false })).toBe('?limit=25&isSpinOff=false');
    expect(toQueryString({})).toBe('');
  });
});
