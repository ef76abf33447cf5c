import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  FieldMessage,
  RateLimitedError,
  ValidationError,
  formatMessage,
} from '@disclose/domain';
import { statusForDomainCode } from './domain-status';
import { healthReport } from './health-report';
import { domainFieldError, localizeFieldError } from './field-messages';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { ApiLocale, requestLocale } from './request-locale';
import { RequestValidationException } from './validation';
import { isServiceUnavailable, unavailableProblem, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable';

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

export { statusForDomainCode } from './domain-status';

/** Every error leaves the api as application/problem+json (RFC 9457); internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = requestLocale(request as unknown as Parameters<typeof requestLocale>[0]);
    const problem = this.toProblem(exception, locale);
    problem.instance = request.url;
    const requestId = reply.getHeader?.('x-request-id');
    if (typeof requestId === 'string') problem.requestId = requestId;
    if (problem.code === 'SERVICE.UNAVAILABLE') {
      this.logger.warn(`${request.url}: 503, a backing service is unreachable (${String(exception)})`);
      void reply.header('retry-after', UNAVAILABLE_RETRY_AFTER_SECONDS);
    } else if (problem.status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, url: request.url }, 'request failed');
    }
    if (exception instanceof RateLimitedError) void reply.header('retry-after', exception.retryAfterSeconds);
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown, locale: ApiLocale): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      const fields = [...new Set(exception.fieldErrors.map((e) => e.field))].join(', ');
      return {
        type: problemType('VALIDATION.FAILED'),
        title: 'Invalid request',
        status: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION.FAILED',
        detail: formatMessage('VALIDATION.FAILED', { fields }, locale),
        errors: exception.fieldErrors.map((e) => localizeFieldError(e, locale)),
      };
    }
    if (exception instanceof DomainError) return this.domainProblem(exception, locale);
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
    // PostgreSQL or Redis unreachable (restart, failover): 503 + Retry-After, not a 500.
    if (isServiceUnavailable(exception)) return unavailableProblem(locale);
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

  /** Domain errors: status from DOMAIN_STATUS, `detail` in the caller's language, field messages too. */
  private domainProblem(error: DomainError, locale: ApiLocale): ProblemDetails {
    const status = statusForDomainCode(error.code);
    const problem: ProblemDetails = {
      type: problemType(error.code),
      title: error.code,
      status,
      code: error.code,
      detail: formatMessage(error.code, error.params, locale),
    };
    if (error instanceof ValidationError) {
      problem.errors = (error.fields as FieldMessage[]).map((f) => domainFieldError(f, locale));
    }
    if (error instanceof RateLimitedError) problem.retryAfter = error.retryAfterSeconds;
    return problem;
  }
}
