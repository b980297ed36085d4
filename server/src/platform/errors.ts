import type { z } from 'zod';

export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'too_large';

/** One problem with one field of the input: `path` is the field, dotted (`inventors.0.contribution`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error type of the domain; the HTTP edge maps `kind` to a status and the CLI to an exit code. */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly issues: FieldIssue[];

  constructor(kind: ErrorKind, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.issues = issues;
  }

  static invalid(path: string, message: string): DomainError {
    return new DomainError('invalid', `${path} ${message}`, [{ path, message }]);
  }

  static conflict(path: string, message: string): DomainError {
    return new DomainError('conflict', `${path} ${message}`, [{ path, message }]);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('not_found', `${what} ${id} does not exist`);
  }

  static forbidden(message = 'you may not do this'): DomainError {
    return new DomainError('forbidden', message);
  }

  static fromZod(error: z.ZodError, prefix = ''): DomainError {
    const issues = error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return new DomainError('invalid', summary, issues);
  }
}

export function httpStatusOf(kind: ErrorKind): 400 | 401 | 403 | 404 | 409 | 413 | 429 {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'too_large':
      return 413;
  }
}

/** PostgreSQL error codes we turn into domain errors (unique and foreign-key violations). */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  const cause = findPgError(error);
  if (!cause) return undefined;
  const detail = typeof cause.detail === 'string' ? cause.detail : '';
  const field = /Key \(([^)]+)\)/.exec(detail)?.[1] ?? cause.constraint ?? 'value';
  if (cause.code === '23505') return DomainError.conflict(toCamel(field), `already exists (${detail || cause.constraint})`);
  // 23001: ON DELETE RESTRICT; 23503: foreign key (a missing target, or a row still referenced).
  if (cause.code === '23001' || cause.code === '23503') {
    if (cause.code === '23001' || detail.includes('referenced from')) return DomainError.conflict(toCamel(field), `is still in use (${detail})`);
    return DomainError.invalid(toCamel(field), `refers to a record that does not exist (${detail})`);
  }
  if (cause.code === '23514') return DomainError.invalid(cause.constraint ?? 'value', 'breaks a rule of the data model');
  return undefined;
}

interface PgErrorLike {
  code: string;
  detail?: unknown;
  constraint?: string;
}

function findPgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^\d{2}[0-9A-Z]{3}$/.test(candidate.code)) return candidate as PgErrorLike;
    current = candidate.cause;
  }
  return undefined;
}

function toCamel(columns: string): string {
  return columns
    .split(',')
    .map((column) => column.trim().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()))
    .join(', ');
}
