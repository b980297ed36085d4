import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { Startup, StartupFilter, StartupInput } from '#core/startup';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { StartupService } from './startup.service.ts';

const tags = ['startups'];
const StartupPage = pageOf(Startup);

const list = createRoute({
  method: 'get',
  path: '/api/startups',
  tags,
  summary: 'List startups and spin-offs, with their founders and agreements',
  request: { query: ListQuery.extend(StartupFilter.shape) },
  responses: { 200: jsonResponse(StartupPage, 'A page of startups'), 400: errorResponses[400], 401: errorResponses[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/startups/{id}',
  tags,
  summary: 'One startup, with its founders and the agreements it is party to',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Startup, 'The startup'), 401: errorResponses[401], 404: errorResponses[404] },
});

const create = createRoute({
  method: 'post',
  path: '/api/startups',
  tags,
  summary: 'Record a startup for an organisation of category startup',
  request: { body: jsonBody(StartupInput) },
  responses: {
    201: jsonResponse(Startup, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const update = createRoute({
  method: 'put',
  path: '/api/startups/{id}',
  tags,
  summary: 'Replace a startup and its founders',
  request: { params: IdParam, body: jsonBody(StartupInput) },
  responses: {
    200: jsonResponse(Startup, 'Updated'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/startups/{id}',
  tags,
  summary: 'Delete a startup record (its organisation stays)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function startupRoutes(service: StartupService) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, offset, q, sort, ...filter } = c.req.valid('query');
      return c.json(await service.list(actorOf(c), filter, { limit, offset, q, sort }), 200);
    })
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(update, async (c) => c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
