import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox, OUTBOX_CHANNEL, OutboxEmail } from '../contract';
import { isMailTemplate } from '../templates/template-names';

/**
 * Writes outbox rows in the caller's transaction, so an email exists exactly when the change that caused
 * it was committed. A repeated dedupe key is ignored (a retried job or a re-run of the same milestone).
 */
@Injectable()
export class OutboxService implements Outbox {
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
    await manager.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, request_id, recipient_user_id)
       SELECT r.dedupe_key, r.to_address, r.locale, r.template, r.params, r.request_id, r.recipient_user_id
         FROM json_to_recordset($1::json) AS r(dedupe_key text, to_address text, locale text, template text,
              params jsonb, request_id uuid, recipient_user_id uuid)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    // Delivered by PostgreSQL only when the caller's transaction commits: a rollback wakes nobody.
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
