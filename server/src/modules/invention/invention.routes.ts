import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { Invention, InventionFilter, InventionInput } from '#core/invention';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { InventionService } from './invention.service.ts';

const tags = ['inventions'];
const InventionPage = pageOf(Invention);

const list = createRoute({
  method: 'get',
  path: '/api/inventions',
  tags,
  summary: 'List the inventions the user may open; q searches title and summary by word prefix',
  request: { query: ListQuery.extend(InventionFilter.shape) },
  responses: {
    200: jsonResponse(InventionPage, 'A page of inventions'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/inventions/{id}',
  tags,
  summary: 'One invention with its inventors',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(Invention, 'The invention'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/inventions',
  tags,
  summary: 'Disclose an invention; without a reference, the next INV-<year>-<nnnn> is given',
  request: { body: jsonBody(InventionInput) },
  responses: {
    201: jsonResponse(Invention, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const update = createRoute({
  method: 'put',
  path: '/api/inventions/{id}',
  tags,
  summary: 'Replace an invention and all its inventors',
  request: { params: IdParam, body: jsonBody(InventionInput) },
  responses: {
    200: jsonResponse(Invention, 'Updated'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/inventions/{id}',
  tags,
  summary: 'Delete an invention no asset comes from',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function inventionRoutes(service: InventionService) {
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
