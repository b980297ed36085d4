import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { Person, PersonFilter, PersonInput } from '#core/person';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { PersonService } from './person.service.ts';

const tags = ['people'];
const PersonPage = pageOf(Person);

const list = createRoute({
  method: 'get',
  path: '/api/people',
  tags,
  summary: 'List people (researchers and contacts); q searches names and e-mail',
  request: { query: ListQuery.extend(PersonFilter.shape) },
  responses: {
    200: jsonResponse(PersonPage, 'A page of people'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/people/{id}',
  tags,
  summary: 'One person with their affiliations',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Person, 'The person'), 401: errorResponses[401], 404: errorResponses[404] },
});

const create = createRoute({
  method: 'post',
  path: '/api/people',
  tags,
  summary: 'Create a person with their affiliations',
  request: { body: jsonBody(PersonInput) },
  responses: {
    201: jsonResponse(Person, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const update = createRoute({
  method: 'put',
  path: '/api/people/{id}',
  tags,
  summary: 'Replace a person and all their affiliations',
  request: { params: IdParam, body: jsonBody(PersonInput) },
  responses: {
    200: jsonResponse(Person, 'Updated'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/people/{id}',
  tags,
  summary: 'Delete a person who is no inventor and has no account',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function personRoutes(service: PersonService) {
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
