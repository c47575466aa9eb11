import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * helmet's headers, with the middleware built once: @fastify/helmet rebuilds it on every request,
 * which cost more CPU than the whole session lookup (docs/adr/0005).
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: opts.hsts,
  });
  app.addHook('onRequest', (req, reply, done) => middleware(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
}
