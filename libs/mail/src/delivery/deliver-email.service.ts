import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import type { MailLocale, MailTemplate } from '../contract';
import { MailTemplateError, renderEmail } from '../templates/render-email';
import { outboxMessageId, retryDelayMs } from './backoff';
import { MailTransportService } from './mail-transport.service';

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

interface ClaimedRow {
  id: string;
  to_address: string;
  locale: MailLocale;
  template: MailTemplate;
  params: Record<string, unknown>;
  attempts: number;
}

/** What a mail job did: its own row's outcome, and how the rows it claimed along with it went. */
export interface DeliveryReport {
  own: DeliveryOutcome;
  sent: number;
  retry: number;
  failed: number;
}

/** Rows a mail job claims besides its own (sent concurrently over the pooled SMTP connections). */
export const MAIL_BATCH = 25;

/**
 * Delivers outbox rows: claim (pending -> sending), send, mark sent. Running it twice, or on two workers
 * at once, sends once: only one claim of a row succeeds. A worker killed between the SMTP answer and the
 * final UPDATE leaves the row in 'sending'; the dispatcher's sweep puts it back after
 * MAIL_SENDING_TIMEOUT_MS, and the resend carries the same Message-ID.
 *
 * A mail job ({@link deliverBatch}) claims its own row and up to {@link MAIL_BATCH} other due rows (SKIP
 * LOCKED), sends them concurrently, and records the sent ones in a few UPDATEs as the answers come in (the
 * window between an SMTP answer and its commit stays short); the jobs of rows it took find them gone.
 */
@Injectable()
export class DeliverEmailService {
  private readonly logger = new Logger(DeliverEmailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransportService,
  ) {}

  /** Delivers this row only, if it is due. */
  async deliver(outboxId: string): Promise<DeliveryOutcome> {
    return (await this.deliverBatch(outboxId, 0)).own;
  }

  /** Delivers this row and up to `extra` other due rows. */
  async deliverBatch(outboxId: string, extra: number = MAIL_BATCH): Promise<DeliveryReport> {
    const [rows] = (await this.dataSource.query(
      `WITH others AS (
         SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now() AND id <> $1
          ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       picked AS (
         SELECT id FROM outbox WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now()
         UNION ALL SELECT id FROM others)
       UPDATE outbox o SET status = 'sending', updated_at = now() FROM picked
        WHERE o.id = picked.id AND o.status = 'pending' AND o.next_attempt_at <= now()
        RETURNING o.id, o.to_address, o.locale, o.template, o.params, o.attempts`,
      [outboxId, extra],
    )) as [ClaimedRow[], number];
    const report: DeliveryReport = { own: 'skipped', sent: 0, retry: 0, failed: 0 };
    if (rows.length === 0) return report;

    // Sent rows are recorded as the answers arrive, in one UPDATE per group that arrived meanwhile.
    const sent: string[] = [];
    let recording: Promise<void> | null = null;
    let recordError: unknown = null;
    const record = () => {
      recording ??= (async () => {
        while (sent.length) await this.markSent(sent.splice(0));
      })()
        .catch((error: unknown) => void (recordError ??= error))
        .finally(() => void (recording = null));
    };
    const outcomes = await Promise.all(
      rows.map(async (row): Promise<DeliveryOutcome> => {
        try {
          const rendered = renderEmail(row.template, row.locale, row.params ?? {}, this.config.publicUrl);
          await this.transport.send({
            to: row.to_address,
            ...rendered,
            messageId: outboxMessageId(row.id),
            headers: { 'X-Disclose-Outbox-Id': row.id, 'Auto-Submitted': 'auto-generated' },
          });
        } catch (error) {
          return this.recordFailure(row, error);
        }
        sent.push(row.id);
        record();
        return 'sent';
      }),
    );
    while (recording) await recording;
    if (sent.length) await this.markSent(sent.splice(0));
    if (recordError) throw recordError;
    rows.forEach((row, i) => {
      const outcome = outcomes[i];
      if (row.id === outboxId) report.own = outcome;
      if (outcome === 'sent' || outcome === 'retry' || outcome === 'failed') report[outcome]++;
    });
    return report;
  }

  /**
   * 'pending' too: a send slower than MAIL_SENDING_TIMEOUT_MS was reclaimed by the sweep meanwhile, but it
   * did go out; recording it now keeps the next job from sending it again.
   */
  private async markSent(ids: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox o SET status = 'sent', sent_at = now(), message_id = v.message_id,
              attempts = o.attempts + 1, last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, message_id)
        WHERE o.id = v.id AND o.status IN ('sending', 'pending')`,
      [ids, ids.map(outboxMessageId)],
    );
  }

  private async recordFailure(row: ClaimedRow, error: unknown): Promise<DeliveryOutcome> {
    const attempts = row.attempts + 1;
    const permanent = error instanceof MailTemplateError;
    const giveUp = permanent || attempts >= this.config.mailMaxAttempts;
    const message = describe(error);
    this.logger.warn(
      `outbox ${row.id} attempt ${attempts} failed${giveUp ? ' (giving up)' : ''}: ${message}`,
    );
    await this.dataSource.query(
      `UPDATE outbox SET status = $2, attempts = $3, last_error = $4, updated_at = now(),
              next_attempt_at = now() + ($5::bigint * interval '1 millisecond')
        WHERE id = $1 AND status = 'sending'`,
      [
        row.id,
        giveUp ? 'failed' : 'pending',
        attempts,
        message,
        giveUp ? 0 : retryDelayMs(attempts, this.config.mailRetryBaseMs),
      ],
    );
    return giveUp ? 'failed' : 'retry';
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 2000);
  const code = (error as Error & { responseCode?: number }).responseCode;
  return `${code ? `SMTP ${code}: ` : ''}${error.message}`.slice(0, 2000);
}
