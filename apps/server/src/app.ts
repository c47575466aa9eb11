import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { FieldCipher } from './crypto/field-cipher';
import type { Database } from './db/pool';
import { auditRoutes } from './modules/audit/audit.routes';
import { calendarRoutes, dueRoutes } from './modules/calendar/calendar.routes';
import { loginRoutes, sessionRoutes } from './modules/identity/auth.routes';
import { securityRoutes, tokenRoutes } from './modules/identity/security.routes';
import { userRoutes } from './modules/identity/users.routes';
import { parkRoutes } from './modules/parks/parks.routes';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes';
import { statisticsRoutes } from './modules/statistics/statistics.routes';
import { visitRoutes } from './modules/service-desk/visits.routes';
import { servicePackageRoutes } from './modules/service-desk/service-packages.routes';
import { workbenchRoutes } from './modules/service-desk/workbench.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { workOrderRoutes } from './modules/service-desk/work-orders.routes';
import { serviceDeskStatsRoutes } from './modules/service-desk/service-desk-stats.routes';
import { supervisionRoutes } from './modules/service-desk/supervision.routes';
import { queues, startJobs, type Jobs } from './jobs/jobs';
import { referenceRoutes } from './modules/reference/reference.routes';
import { authenticate } from './plugins/auth';
import { registerErrorHandlers } from './plugins/error-handler';
import { registerSecurityHeaders } from './plugins/security-headers';
import { createServices } from './services';
import { listen } from './db/listen';
import { SESSION_EVICT_CHANNEL } from './modules/identity/session-cache';
import { CHANGE_CHANNEL } from './db/change-feed';

export type AppOptions = { config: Config; database: Database; cipher: FieldCipher; webDist?: string; clock?: () => Date; logger?: boolean };

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // 1. Outside plugins.
  registerSecurityHeaders(app, { hsts: config.cookieSecure });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  // Uploads are read whole into memory (≤ 20 MB, one file): every import is checked before it is parsed.
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'zhiyuan 智园 API', version: '0.1.0', description: '园区运营平台接口。Cookie 会话（写操作需 X-CSRF-Token）或 Authorization: Bearer 访问令牌。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'zy_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // 2. App plugins: configuration, database, services, request context.
  app.decorate('config', config);
  app.decorate('database', database);
  let jobs: Jobs | null = null;
  const services = createServices(database.db, config, opts.cipher, opts.clock, () => jobs, app.log);
  app.decorate('services', services);
  // Background jobs run on every instance; pg-boss hands each job to one of them.
  jobs = await startJobs(database.pool);
  await jobs.work(queues.statisticsRollups.name, async () => void (await services.rollups.drainDue()));
  await jobs.work(queues.serviceDeskSweep.name, async () => void (await services.serviceDesk.sweep()));
  app.addHook('onClose', () => jobs?.stop());
  await services.rollups.wake(); // periods marked before a crash or restart
  // One connection for the instance's LISTENs: session evictions and changes of remembered figures.
  const listener = await listen(database.url, { [SESSION_EVICT_CHANNEL]: services.sessionCache, [CHANGE_CHANNEL]: services.changeFeed });
  app.addHook('onClose', () => listener.close());
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', function () {
    const anonymous = { kind: 'anonymous' as const, id: null, name: 'anonymous', roles: [], parkIds: [], enterpriseId: null };
    return { actor: this.actor ?? anonymous, ip: this.ip ?? null, userAgent: this.headers['user-agent'] ?? null };
  });
  registerErrorHandlers(app);

  // 3. Module routes: a public group and an authenticated group.
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get('/health', { schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
        await database.pool.query('SELECT 1');
        return { status: 'ok' as const };
      });
      await api.register(loginRoutes);
      await api.register(referenceRoutes);
      await api.register(dueRoutes);
      await api.register(async (authed) => {
        authed.addHook('onRequest', authenticate);
        await authed.register(sessionRoutes);
        await authed.register(userRoutes);
        await authed.register(securityRoutes);
        await authed.register(tokenRoutes);
        await authed.register(parkRoutes);
        await authed.register(calendarRoutes);
        await authed.register(auditRoutes);
        await authed.register(enterpriseRoutes);
        await authed.register(statisticsRoutes);
        // Before the work-order routes: /work-orders/stats is not an order id.
        await authed.register(serviceDeskStatsRoutes);
        await authed.register(visitRoutes);
        await authed.register(servicePackageRoutes);
        await authed.register(workbenchRoutes);
        await authed.register(supervisionRoutes);
        await authed.register(notificationRoutes);
        await authed.register(workOrderRoutes);
      });
    },
    { prefix: '/api' },
  );

  if (opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'))) await serveWeb(app, opts.webDist);
  return app;
}

/** The built web app on the same origin; unknown non-API paths get index.html (client-side routes). */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false, maxAge: '1h' });
  const index = fs.readFileSync(path.join(dist, 'index.html'));
  app.decorate('serveIndex', (reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index));
  app.get('/', { schema: { hide: true } }, (_req, reply) => app.serveIndex(reply));
}
