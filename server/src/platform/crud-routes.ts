import { createRoute, type z } from '@hono/zod-openapi';
import { ListQuery, type Page, pageOf } from '#core/common';
import type { Actor } from './actor.ts';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from './http.ts';

/** What a module's service offers for its five standard routes. */
export interface CrudService<TItem, TInput, TFilter> {
  list(actor: Actor, filter: TFilter, query: ListQuery): Promise<Page<TItem>>;
  get(actor: Actor, id: string): Promise<TItem>;
  create(actor: Actor, input: TInput): Promise<TItem>;
  update(actor: Actor, id: string, input: TInput): Promise<TItem>;
  remove(actor: Actor, id: string): Promise<void>;
}

export interface CrudRoutesOptions<TItem extends z.ZodType, TInput extends z.ZodType, TFilter extends z.ZodObject> {
  /** The collection's path, e.g. `/api/startups`. */
  path: `/api/${string}`;
  tag: string;
  item: TItem;
  input: TInput;
  filter: TFilter;
  summaries: { list: string; get: string; create: string; update: string; remove: string };
}

/**
 * The five routes every record type has (list, get, create, replace, delete), described once for
 * OpenAPI and wired to the module's service; a module adds its own routes beside them.
 */
export function crudRoutes<TItem extends z.ZodType, TInput extends z.ZodType, TFilter extends z.ZodObject>(
  options: CrudRoutesOptions<TItem, TInput, TFilter>,
  service: CrudService<z.infer<TItem>, z.infer<TInput>, z.infer<TFilter>>,
) {
  const tags = [options.tag];
  // Widened so Hono's request typing does not have to resolve a generic body; the service's own input
  // type is restored below, after the same schema has validated the body.
  const input: z.ZodType = options.input;
  const itemPath = `${options.path}/{id}` as const;
  const list = createRoute({
    method: 'get',
    path: options.path,
    tags,
    summary: options.summaries.list,
    request: { query: ListQuery.extend(options.filter.shape) },
    responses: { 200: jsonResponse(pageOf(options.item), 'A page'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
  });
  const get = createRoute({
    method: 'get',
    path: itemPath,
    tags,
    summary: options.summaries.get,
    request: { params: IdParam },
    responses: { 200: jsonResponse(options.item, 'The record'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
  });
  const create = createRoute({
    method: 'post',
    path: options.path,
    tags,
    summary: options.summaries.create,
    request: { body: jsonBody(input) },
    responses: {
      201: jsonResponse(options.item, 'Created'),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      409: errorResponses[409],
    },
  });
  const update = createRoute({
    method: 'put',
    path: itemPath,
    tags,
    summary: options.summaries.update,
    request: { params: IdParam, body: jsonBody(input) },
    responses: {
      200: jsonResponse(options.item, 'Updated'),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
      409: errorResponses[409],
    },
  });
  const remove = createRoute({
    method: 'delete',
    path: itemPath,
    tags,
    summary: options.summaries.remove,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[409] },
  });

  const router = createRouter();
  router.openapi(list, async (c) => {
    const { limit, offset, q, sort, ...filter } = c.req.valid('query') as ListQuery & z.infer<TFilter>;
    return c.json(await service.list(actorOf(c), filter as z.infer<TFilter>, { limit, offset, q, sort }), 200);
  });
  router.openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200));
  router.openapi(create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json') as z.infer<TInput>), 201));
  router.openapi(update, async (c) =>
    c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json') as z.infer<TInput>), 200),
  );
  router.openapi(remove, async (c) => {
    await service.remove(actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
