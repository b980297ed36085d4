import { createRoute, z } from '@hono/zod-openapi';
import { CalendarFeed, DigestSettings, DigestSettingsInput } from '#core/docket/docket-task';
import { DomainError } from '../../platform/errors.ts';
import { actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { CalendarService } from './calendar.service.ts';

const tags = ['docket'];

const createToken = createRoute({
  method: 'post',
  path: '/api/me/calendar-token',
  tags,
  summary:
    "A new secret address for the caller's calendar feed of open deadlines (iCalendar). Shown once; asking again replaces it, and the old address stops working.",
  responses: { 201: jsonResponse(CalendarFeed, 'The feed address'), 401: errorResponses[401], 403: errorResponses[403] },
});

const feed = createRoute({
  method: 'get',
  path: '/calendar/{file}',
  tags,
  summary: 'The calendar feed, `/calendar/<token>.ics`: no session, the token is the credential. All-day events, one per open task.',
  security: [],
  request: { params: z.object({ file: z.string().openapi({ param: { name: 'file', in: 'path' }, example: '<token>.ics' }) }) },
  responses: {
    200: { description: 'An iCalendar document (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

const getDigest = createRoute({
  method: 'get',
  path: '/api/me/digest',
  tags,
  summary: "The caller's daily digest settings, and whether a calendar feed address exists",
  responses: { 200: jsonResponse(DigestSettings, 'The settings'), 401: errorResponses[401], 403: errorResponses[403] },
});

const putDigest = createRoute({
  method: 'put',
  path: '/api/me/digest',
  tags,
  summary: 'Turn the daily digest on or off, and choose its language (fr or en; also the language of the calendar feed)',
  request: { body: jsonBody(DigestSettingsInput) },
  responses: { 200: jsonResponse(DigestSettings, 'Saved'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
});

export function calendarRoutes(service: CalendarService) {
  return createRouter()
    .openapi(createToken, async (c) => {
      const token = await service.createToken(actorOf(c));
      const path = `/calendar/${token}.ics`;
      return c.json({ url: new URL(path, c.req.url).toString(), path }, 201);
    })
    .openapi(feed, async (c) => {
      const { file } = c.req.valid('param');
      if (!file.endsWith('.ics')) throw new DomainError('not_found', 'no such calendar');
      const text = await service.feed(file.slice(0, -'.ics'.length));
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="valo.ics"',
        // The address is a secret: keep the answer out of shared caches.
        'cache-control': 'private, no-cache',
      });
    })
    .openapi(getDigest, async (c) => c.json(await service.getSettings(actorOf(c)), 200))
    .openapi(putDigest, async (c) => c.json(await service.saveSettings(actorOf(c), c.req.valid('json')), 200));
}
