import { createRoute } from '@hono/zod-openapi';
import { PortfolioSummary } from '#core/portfolio';
import { actorOf, createRouter, errorResponses, jsonResponse } from '../../platform/http.ts';
import type { PortfolioService } from './portfolio.service.ts';

const summary = createRoute({
  method: 'get',
  path: '/api/portfolio/summary',
  tags: ['portfolio'],
  summary: 'The portfolio at a glance: totals, per school, per year; counts only what the user may open',
  responses: { 200: jsonResponse(PortfolioSummary, 'The summary'), 401: errorResponses[401] },
});

export function portfolioRoutes(service: PortfolioService) {
  return createRouter().openapi(summary, async (c) => c.json(await service.summary(actorOf(c)), 200));
}
