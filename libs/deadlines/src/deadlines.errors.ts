/** Stable codes for input the law (or the engine's conventions) does not allow. */
export type DeadlineErrorCode =
  | 'DEADLINES.INVALID_DATE'
  | 'DEADLINES.UNKNOWN_RULE_SET'
  | 'DEADLINES.UNKNOWN_LEGAL_DEADLINE_KIND'
  | 'DEADLINES.UNKNOWN_EVENT_TYPE'
  | 'DEADLINES.EVENT_BEFORE_RECEIPT'
  | 'DEADLINES.EVENTS_NOT_IN_ORDER'
  | 'DEADLINES.UNMATCHED_EVENT'
  | 'DEADLINES.PAUSE_ALREADY_OPEN'
  | 'DEADLINES.CLARIFICATION_ALREADY_OPEN'
  | 'DEADLINES.SECOND_CLARIFICATION_TOLL'
  | 'DEADLINES.CONSULTATION_NOT_ALLOWED'
  | 'DEADLINES.EXTENSION_NOT_ALLOWED'
  | 'DEADLINES.EXTENSION_EXCEEDS_MAXIMUM'
  | 'DEADLINES.INVALID_EXTENSION'
  | 'DEADLINES.INVALID_OPTION';

/** Thrown for input the law does not allow; transports map `code` to their own status. */
export class DeadlineRuleError extends Error {
  override readonly name = 'DeadlineRuleError';
  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
  ) {
    super(message);
  }
}
