import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { Agreement, AgreementFilter, AgreementInput } from '#core/agreement';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { AgreementService } from './agreement.service.ts';

const tags = ['agreements'];
const AgreementPage = pageOf(Agreement);

const list = createRoute({
  method: 'get',
  path: '/api/agreements',
  tags,
  summary: 'List the agreements the user may open: partnerships, licences, options, assignments, co-ownership, NDAs, MTAs',
  request: { query: ListQuery.extend(AgreementFilter.shape) },
  responses: { 200: jsonResponse(AgreementPage, 'A page of agreements'), 400: errorResponses[400], 401: errorResponses[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/agreements/{id}',
  tags,
  summary: 'One agreement, with its parties and assets',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Agreement, 'The agreement'), 401: errorResponses[401], 404: errorResponses[404] },
});

const create = createRoute({
  method: 'post',
  path: '/api/agreements',
  tags,
  summary: 'Create an agreement; without a reference it gets the next AGR-<year>-<number>',
  request: { body: jsonBody(AgreementInput) },
  responses: {
    201: jsonResponse(Agreement, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const update = createRoute({
  method: 'put',
  path: '/api/agreements/{id}',
  tags,
  summary: 'Replace an agreement, its parties and its assets',
  request: { params: IdParam, body: jsonBody(AgreementInput) },
  responses: {
    200: jsonResponse(Agreement, 'Updated'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/agreements/{id}',
  tags,
  summary: 'Delete an agreement that no invention or asset refers to',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function agreementRoutes(service: AgreementService) {
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
