/**
 * The mail library's public contract: emails are rows of a transactional outbox written in the caller's
 * transaction (DESIGN.md decision 2). The worker delivers them; nothing is sent from a request handler.
 */
import type { EntityManager } from 'typeorm';

export type MailLocale = 'zh-CN' | 'en';

/** Every template the system sends; each exists in zh-CN and en (subject, HTML, plain text). */
export type MailTemplate =
  | 'verify_email'
  | 'password_reset'
  | 'request_acknowledged'
  | 'clarification_requested'
  | 'extension_granted'
  | 'fee_notice'
  | 'decision_made'
  | 'request_withdrawn'
  | 'request_reopened'
  | 'reminder_due'
  | 'overdue_escalation'
  | 'clerk_digest'
  | 'case_reminder';

export interface OutboxEmail {
  /** Unique: a second enqueue with the same key is ignored (e.g. `milestone:<id>:<recipientId>`). */
  dedupeKey: string;
  to: string;
  locale: MailLocale;
  template: MailTemplate;
  /** Template parameters (tracking number, due date, link, ...). */
  params: Record<string, unknown>;
  /** For traceability in the admin's mail view. */
  requestId?: string | null;
  recipientUserId?: string | null;
}

/** Implemented by OutboxService (@disclose/mail). */
export interface Outbox {
  /**
   * Inserts the rows within `manager`'s transaction; duplicates by dedupeKey are ignored. The new rows are
   * put on the mail queue after that transaction commits (nothing for a rollback).
   */
  enqueue(manager: EntityManager, emails: OutboxEmail[]): Promise<void>;
}

/** Nest injection token of the {@link Outbox} implementation, provided globally by `MailModule`. */
export const OUTBOX = Symbol('OUTBOX');
