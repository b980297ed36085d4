import { createRoute } from '@hono/zod-openapi';
import { FamilySync } from '#core/publication-corpus';
import { IdParam, actorOf, createRouter, errorResponses, jsonResponse } from '../../../platform/http.ts';
import type { OpsSyncService } from './ops-sync.service.ts';

const state = createRoute({
  method: 'get',
  path: '/api/families/{id}/sync',
  tags: ['publications'],
  summary: "The family's last sync with EPO OPS: when, what was asked and found, what the portfolio took from it, and when the next is due",
  request: { params: IdParam },
  responses: { 200: jsonResponse(FamilySync, 'The sync'), 401: errorResponses[401], 404: errorResponses[404] },
});

const syncNow = createRoute({
  method: 'post',
  path: '/api/families/{id}/sync',
  tags: ['publications'],
  summary:
    'Sync the family with EPO OPS now: the full cycle and legal events of each application, and the EP Register of the EP ones, ' +
    'asked afresh and imported; answers when done. 409 when OPS is not configured or a sync of the family is running.',
  request: { params: IdParam },
  responses: { 200: jsonResponse(FamilySync, 'The sync, ended'), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
});

export function opsSyncRoutes(sync: OpsSyncService) {
  return createRouter()
    .openapi(state, async (c) => c.json(await sync.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(syncNow, async (c) => c.json(await sync.syncNow(actorOf(c), c.req.valid('param').id), 200));
}
