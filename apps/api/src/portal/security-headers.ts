import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The portal's strict Content-Security-Policy: no inline script or style, nothing from other origins, forms
 * post only here, no framing. Swagger UI (/api/docs) and the Bull Board (/admin/queues) ship inline code, so
 * they keep helmet's other headers without this policy; every other answer (pages, JSON, files) carries it.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Helmet headers and the CSP above. (Nest's Fastify adapter already parses urlencoded form bodies.) */
export async function registerPortalHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      const exempt = request.url.startsWith('/api/docs') || request.url.startsWith('/admin/queues');
      if (!exempt) void reply.header('content-security-policy', PORTAL_CSP);
    });
}
