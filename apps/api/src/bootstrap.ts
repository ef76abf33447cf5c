import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fastifyCookie from '@fastify/cookie';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import { newRequestId } from '@disclose/observability';
import { AppConfig } from '@disclose/config';
import { MAX_DOCUMENT_BYTES } from '@disclose/requests';
import { ApiModule } from './api.module';
import { VALIDATION_OPTIONS } from './http/validation';
import {
  jsonBodyParser,
  problemClientErrorHandler,
  problemFrameworkError,
  refuseNulCharacters,
} from './http/input-guards';
import { registerPortalHttp } from './portal/security-headers';

/** Builds the api application (also used by in-process tests); the caller decides whether to listen. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // TRUST_PROXY: whose X-Forwarded-For names the client (per-IP rate limits); a number counts hops.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: newRequestId,
    // Headers over 16 KB or broken HTTP: problem+json too (Fastify's default answers plain JSON).
    clientErrorHandler: problemClientErrorHandler,
    frameworkErrors: problemFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // JSON bodies nest at most 32 levels (deeper ones overflowed the validators' stack: a 500), and no NUL
  // character reaches PostgreSQL from the URL or a body (text cannot hold one: a 500 before).
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', {}, jsonBodyParser(fastify.getDefaultJsonParser('error', 'error')));
  fastify.addHook('preValidation', refuseNulCharacters);
  // Parses the portal's HttpOnly session cookie (read by AuthGuard) and lets the login route set it.
  await app.register(fastifyCookie);
  // Helmet headers and the portal's Content-Security-Policy (not on Swagger UI).
  await registerPortalHttp(app);
  // Every answer, including Fastify's own 404s, carries the request id that its log lines carry.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      (request.raw as typeof request.raw & { id: string }).id = request.id;
      void reply.header('X-Request-Id', request.id);
    });
  // Response documents (requests): one file per upload, size capped while streaming (413 beyond it).
  await app.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10 } });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Disclose API')
      .setDescription(
        'Freedom-of-information requests from receipt to the last appeal, and the annual report.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
