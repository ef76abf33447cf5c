import { HttpStatus } from '@nestjs/common';
import type { ProblemDetails } from './problem';
import { problemType } from './problem';
import type { ApiLocale } from './request-locale';

/** Seconds a client is told to wait before retrying while PostgreSQL or Redis is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Socket errors and PostgreSQL SQLSTATEs meaning "the server is not there right now", not a bug; and the
 * pool closed by this process's own shutdown (a request still running when it stops).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up / in recovery
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|Connection is closed|Reached the max retries per request limit|Cannot use a pool after calling end on the pool/i;

/**
 * Whether an error means a backing service (PostgreSQL, Redis) is unreachable: TypeORM wraps the driver's
 * error (`driverError`), ECONNREFUSED can be an AggregateError (IPv4 + IPv6), causes may be chained.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  // TypeORM releases a transaction's query runner when its connection dies mid-transaction (restart).
  const name = (error as { name?: unknown }).name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError')
    return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  return (
    isServiceUnavailable(e.driverError, depth + 1) ||
    isServiceUnavailable(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((x) => isServiceUnavailable(x, depth + 1)))
  );
}

/** 503 with Retry-After: the transaction rolled back (or, rarely, committed as the connection died); retry. */
export function unavailableProblem(locale: ApiLocale): ProblemDetails {
  return {
    type: problemType('SERVICE.UNAVAILABLE'),
    title: 'Service unavailable',
    status: HttpStatus.SERVICE_UNAVAILABLE,
    code: 'SERVICE.UNAVAILABLE',
    detail:
      locale === 'en'
        ? `The service is briefly unavailable. Please retry in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds (a retry with the same Idempotency-Key is safe).`
        : `服务暂时不可用，请 ${UNAVAILABLE_RETRY_AFTER_SECONDS} 秒后重试（使用相同的 Idempotency-Key 重试是安全的）。`,
    retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
  };
}
