import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { maskText, maskUrl, scrubEntry, serializeError } from './logging/pii';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Secrets never reach the logs (fast path; {@link pinoPrivacyOptions} masks the rest at any depth). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
];

/**
 * The pino options that keep secrets and personal data out of every log line (see ./logging/pii.ts):
 * key-based redaction, scrubbing of logged objects, reduced request/response/error serializers, and a
 * last pass over each finished line that masks emails, phone and ID numbers, tokens and hashes.
 */
export function pinoPrivacyOptions() {
  return {
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) {
          // req and res are reduced by their serializers below; errors by serializeError.
          if (key === 'req' || key === 'res') out[key] = value;
          else if (key === 'err' || key === 'error') out[key] = serializeError(value);
          else out[key] = scrubEntry(key, value);
        }
        return out;
      },
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: maskUrl(req.url ?? ''),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
    hooks: { streamWrite: (line: string): string => maskText(line) },
  };
}

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
            // Every route; nestjs-pino's default ('{/*splat}') matched no route under Fastify (no request
            // was ever logged). '/*path' is what the Fastify adapter maps to middie's catch-all.
            forRoutes: [{ path: '/*path', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              base: { process: processName },
              ...pinoPrivacyOptions(),
              genReqId: requestId,
              customProps: () => ({ process: processName }),
              autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
            },
          }),
        }),
      ],
    };
  }
}
