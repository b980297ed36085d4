import type { ListQuery, Page } from '#core/common';

/** What went wrong, as the API's error body names it (plus `network` when the server did not answer). */
export type ApiErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'internal' | 'network';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An answer other than 2xx: the kind, the message and the fields at fault (`inventors.0.contribution`). */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly issues: FieldIssue[];

  constructor(kind: ApiErrorKind, status: number, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.issues = issues;
  }
}

const KINDS: readonly ApiErrorKind[] = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_large', 'internal'];

function kindOfStatus(status: number): ApiErrorKind {
  if (status === 400) return 'invalid';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  return 'internal';
}

/** Reads `{error:{kind,message,issues:[{path,message}]}}` defensively: a proxy may answer anything. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const kind = typeof error?.kind === 'string' && (KINDS as string[]).includes(error.kind) ? (error.kind as ApiErrorKind) : kindOfStatus(status);
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const issues = Array.isArray(error?.issues)
    ? error.issues.filter(isRecord).map((issue) => ({ path: String(issue.path ?? ''), message: String(issue.message ?? '') }))
    : [];
  return new ApiError(kind, status, message, issues);
}

/** Field errors by path, several messages for one field joined, ready to show next to each field. */
export function fieldErrorsOf(error: ApiError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    errors[issue.path] = errors[issue.path] ? `${errors[issue.path]}; ${issue.message}` : issue.message;
  }
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token (from the login or /me answer), sent with every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 after sign-in: the session expired or was revoked. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'network error');
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (error.kind === 'unauthenticated' && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
    throw error;
  }
  return parsed as T;
}

export type ListParams = Partial<ListQuery> & Record<string, QueryValue>;

/** The one way the web app talks to the API: same-origin cookie session, CSRF header on writes. */
export const api = {
  get: <T>(path: string, params: Record<string, QueryValue> = {}) => request<T>('GET', path + toQueryString(params)),
  list: <T>(path: string, params: ListParams) => request<Page<T>>('GET', path + toQueryString(params)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  remove: (path: string) => request<null>('DELETE', path),
};
