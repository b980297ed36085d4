import { createRoute, z } from '@hono/zod-openapi';
import { ProsecutionEvent, ProsecutionEventInput } from '#core/docket/docket-task';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { ProsecutionEventService } from './prosecution-event.service.ts';

const tags = ['docket'];

const EventParams = IdParam.extend({
  eventId: z.uuid({ error: 'must be a UUID' }).openapi({ param: { name: 'eventId', in: 'path' } }),
});

const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};

const list = createRoute({
  method: 'get',
  path: '/api/applications/{id}/events',
  tags,
  summary: 'The procedural events of an application (search report, R.71(3), grant, PCT filing, workflow events), by date',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(ProsecutionEvent), 'The events'), 401: errorResponses[401], 404: errorResponses[404] },
});

const create = createRoute({
  method: 'post',
  path: '/api/applications/{id}/events',
  tags,
  summary: "Record an event: the family's deadline tasks are recomputed in the same transaction",
  request: { params: IdParam, body: jsonBody(ProsecutionEventInput) },
  responses: { 201: jsonResponse(ProsecutionEvent, 'Recorded'), ...writeErrors },
});

const update = createRoute({
  method: 'put',
  path: '/api/applications/{id}/events/{eventId}',
  tags,
  summary: 'Correct an event: open tasks take the new dates; resolved tasks stay resolved, with the new due date noted',
  request: { params: EventParams, body: jsonBody(ProsecutionEventInput) },
  responses: { 200: jsonResponse(ProsecutionEvent, 'Corrected'), ...writeErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/applications/{id}/events/{eventId}',
  tags,
  summary: 'Delete an event: the open tasks it gave are deleted, resolved ones kept',
  request: { params: EventParams },
  responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
});

export function prosecutionEventRoutes(service: ProsecutionEventService) {
  return createRouter()
    .openapi(list, async (c) => c.json(await service.list(actorOf(c), c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(update, async (c) => {
      const { id, eventId } = c.req.valid('param');
      return c.json(await service.update(actorOf(c), id, eventId, c.req.valid('json')), 200);
    })
    .openapi(remove, async (c) => {
      const { id, eventId } = c.req.valid('param');
      await service.remove(actorOf(c), id, eventId);
      return c.body(null, 204);
    });
}
