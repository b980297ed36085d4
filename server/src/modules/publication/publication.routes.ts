import { createRoute, z } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { FamilyPublications, ImportRun, LinkInput, Publication, PublicationFilter, PublicationSummary, ReviewItem } from '#core/publication-corpus';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { PublicationServices } from './publication.services.ts';
import { saveUpload } from './upload-file.ts';

/** A publication's link to a family: the publication's id, the family's. */
const LinkParam = IdParam.extend({ assetId: z.uuid({ error: 'must be a UUID' }).openapi({ param: { name: 'assetId', in: 'path' } }) });

const readErrors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const writeErrors = { ...readErrors, 404: errorResponses[404], 409: errorResponses[409] };

const upload = createRoute({
  method: 'post',
  path: '/api/imports',
  tags: ['publications'],
  summary:
    'Import a patent-office file sent as the request body (XML, JSON, CSV, or a ZIP of them), named by fileName. ' +
    'Answers 201 with the report when the run ended within a couple of seconds, else 202 with the run in progress: follow it with GET /api/imports/{id}.',
  request: {
    query: z.object({ fileName: z.string().trim().min(1, { error: 'is required' }).max(255) }),
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: {
    201: jsonResponse(ImportRun, 'The run, ended'),
    202: jsonResponse(ImportRun, 'The run, in progress'),
    ...readErrors,
    413: errorResponses[413],
  },
});

const runs = createRoute({
  method: 'get',
  path: '/api/imports',
  tags: ['publications'],
  summary: 'The import runs, newest first',
  request: { query: ListQuery.pick({ limit: true, offset: true }) },
  responses: { 200: jsonResponse(pageOf(ImportRun), 'A page of runs'), ...readErrors },
});

const run = createRoute({
  method: 'get',
  path: '/api/imports/{id}',
  tags: ['publications'],
  summary: 'One import run: its counts so far while it runs, then its report with the bad records',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ImportRun, 'The run'), ...readErrors, 404: errorResponses[404] },
});

const list = createRoute({
  method: 'get',
  path: '/api/publications',
  tags: ['publications'],
  summary:
    'Browse the publication corpus. q: a publication number (EP2400812, with or without office and kind) or an application number. ' +
    'sort: publicationDate, number, country, filingDate (default -publicationDate).',
  request: { query: ListQuery.extend(PublicationFilter.shape) },
  responses: { 200: jsonResponse(pageOf(PublicationSummary), 'A page of publications'), ...readErrors },
});

const review = createRoute({
  method: 'get',
  path: '/api/publications/review',
  tags: ['publications'],
  summary: "The institution's publications that no family knows: its name, its schools' and units' among the applicants (or their SIREN), not linked, not dismissed",
  request: { query: ListQuery.pick({ limit: true, offset: true, sort: true }) },
  responses: { 200: jsonResponse(pageOf(ReviewItem), 'A page of publications to review'), ...readErrors },
});

const get = createRoute({
  method: 'get',
  path: '/api/publications/{id}',
  tags: ['publications'],
  summary: 'One publication with its legal events, register steps and links to the families the reader may open',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Publication, 'The publication'), ...readErrors, 404: errorResponses[404] },
});

const link = createRoute({
  method: 'post',
  path: '/api/publications/{id}/link',
  tags: ['publications'],
  summary:
    "Link a publication to a family by hand (confirmed; a link rejected before counts again); with an application, that application's status, publications and deadlines follow it",
  request: { params: IdParam, body: jsonBody(LinkInput) },
  responses: { 200: jsonResponse(Publication, 'Linked'), ...writeErrors },
});

const confirmLink = createRoute({
  method: 'post',
  path: '/api/publications/{id}/links/{assetId}/confirm',
  tags: ['publications'],
  summary:
    'Confirm a link that matching left to be confirmed (a priority claimed, the DOCDB family): the publication is of this family. ' +
    'Admins and the officers of the family’s school; 404 when there is no such link or it was rejected.',
  request: { params: LinkParam },
  responses: { 200: jsonResponse(Publication, 'Confirmed'), ...writeErrors },
});

const unlink = createRoute({
  method: 'delete',
  path: '/api/publications/{id}/links/{assetId}',
  tags: ['publications'],
  summary:
    'Not this family: reject the link, which no later import, family save or OPS sync makes again (only a manual link restores it). ' +
    'What the link already brought to the family’s applications (publications added, status, events, renewals) stays. ' +
    'A publication left with no link goes back to the review list. Admins and the officers of the family’s school.',
  request: { params: LinkParam },
  responses: { 200: jsonResponse(Publication, 'Rejected'), ...writeErrors },
});

const dismiss = createRoute({
  method: 'post',
  path: '/api/publications/{id}/dismiss',
  tags: ['publications'],
  summary: 'Take a publication off the review list',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Publication, 'Dismissed'), ...writeErrors },
});

const ofFamily = createRoute({
  method: 'get',
  path: '/api/families/{id}/publications',
  tags: ['publications'],
  summary: "A family's publications, with their legal events and register steps",
  request: { params: IdParam },
  responses: { 200: jsonResponse(FamilyPublications, 'The publications'), 401: errorResponses[401], 404: errorResponses[404] },
});

/** `maxUploadBytes`: the largest upload taken (VALO_MAX_UPLOAD_MB), 2 GiB by default. */
export function publicationRoutes(services: PublicationServices, options: { maxUploadBytes?: number } = {}) {
  const { publications, imports } = services;
  return (
    createRouter()
      .openapi(upload, async (c) => {
        const { fileName } = c.req.valid('query');
        const { run: started, isFinished } = await imports.start(actorOf(c), () =>
          saveUpload(fileName, c.req.raw.body, { maxBytes: options.maxUploadBytes, contentLength: c.req.header('content-length') }),
        );
        return isFinished ? c.json(started, 201) : c.json(started, 202);
      })
      .openapi(runs, async (c) => c.json(await imports.list(actorOf(c), c.req.valid('query')), 200))
      .openapi(run, async (c) => c.json(await imports.get(actorOf(c), c.req.valid('param').id), 200))
      .openapi(list, async (c) => {
        const { limit, offset, q, sort, ...filter } = c.req.valid('query');
        return c.json(await publications.list(actorOf(c), filter, { limit, offset, q, sort }), 200);
      })
      // Before /{id}, which would take "review" for an id.
      .openapi(review, async (c) => c.json(await publications.review(actorOf(c), c.req.valid('query')), 200))
      .openapi(get, async (c) => c.json(await publications.get(actorOf(c), c.req.valid('param').id), 200))
      .openapi(link, async (c) => c.json(await publications.link(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
      .openapi(confirmLink, async (c) => {
        const { id, assetId } = c.req.valid('param');
        return c.json(await publications.confirmLink(actorOf(c), id, assetId), 200);
      })
      .openapi(unlink, async (c) => {
        const { id, assetId } = c.req.valid('param');
        return c.json(await publications.unlink(actorOf(c), id, assetId), 200);
      })
      .openapi(dismiss, async (c) => c.json(await publications.dismiss(actorOf(c), c.req.valid('param').id), 200))
      .openapi(ofFamily, async (c) => c.json(await publications.ofFamily(actorOf(c), c.req.valid('param').id), 200))
  );
}
