/** The longest wait between two SMTP attempts, whatever the attempt count. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Exponential backoff after a failed SMTP attempt: base, 2·base, 4·base, ... capped at one hour.
 * `attempts` counts the attempts made so far (1 after the first failure).
 */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^31 overflows nothing in a double, but the cap keeps the result meaningful.
  return Math.min(baseMs * 2 ** Math.min(exponent, 31), MAX_RETRY_DELAY_MS);
}

/** The Message-ID of an outbox row: stable, so a resend after a crash is recognisable as the same email. */
export function outboxMessageId(outboxId: string): string {
  return `<outbox-${outboxId}@disclose>`;
}
