import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { Organisation, OrganisationFilter, OrganisationInput } from '#core/organisation';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { OrganisationService } from './organisation.service.ts';

const tags = ['organisations'];
const OrganisationPage = pageOf(Organisation);

const list = createRoute({
  method: 'get',
  path: '/api/organisations',
  tags,
  summary: 'List organisations: schools, units, Carnot institutes, incubators, companies, public bodies',
  request: { query: ListQuery.extend(OrganisationFilter.shape) },
  responses: { 200: jsonResponse(OrganisationPage, 'A page of organisations'), 400: errorResponses[400], 401: errorResponses[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/organisations/{id}',
  tags,
  summary: 'One organisation',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Organisation, 'The organisation'), 401: errorResponses[401], 404: errorResponses[404] },
});

const create = createRoute({
  method: 'post',
  path: '/api/organisations',
  tags,
  summary: 'Create an organisation',
  request: { body: jsonBody(OrganisationInput) },
  responses: {
    201: jsonResponse(Organisation, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const update = createRoute({
  method: 'put',
  path: '/api/organisations/{id}',
  tags,
  summary: 'Replace an organisation',
  request: { params: IdParam, body: jsonBody(OrganisationInput) },
  responses: {
    200: jsonResponse(Organisation, 'Updated'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/organisations/{id}',
  tags,
  summary: 'Delete an organisation that nothing refers to',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function organisationRoutes(service: OrganisationService) {
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
