import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { RequestValidationException } from './validation';

/** Error codes carried by domain errors, mapped to HTTP by {@link statusForDomainCode}. */
export interface CodedError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function isCodedError(error: unknown): error is CodedError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.includes('.');
}

/** Domain error families → HTTP status. Unknown families are a server bug (500). */
export function statusForDomainCode(code: string): number {
  const family = code.split('.')[0];
  const byFamily: Record<string, number> = {
    VALIDATION: 400,
    DEADLINES: 422,
    AUTH: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
  };
  if (code.endsWith('NOT_FOUND')) return 404;
  if (code.endsWith('CONFLICT') || code.endsWith('INVALID_TRANSITION')) return 409;
  return byFamily[family] ?? 500;
}

interface HealthReport {
  status: string;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

/** Terminus answers 503 with its report as the exception body; keep it, it says what is down. */
function healthReport(body: unknown): HealthReport | undefined {
  const candidate = body as Partial<HealthReport> | null;
  return candidate &&
    typeof candidate === 'object' &&
    typeof candidate.details === 'object' &&
    'status' in candidate
    ? (candidate as HealthReport)
    : undefined;
}

/** Every error leaves the api as application/problem+json (RFC 9457); internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    const requestId = reply.getHeader?.('x-request-id');
    if (typeof requestId === 'string') problem.requestId = requestId;
    if (problem.status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, url: request.url }, 'request failed');
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      return {
        type: problemType('VALIDATION.FAILED'),
        title: 'Invalid request',
        status: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION.FAILED',
        detail: exception.message,
        errors: exception.fieldErrors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      const code = `HTTP.${HttpStatus[status] ?? status}`;
      const health = healthReport(body);
      if (health) {
        const failing = Object.keys(health.error ?? {});
        return {
          type: problemType('HEALTH.DOWN'),
          title: 'Service unavailable',
          status,
          code: 'HEALTH.DOWN',
          detail: `down: ${failing.join(', ')}`,
          checks: health.details,
        };
      }
      return {
        type: problemType(code),
        title:
          HttpStatus[status]
            ?.replace(/_/g, ' ')
            .toLowerCase()
            .replace(/^./, (c) => c.toUpperCase()) ?? 'Error',
        status,
        code,
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
      };
    }
    if (isCodedError(exception)) {
      const status = statusForDomainCode(exception.code);
      return {
        type: problemType(exception.code),
        title: exception.code,
        status,
        code: exception.code,
        detail: status >= 500 ? 'An unexpected error occurred.' : exception.message,
        ...(status < 500 && exception.details ? { details: exception.details } : {}),
      };
    }
    // Fastify's own client errors (body too large, bad JSON) carry a statusCode.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return {
        type: problemType(`HTTP.${statusCode}`),
        title: HttpStatus[statusCode] ?? 'Bad request',
        status: statusCode,
        code: `HTTP.${statusCode}`,
        detail: (exception as Error).message,
      };
    }
    return {
      type: problemType('INTERNAL'),
      title: 'Internal server error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred.',
    };
  }
}
