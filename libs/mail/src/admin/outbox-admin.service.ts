import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxCounts = Record<OutboxStatus, number>;

/** What an admin sees of an email: where it went, which template, how delivery went. Not the params. */
export interface OutboxEmailView {
  id: string;
  to: string;
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
        `SELECT id, to_address AS "to", template, locale, request_id AS "requestId", status, attempts,
                last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt",
                sent_at AS "sentAt", message_id AS "messageId"
           FROM outbox WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [status, limit, offset],
      ) as Promise<OutboxEmailView[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM outbox WHERE status = $1`, [
        status,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items: items.map(toView), total };
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
}

function toView(row: OutboxEmailView): OutboxEmailView {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
  return {
    ...row,
    nextAttemptAt: iso(row.nextAttemptAt) as string,
    createdAt: iso(row.createdAt) as string,
    sentAt: iso(row.sentAt),
  };
}
