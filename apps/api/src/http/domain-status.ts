import { HttpStatus } from '@nestjs/common';
import { type ErrorCode, isErrorCode } from '@disclose/domain';

/**
 * Every domain error code → its HTTP status. A Record over ErrorCode: adding a code to the domain without
 * deciding its status here fails the type check.
 */
export const DOMAIN_STATUS: Readonly<Record<ErrorCode, HttpStatus>> = {
  'REQUEST.INVALID_TRANSITION': HttpStatus.CONFLICT,
  'REQUEST.NOT_FOUND': HttpStatus.NOT_FOUND,
  'REQUEST.VERSION_CONFLICT': HttpStatus.CONFLICT,
  'REQUEST.DUPLICATE_IDEMPOTENCY_KEY': HttpStatus.CONFLICT,
  'AGENCY.NOT_FOUND': HttpStatus.NOT_FOUND,
  'AGENCY.CODE_TAKEN': HttpStatus.CONFLICT,
  'USER.NOT_FOUND': HttpStatus.NOT_FOUND,
  'DOCUMENT.NOT_FOUND': HttpStatus.NOT_FOUND,
  'CASE.NOT_FOUND': HttpStatus.NOT_FOUND,
  'HEARING.NOT_FOUND': HttpStatus.NOT_FOUND,
  'AUTH.INVALID_CREDENTIALS': HttpStatus.UNAUTHORIZED,
  'AUTH.UNAUTHENTICATED': HttpStatus.UNAUTHORIZED,
  'AUTH.FORBIDDEN': HttpStatus.FORBIDDEN,
  'AUTH.EMAIL_TAKEN': HttpStatus.CONFLICT,
  'AUTH.RATE_LIMITED': HttpStatus.TOO_MANY_REQUESTS,
  'AUTH.TOKEN_INVALID': HttpStatus.BAD_REQUEST,
  'VALIDATION.FAILED': HttpStatus.BAD_REQUEST,
  'FEE.NOT_APPLICABLE': HttpStatus.UNPROCESSABLE_ENTITY,
  'EXTENSION.PENDING': HttpStatus.CONFLICT,
  'DEADLINE.RULE': HttpStatus.UNPROCESSABLE_ENTITY,
  'CASE.FILING_WINDOW_CLOSED': HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Coded errors from outside the domain list (e.g. the deadline engine's `DEADLINES.*`), by family. */
const BY_FAMILY: Readonly<Record<string, HttpStatus>> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  DEADLINES: HttpStatus.UNPROCESSABLE_ENTITY,
  AUTH: HttpStatus.UNAUTHORIZED,
};

/** The HTTP status of a dotted error code; unknown codes are a server bug (500). */
export function statusForDomainCode(code: string): number {
  if (isErrorCode(code)) return DOMAIN_STATUS[code];
  if (code.endsWith('.NOT_FOUND')) return HttpStatus.NOT_FOUND;
  if (code.endsWith('.CONFLICT') || code.endsWith('.INVALID_TRANSITION')) return HttpStatus.CONFLICT;
  return BY_FAMILY[code.split('.')[0]] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}
