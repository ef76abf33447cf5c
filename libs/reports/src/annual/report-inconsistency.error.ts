/**
 * Raised when a computed report breaks one of its identities (勾稽关系, totals; cn-annual-report.md B.4/B.5)
 * or when requests in scope hold contradictory data. A report is never shown silently wrong: the error
 * names the broken identities and the tracking numbers of the requests that cause them.
 */
export class ReportInconsistencyError extends Error {
  /** Dotted, so the API's problem filter treats it as a coded domain error. */
  readonly code = 'REPORT.INCONSISTENT' as const;
  readonly details: { violations: string[]; trackingNumbers: string[] };

  constructor(
    readonly violations: readonly string[],
    readonly trackingNumbers: readonly string[],
  ) {
    const who = trackingNumbers.length > 0 ? `; offending requests: ${trackingNumbers.join(', ')}` : '';
    super(`the annual report does not add up (${violations.join('; ')})${who}`);
    this.name = 'ReportInconsistencyError';
    this.details = { violations: [...violations], trackingNumbers: [...trackingNumbers] };
  }
}
