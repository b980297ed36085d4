import { createRoute } from '@hono/zod-openapi';
import { ListQuery, pageOf } from '#core/common';
import { AbandonInput, AbandonResult, Task, TaskAssigneeInput, TaskFilter, TaskResolveInput, TaskSummary } from '#core/docket/docket-task';
import { IdParam, actorOf, createRouter, errorResponses, jsonBody, jsonResponse } from '../../platform/http.ts';
import type { AbandonService } from './abandon.service.ts';
import type { TaskService } from './task.service.ts';

const tags = ['docket'];
const TaskPage = pageOf(Task);

const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};

const list = createRoute({
  method: 'get',
  path: '/api/tasks',
  tags,
  summary:
    'Deadline tasks the caller may see. dueWithin=30|90: open, not overdue, due within that many days (a task in its grace period included); ' +
    'overdue=true: open and past its last day (grace end, else due); assigneeId: a user id, me or none; ' +
    'q: words of the family title or reference, or an application number. sort: due (default), graceEnd, kind, status, createdAt.',
  request: { query: ListQuery.extend(TaskFilter.shape) },
  responses: { 200: jsonResponse(TaskPage, 'A page of tasks'), 400: errorResponses[400], 401: errorResponses[401] },
});

const summary = createRoute({
  method: 'get',
  path: '/api/tasks/summary',
  tags,
  summary: 'Open tasks counted per school and per assignee: overdue, due within 30 days, due within 90 days (the 30 included)',
  responses: { 200: jsonResponse(TaskSummary, 'The counts'), 401: errorResponses[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  tags,
  summary: 'One task',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Task, 'The task'), 401: errorResponses[401], 404: errorResponses[404] },
});

const resolve = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/resolve',
  tags,
  summary: 'Mark an open task done, waived or missed (a reason is required for waived and missed); resolvedOn defaults to today',
  request: { params: IdParam, body: jsonBody(TaskResolveInput) },
  responses: { 200: jsonResponse(Task, 'Resolved'), ...writeErrors },
});

const reopen = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/reopen',
  tags,
  summary: "Reopen a resolved task: it takes today's computed dates (409 when the deadline no longer applies)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(Task, 'Reopened'), ...writeErrors },
});

const assign = createRoute({
  method: 'put',
  path: '/api/tasks/{id}/assignee',
  tags,
  summary: "Give a task to an officer of the family's school, a central officer or an admin (null: nobody)",
  request: { params: IdParam, body: jsonBody(TaskAssigneeInput) },
  responses: { 200: jsonResponse(Task, 'Assigned'), ...writeErrors },
});

const abandon = createRoute({
  method: 'post',
  path: '/api/assets/{id}/abandon',
  tags,
  summary:
    "Abandon applications of a family. Owned alone: abandoned now (200). Co-owned: the co-owners' 4-month notice starts first " +
    '(Code de la recherche L.533-1): the planned abandonment is recorded, the notice task created, and 202 gives the end of the notice; ' +
    'call again with confirm: true once it has ended. `saves` lists the open deadlines that no longer need acting on.',
  request: { params: IdParam, body: jsonBody(AbandonInput) },
  responses: {
    200: jsonResponse(AbandonResult, 'Abandoned'),
    202: jsonResponse(AbandonResult, "The co-owners' notice has started"),
    ...writeErrors,
  },
});

export function taskRoutes(tasks: TaskService, abandonment: AbandonService) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, offset, q, sort, ...filter } = c.req.valid('query');
      return c.json(await tasks.list(actorOf(c), filter, { limit, offset, q, sort }), 200);
    })
    // Before /api/tasks/{id}, which would otherwise take "summary" for an id.
    .openapi(summary, async (c) => c.json(await tasks.summary(actorOf(c)), 200))
    .openapi(get, async (c) => c.json(await tasks.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(resolve, async (c) => c.json(await tasks.resolve(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(reopen, async (c) => c.json(await tasks.reopen(actorOf(c), c.req.valid('param').id), 200))
    .openapi(assign, async (c) => c.json(await tasks.assign(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(abandon, async (c) => {
      const result = await abandonment.abandon(actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return result.outcome === 'abandoned' ? c.json(result, 200) : c.json(result, 202);
    });
}
