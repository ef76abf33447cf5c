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

/**
 * Delivers one outbox row: claim it (pending -> sending), send it, mark it sent. Running it twice, or on
 * two workers at once, sends once: only one claim succeeds. A worker killed between the SMTP answer and
 * the final UPDATE leaves the row in 'sending'; the dispatcher's sweep puts it back after
 * MAIL_SENDING_TIMEOUT_MS, and the resend carries the same Message-ID.
 */
@Injectable()
export class DeliverEmailService {
  private readonly logger = new Logger(DeliverEmailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransportService,
  ) {}

  async deliver(outboxId: string): Promise<DeliveryOutcome> {
    const [[row]] = (await this.dataSource.query(
      `UPDATE outbox SET status = 'sending', updated_at = now()
        WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now()
        RETURNING id, to_address, locale, template, params, attempts`,
      [outboxId],
    )) as [ClaimedRow[], number];
    if (!row) return 'skipped';
    const messageId = outboxMessageId(row.id);
    try {
      const rendered = renderEmail(row.template, row.locale, row.params ?? {}, this.config.publicUrl);
      await this.transport.send({
        to: row.to_address,
        ...rendered,
        messageId,
        headers: { 'X-Disclose-Outbox-Id': row.id, 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      return this.recordFailure(row, error);
    }
    // 'pending' too: a send slower than MAIL_SENDING_TIMEOUT_MS was reclaimed by the sweep meanwhile, but
    // it did go out; recording it now keeps the next job from sending it again.
    await this.dataSource.query(
      `UPDATE outbox SET status = 'sent', sent_at = now(), message_id = $2, attempts = attempts + 1,
              last_error = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('sending', 'pending')`,
      [row.id, messageId],
    );
    return 'sent';
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
