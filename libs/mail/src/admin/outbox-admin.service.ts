import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import type { MailLocale, MailTemplate } from '../contract';
import { OutboxService } from '../outbox/outbox.service';
import { renderEmail } from '../templates/render-email';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxCounts = Record<OutboxStatus, number>;

/**
 * What an admin sees of an email: where it went, its subject line, which template, how delivery went. Not
 * the params (nor the body): the subject is what the recipient's mailbox shows, nothing more.
 */
export interface OutboxEmailView {
  id: string;
  to: string;
  /**
   * The subject as sent: the row's template rendered with its params in its locale (the delivery's own
   * renderEmail). Null when the row cannot render (unknown template, missing parameter: lastError says).
   */
  subject: string | null;
  template: string;
  locale: string;
  requestId: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  messageId: string | null;
}

export type RetryOutcome = 'queued' | 'not_found' | 'not_retriable';

/** Operations on the outbox: counts for /health and /metrics, the failed list and retry for admins. */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  async counts(): Promise<OutboxCounts> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
    )) as Array<{ status: OutboxStatus; n: number }>;
    const counts: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async list(
    status: OutboxStatus,
    limit = 50,
    offset = 0,
  ): Promise<{ items: OutboxEmailView[]; total: number }> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, to_address AS "to", template, locale, params, request_id AS "requestId", status, attempts,
                last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt",
                sent_at AS "sentAt", message_id AS "messageId"
           FROM outbox WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [status, limit, offset],
      ) as Promise<OutboxRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM outbox WHERE status = $1`, [
        status,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items: items.map((row) => this.toView(row)), total };
  }

  /**
   * Sends a failed email again with a fresh attempt budget (a pending one is just moved to now).
   * Sent or in-flight emails are not retriable: that would be a deliberate duplicate.
   */
  async retry(id: string): Promise<RetryOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [[row]] = (await manager.query(
        `UPDATE outbox SET status = 'pending', next_attempt_at = now(), updated_at = now(),
                attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END
          WHERE id = $1 AND status IN ('failed', 'pending') RETURNING id`,
        [id],
      )) as [Array<{ id: string }>, number];
      if (row) {
        this.outbox.handOffAfterCommit(manager, [row.id]);
        return 'queued';
      }
      const exists = (await manager.query(`SELECT 1 FROM outbox WHERE id = $1`, [id])) as unknown[];
      return exists.length ? 'not_retriable' : 'not_found';
    });
  }

  /** The row without its params, with the subject the delivery renders (the same renderEmail). */
  private toView({ params, ...row }: OutboxRow): OutboxEmailView {
    return {
      ...row,
      subject: subjectOf(row.template, row.locale, params ?? {}, this.config.publicUrl),
      nextAttemptAt: iso(row.nextAttemptAt) as string,
      createdAt: iso(row.createdAt) as string,
      sentAt: iso(row.sentAt),
    };
  }
}

type OutboxRow = Omit<OutboxEmailView, 'subject'> & { params: Record<string, unknown> | null };

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : (v as string | null));

function subjectOf(
  template: string,
  locale: string,
  params: Record<string, unknown>,
  publicUrl: string,
): string | null {
  try {
    return renderEmail(template as MailTemplate, locale as MailLocale, params, publicUrl).subject;
  } catch {
    // MailTemplateError, or a parameter of the wrong shape: the row never rendered, nor does it here.
    return null;
  }
}
