import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Actor } from './actor.ts';
import { DomainError, fromDatabaseError, httpStatusOf } from './errors.ts';
import type { Logger } from './logger.ts';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
  };
}

/** A router whose request validation failures become one DomainError, answered in one place. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw DomainError.fromZod(result.error, result.target === 'json' ? '' : result.target);
    },
  });
}
export type Router = ReturnType<typeof createRouter>;

/** The signed-in actor; throws 401 when there is none (the session middleware sets it). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new DomainError('unauthenticated', 'sign in first');
  return actor;
}

export const ErrorBody = z
  .object({
    error: z.object({
      kind: z.enum(['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'too_large', 'internal']),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input: the fields and reasons', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed for this user', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'No such record', content: { 'application/json': { schema: ErrorBody } } },
  409: { description: 'Conflicts with existing data', content: { 'application/json': { schema: ErrorBody } } },
  413: { description: 'The request body is larger than the server takes', content: { 'application/json': { schema: ErrorBody } } },
  429: { description: 'Too many attempts: wait and try again', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const IdParam = z.object({ id: z.uuid({ error: 'must be a UUID' }).openapi({ param: { name: 'id', in: 'path' } }) });

export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const domain = error instanceof DomainError ? error : fromDatabaseError(error);
    if (domain) {
      return c.json(
        { error: { kind: domain.kind, message: domain.message, issues: domain.issues } },
        httpStatusOf(domain.kind),
      );
    }
    if (error instanceof HTTPException) {
      if (error.status === 400) {
        // Hono's own body parsing failures (malformed JSON).
        return c.json({ error: { kind: 'invalid', message: error.message || 'malformed request body', issues: [{ path: '(body)', message: error.message || 'malformed JSON' }] } }, 400);
      }
      return error.getResponse();
    }
    logger.error('unhandled error', { path: c.req.path, error: error instanceof Error ? error.stack : String(error) });
    return c.json({ error: { kind: 'internal', message: 'internal error', issues: [] } }, 500);
  };
}
