/**
 * Domain errors are data: a stable `code` plus `params`. Each transport maps codes to its own terms (the API
 * to an HTTP status via a `Record<ErrorCode, ...>`, the worker to retry / no retry); the message text comes
 * from `formatMessage` in `messages.ts`, in the caller's locale.
 */

/** Every error code the domain can raise; stable, stored in logs and problem+json `code`. */
export const ERROR_CODES = [
  'REQUEST.INVALID_TRANSITION',
  'REQUEST.NOT_FOUND',
  'REQUEST.VERSION_CONFLICT',
  'REQUEST.DUPLICATE_IDEMPOTENCY_KEY',
  'AGENCY.NOT_FOUND',
  'USER.NOT_FOUND',
  'DOCUMENT.NOT_FOUND',
  'CASE.NOT_FOUND',
  'HEARING.NOT_FOUND',
  'AUTH.INVALID_CREDENTIALS',
  'AUTH.FORBIDDEN',
  'AUTH.EMAIL_TAKEN',
  'AUTH.UNAUTHENTICATED',
  'AUTH.RATE_LIMITED',
  'AUTH.TOKEN_INVALID',
  'AGENCY.CODE_TAKEN',
  'VALIDATION.FAILED',
  'FEE.NOT_APPLICABLE',
  'EXTENSION.PENDING',
  'DEADLINE.RULE',
  'CASE.FILING_WINDOW_CLOSED',
] as const;

/** A domain error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];
/** Codes answered as "not found" (a foreign id is also answered this way). */
export type NotFoundCode = Extract<ErrorCode, `${string}.NOT_FOUND`>;
/** Codes answered as a conflict with existing state. */
export type ConflictCode = Extract<
  ErrorCode,
  'REQUEST.DUPLICATE_IDEMPOTENCY_KEY' | 'AUTH.EMAIL_TAKEN' | 'EXTENSION.PENDING' | 'AGENCY.CODE_TAKEN'
>;
/** Values interpolated into message templates. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | null>>;

/** Type guard for error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Base of every domain error. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    /** Values for the message template of `code`. */
    readonly params: ErrorParams = {},
    /** Structured extra data for the transport (e.g. field messages); never shown raw to users. */
    readonly details?: unknown,
  ) {
    super(JSON.stringify(params));
    this.name = new.target.name;
  }
}

/** An action that the request's current status does not allow. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'REQUEST.INVALID_TRANSITION' as const;
  constructor(
    readonly from: string,
    readonly action: string,
    reason?: string,
  ) {
    super({ from, action, reason: reason ?? null });
    this.message = `cannot ${action} from ${from}${reason ? `: ${reason}` : ''}`;
  }
}

/** A record that does not exist, or that the caller may not see. */
export class NotFoundError extends DomainError {
  constructor(
    readonly code: NotFoundCode = 'REQUEST.NOT_FOUND',
    id?: string,
  ) {
    super({ id: id ?? null });
  }
}

/** Optimistic locking lost: someone changed the record since it was read. */
export class VersionConflictError extends DomainError {
  readonly code = 'REQUEST.VERSION_CONFLICT' as const;
  constructor(id: string, expectedVersion: number) {
    super({ id, expectedVersion });
  }
}

/** The operation conflicts with existing state (duplicate key, taken email, pending extension). */
export class ConflictError extends DomainError {
  constructor(
    readonly code: ConflictCode,
    params: ErrorParams = {},
  ) {
    super(params);
  }
}

/** Wrong email or password (never says which). */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'AUTH.INVALID_CREDENTIALS' as const;
}

/** No session, or one that is unknown, expired or revoked. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'AUTH.UNAUTHENTICATED' as const;
}

/** Too many attempts (login); `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends DomainError {
  readonly code = 'AUTH.RATE_LIMITED' as const;
  constructor(readonly retryAfterSeconds: number) {
    super({ seconds: retryAfterSeconds });
  }
}

/** An emailed link (verification, password reset) that is unknown, used or expired. */
export class TokenInvalidError extends DomainError {
  readonly code = 'AUTH.TOKEN_INVALID' as const;
}

/** The caller's role does not allow the operation. */
export class ForbiddenError extends DomainError {
  readonly code = 'AUTH.FORBIDDEN' as const;
  constructor(action?: string) {
    super({ action: action ?? null });
  }
}

/** One field-level problem: `code` is a message key, e.g. 'must_be_positive_integer'. */
export interface FieldMessage {
  readonly field: string;
  readonly code: string;
  readonly params?: ErrorParams;
}

/** Input that fails validation; carries one message per field. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION.FAILED' as const;
  constructor(readonly fields: readonly FieldMessage[]) {
    super({ fields: fields.map((f) => f.field).join(', ') }, fields);
  }
}

/** A fee that cannot be charged under the request's rule set. */
export class FeeNotApplicableError extends DomainError {
  readonly code = 'FEE.NOT_APPLICABLE' as const;
  constructor(ruleSet: string) {
    super({ ruleSet });
  }
}

/** Input the deadline law does not allow (wraps the engine's DeadlineRuleError). */
export class DeadlineRuleViolationError extends DomainError {
  readonly code = 'DEADLINE.RULE' as const;
  constructor(rule: string, reason: string) {
    super({ rule, reason });
  }
}

/**
 * An applicant's online review / appeal after the window to ask for it closed (issue 6). Staff recording a
 * paper application may still record a late one: the case is then flagged late.
 */
export class FilingWindowClosedError extends DomainError {
  readonly code = 'CASE.FILING_WINDOW_CLOSED' as const;
  constructor(kind: string, lastDay: string) {
    super({ kind, lastDay });
  }
}
