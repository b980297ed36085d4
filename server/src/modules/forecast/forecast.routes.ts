import { createRoute } from '@hono/zod-openapi';
import { FamilyCostsAnswer, ForecastOptionsQuery, PortfolioBudget, PortfolioForecastQuery } from '#core/fees/fee-forecast';
import { IdParam, actorOf, createRouter, errorResponses, jsonResponse } from '../../platform/http.ts';
import type { ForecastService } from './forecast.service.ts';

const tags = ['forecast'];

const pricing =
  'Renewal fees, INPI annuities and USPTO maintenance fees, each priced at the schedule in force on its due date, in EUR and USD kept apart. ' +
  'Every amount names its schedule and source; verify: true marks an amount not confirmed in an official text. ' +
  'Options: inpiReducedRate (default true), usptoEntity (large, small, micro; default large), afterGrantEP (none, unitary; default none).';

const familyCosts = createRoute({
  method: 'get',
  path: '/api/families/{id}/costs',
  tags,
  summary: `A patent family's costs: to date, over the next 5 years and for life, and what abandoning each application would save. ${pricing}`,
  request: { params: IdParam, query: ForecastOptionsQuery },
  responses: {
    200: jsonResponse(FamilyCostsAnswer, 'The costs'),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

const portfolioForecast = createRoute({
  method: 'get',
  path: '/api/portfolio/forecast',
  tags,
  summary: `The renewal budget of the families the user may open, per calendar year × school × office, with totals and the schedules used. years: 1–20 (default 5). ${pricing}`,
  request: { query: PortfolioForecastQuery },
  responses: { 200: jsonResponse(PortfolioBudget, 'The budget'), 400: errorResponses[400], 401: errorResponses[401] },
});

export function forecastRoutes(service: ForecastService) {
  return createRouter()
    .openapi(familyCosts, async (c) => c.json(await service.familyCosts(actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(portfolioForecast, async (c) => c.json(await service.portfolioForecast(actorOf(c), c.req.valid('query')), 200));
}
