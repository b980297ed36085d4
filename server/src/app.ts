import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, z } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import { createErrorHandler, createRouter, jsonResponse } from './platform/http.ts';
import type { Logger } from './platform/logger.ts';
import type { Services } from './services.ts';
import { authRoutes, requireSession, sessionMiddleware } from './modules/auth/auth.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { personRoutes } from './modules/person/person.routes.ts';
import { inventionRoutes } from './modules/invention/invention.routes.ts';
import { agreementRoutes } from './modules/agreement/agreement.routes.ts';
import { startupRoutes } from './modules/startup/startup.routes.ts';
import { assetRoutes, familyRoutes } from './modules/asset/asset.routes.ts';
import { portfolioRoutes } from './modules/portfolio/portfolio.routes.ts';
import { docketRoutes } from './modules/docket/docket.routes.ts';
import { forecastRoutes } from './modules/forecast/forecast.routes.ts';
import { publicationRoutes } from './modules/publication/publication.routes.ts';
import { opsSyncRoutes } from './modules/publication/ops/ops-sync.routes.ts';
import { apiReferencePage } from './platform/api-reference.ts';

const PUBLIC_PATHS = ['/api/health', '/api/openapi.json', '/api/docs', '/api/auth/login'];
const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  summary: 'Is Valo up, and on which database',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 'Healthy'),
  },
});

/** The HTTP edge: session, then every module's routes, one error handler, and the built web app. */
export function createApp(services: Services, options: { logger: Logger; secureCookies: boolean; maxUploadBytes?: number }) {
  const app = createRouter();
  app.onError(createErrorHandler(options.logger));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('/api/*', sessionMiddleware(services.auth));
  app.use('/api/*', requireSession(PUBLIC_PATHS));

  app.openapi(health, async (c) => {
    await services.database.db.execute('select 1');
    return c.json({ status: 'ok' as const, database: services.database.kind }, 200);
  });

  app.route('/', authRoutes(services.auth, { secureCookies: options.secureCookies }));
  app.route('/', organisationRoutes(services.organisations));
  app.route('/', personRoutes(services.people));
  app.route('/', inventionRoutes(services.inventions));
  app.route('/', agreementRoutes(services.agreements));
  app.route('/', startupRoutes(services.startups));
  app.route('/', assetRoutes(services.assets));
  app.route('/', familyRoutes(services.assets));
  app.route('/', portfolioRoutes(services.portfolio));
  // Docketing; also /calendar/<token>.ics, outside /api: a calendar program polls it without a session.
  app.route('/', docketRoutes(services.docket));
  app.route('/', forecastRoutes(services.forecast));
  app.route('/', publicationRoutes(services.publications, { maxUploadBytes: options.maxUploadBytes }));
  app.route('/', opsSyncRoutes(services.publications.sync));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'valo_session',
    description: 'Set by POST /api/auth/login. Writes also need the X-CSRF-Token header from the login answer.',
  });
  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Valo API',
      version: '0.1.0',
      description: 'Technology transfer: inventions, IP assets, agreements, startups.',
    },
    security: [{ session: [] }],
  };
  app.doc31('/api/openapi.json', openApiConfig);
  app.get('/api/docs', (c) => c.html(apiReferencePage(app.getOpenAPI31Document(openApiConfig))));
  app.all('/api/*', (c) => c.json({ error: { kind: 'not_found', message: `no route ${c.req.method} ${c.req.path}`, issues: [] } }, 404));

  if (existsSync(webDist)) {
    const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webDist }));
    app.use('/favicon.svg', serveStatic({ root: webDist }));
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('*', (c) => c.text('The web app is not built: run `npm run build:web`.', 503));
  }
  return app;
}
export type App = ReturnType<typeof createApp>;
