import { createRoute } from '@hono/zod-openapi';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { LoginInput, SessionInfo } from '#core/user';
import { DomainError } from '../../platform/errors.ts';
import { type AppEnv, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'valo_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into an actor. Writes made with the cookie must carry the session's CSRF
 * token in the `X-CSRF-Token` header (synchroniser token), so another site cannot forge them.
 */
export function sessionMiddleware(authService: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('actor', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await authService.resolveSession(token);
      if (session) {
        if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          throw new DomainError('forbidden', 'missing or wrong X-CSRF-Token header');
        }
        c.set('actor', session.actor);
      }
    }
    await next();
  });
}

/** Every /api route but these answers 401 without a session. */
export function requireSession(publicPaths: readonly string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!publicPaths.includes(c.req.path)) actorOf(c);
    await next();
  });
}

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: { body: jsonBody(LoginInput) },
  responses: { 200: jsonResponse(SessionInfo, 'Signed in'), 400: errorResponses[400], 401: errorResponses[401], 429: errorResponses[429] },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, 401: errorResponses[401] },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user and the CSRF token for writes',
  responses: { 200: jsonResponse(SessionInfo, 'The session'), 401: errorResponses[401] },
});

export function authRoutes(authService: AuthService, options: { secureCookies: boolean }) {
  return createRouter()
    .openapi(login, async (c) => {
      const session = await authService.login(c.req.valid('json'));
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        path: '/',
        expires: session.expiresAt,
      });
      return c.json({ user: session.user, csrfToken: session.csrfToken }, 200);
    })
    .openapi(logout, async (c) => {
      actorOf(c);
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await authService.logout(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, async (c) => {
      const token = getCookie(c, SESSION_COOKIE) ?? '';
      const session = await authService.resolveSession(token);
      if (!session) throw new DomainError('unauthenticated', 'sign in first');
      const { actor } = session;
      return c.json(
        {
          user: {
            id: actor.userId,
            email: actor.email,
            displayName: actor.displayName,
            role: actor.role,
            schoolId: actor.schoolId,
            personId: actor.personId,
            organisationId: actor.organisationId,
          },
          csrfToken: session.csrfToken,
        },
        200,
      );
    });
}

