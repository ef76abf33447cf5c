import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { QUEUES, QueueHandOff } from '@disclose/queues';
import { Outbox, OutboxEmail } from '../contract';
import { isMailTemplate } from '../templates/template-names';
import { mailJob } from './mail-job';

/**
 * Writes outbox rows in the caller's transaction, so an email exists exactly when the change that caused
 * it was committed. A repeated dedupe key is ignored (a retried job or a re-run of the same milestone).
 *
 * After the caller's commit, each new row's mail job goes straight onto the `mail` queue (no NOTIFY: a
 * notification takes a global lock at commit and serialises every committing transaction). In a process
 * without the mail queue (the CLI), or when Redis does not answer, the worker's sweep finds the row
 * within SWEEP_INTERVAL_MS.
 */
@Injectable()
export class OutboxService implements Outbox {
  private readonly logger = new Logger(OutboxService.name);
  private readonly handOff: QueueHandOff | null;

  constructor(@Optional() @InjectQueue(QUEUES.mail) queue?: Queue) {
    this.handOff = queue
      ? new QueueHandOff(queue as never, (error, jobs) =>
          this.logger.warn(`${jobs} mail jobs left to the sweep: ${String(error)}`),
        )
      : null;
  }

  async enqueue(manager: EntityManager, emails: OutboxEmail[]): Promise<void> {
    if (emails.length === 0) return;
    for (const email of emails) {
      if (!email.dedupeKey) throw new Error('outbox email needs a dedupeKey');
      if (!email.to || !email.to.includes('@'))
        throw new Error(`outbox email has no valid address: ${email.to}`);
      if (!isMailTemplate(email.template)) throw new Error(`unknown mail template ${String(email.template)}`);
      if (email.locale !== 'zh-CN' && email.locale !== 'en')
        throw new Error(`unknown locale ${String(email.locale)}`);
    }
    // One statement for the batch: json_to_recordset keeps it a single round trip for a digest of many rows.
    const rows = emails.map((e) => ({
      dedupe_key: e.dedupeKey,
      to_address: e.to,
      locale: e.locale,
      template: e.template,
      params: e.params ?? {},
      request_id: e.requestId ?? null,
      recipient_user_id: e.recipientUserId ?? null,
    }));
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, request_id, recipient_user_id)
       SELECT r.dedupe_key, r.to_address, r.locale, r.template, r.params, r.request_id, r.recipient_user_id
         FROM json_to_recordset($1::json) AS r(dedupe_key text, to_address text, locale text, template text,
              params jsonb, request_id uuid, recipient_user_id uuid)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    this.handOffAfterCommit(
      manager,
      inserted.map((r) => r.id),
    );
  }

  /** After `manager`'s transaction commits, queues these outbox rows for delivery (see the class comment). */
  handOffAfterCommit(manager: EntityManager, outboxIds: readonly string[]): void {
    if (!this.handOff || outboxIds.length === 0) return;
    this.handOff.afterCommit(manager, () => outboxIds.map(mailJob));
  }

  /** Resolves once every hand-off so far has reached the queue (or was left to the sweep). */
  async handOffsSettled(): Promise<void> {
    await this.handOff?.settled();
  }
}
