import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@disclose/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Secrets and personal data never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
];

/** A sane incoming X-Request-Id (set by a proxy), or a new one. */
export function newRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The id the HTTP server gave the request (Fastify sets `req.id` from {@link newRequestId}). */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const existing = (req as IncomingMessage & { id?: unknown }).id;
  if (typeof existing === 'string') return existing;
  const id = newRequestId(req);
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs (pino) for one process, with a request id on every HTTP log line. */
@Module({})
export class LoggerModule {
  static forRoot(processName: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              base: { process: processName },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              genReqId: requestId,
              customProps: () => ({ process: processName }),
              autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
              },
            },
          }),
        }),
      ],
    };
  }
}
