import { createRoute } from '@hono/zod-openapi';
import { Asset, AssetFilter, AssetInput, FamilyInput } from '#core/asset';
import { ListQuery, pageOf } from '#core/common';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { AssetService } from './asset.service.ts';

const AssetPage = pageOf(Asset);

const listSummary =
  'q: words of the title or reference (prefix search), the whole reference, or an application or publication number as the office writes it (FR2001234, EP2400812; case and spaces ignored). ' +
  'sort: title, reference, status, firstFilingDate, createdAt, updatedAt (default -updatedAt).';

const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};

/**
 * Two edges over one service: `/api/assets` for every kind of asset and `/api/families` for patent families
 * only (its list is limited to families, and an id of another kind answers 404 there).
 */
function routesFor(options: { path: '/api/assets' | '/api/families'; one: string; plural: string }) {
  const { path, one, plural } = options;
  const isFamilies = path === '/api/families';
  const tags = [isFamilies ? 'families' : 'assets'];
  return {
    list: createRoute({
      method: 'get',
      path,
      tags,
      summary: `List ${plural}. ${listSummary}`,
      request: { query: isFamilies ? ListQuery.extend(AssetFilter.omit({ kind: true }).shape) : ListQuery.extend(AssetFilter.shape) },
      responses: { 200: jsonResponse(AssetPage, `A page of ${plural}`), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    get: createRoute({
      method: 'get',
      path: `${path}/{id}`,
      tags,
      summary: `Read ${one}, with its co-owners and applications`,
      request: { params: IdParam },
      responses: { 200: jsonResponse(Asset, `The ${one.replace(/^an? /, '')}`), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    create: createRoute({
      method: 'post',
      path,
      tags,
      summary: `Create ${one}. Application, publication and priority numbers are stored upper-case and without spaces.`,
      request: { body: jsonBody(isFamilies ? FamilyInput : AssetInput) },
      responses: { 201: jsonResponse(Asset, 'Created'), ...writeErrors },
    }),
    update: createRoute({
      method: 'put',
      path: `${path}/{id}`,
      tags,
      summary: `Replace ${one}: co-owners and applications are replaced; an application that remains (same office and number) keeps its id and status history`,
      request: { params: IdParam, body: jsonBody(isFamilies ? FamilyInput : AssetInput) },
      responses: { 200: jsonResponse(Asset, 'Updated'), ...writeErrors },
    }),
    remove: createRoute({
      method: 'delete',
      path: `${path}/{id}`,
      tags,
      summary: `Delete ${one} that no agreement covers`,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
    }),
  };
}

const asset = routesFor({ path: '/api/assets', one: 'an asset', plural: 'IP assets (patent families, software, know-how)' });
const family = routesFor({ path: '/api/families', one: 'a patent family', plural: 'patent families' });

export function assetRoutes(service: AssetService) {
  return createRouter()
    .openapi(asset.list, async (c) => {
      const { limit, offset, q, sort, ...filter } = c.req.valid('query');
      return c.json(await service.list(actorOf(c), filter, { limit, offset, q, sort }), 200);
    })
    .openapi(asset.get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(asset.create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(asset.update, async (c) => c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(asset.remove, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}

const onlyFamilies = { kind: 'patent_family' } as const;

export function familyRoutes(service: AssetService) {
  return createRouter()
    .openapi(family.list, async (c) => {
      const { limit, offset, q, sort, ...filter } = c.req.valid('query');
      return c.json(await service.list(actorOf(c), { ...filter, ...onlyFamilies }, { limit, offset, q, sort }), 200);
    })
    .openapi(family.get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id, onlyFamilies), 200))
    .openapi(family.create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json'), onlyFamilies), 201))
    .openapi(family.update, async (c) =>
      c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json'), onlyFamilies), 200),
    )
    .openapi(family.remove, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').id, onlyFamilies);
      return c.body(null, 204);
    });
}
