import type { MailTemplate, OutboxEmail } from '@disclose/mail';
import { requestLink, toMailLocale } from '../notices/applicant-notice';
import { MilestonePayload, REMINDER_OFFSETS, RequestMilestoneKind } from '../planning/milestone-kinds';
import type { Recipient } from './recipients';

export interface FiringRequest {
  id: string;
  tracking_number: string;
  assignee_name: string | null;
}

/** Kinds a daily digest replaces for the users who chose it. */
export const DIGESTED_KINDS: ReadonlySet<string> = new Set([
  'due_in_5',
  'due_in_2',
  'due_tomorrow',
  'due_today',
  'overdue',
]);

function templateOf(kind: RequestMilestoneKind): MailTemplate {
  return kind === 'overdue' ? 'overdue_escalation' : 'reminder_due';
}

/**
 * The outbox rows of one fired milestone, one per recipient, deduplicated by `milestone:<id>:<userId>`
 * so a job run twice (or a crash after the insert) never sends twice. Lapse notices use reminder_due
 * with the applicant's lapsed deadline as due date and daysLeft -1 (it passed yesterday).
 */
export function milestoneEmails(
  milestone: { id: string; kind: RequestMilestoneKind; payload: MilestonePayload },
  request: FiringRequest,
  recipients: readonly Recipient[],
  publicUrl: string,
  daysOverdue: number,
): OutboxEmail[] {
  const { kind, payload } = milestone;
  const offset = REMINDER_OFFSETS.find(([k]) => k === kind)?.[1];
  const base = {
    trackingNumber: request.tracking_number,
    requestId: request.id,
    link: requestLink(publicUrl, request.id),
  };
  const specific =
    kind === 'overdue'
      ? { dueOn: payload.dueOn, daysOverdue, assigneeName: request.assignee_name ?? undefined }
      : offset !== undefined
        ? { dueOn: payload.dueOn, daysLeft: offset }
        : { dueOn: payload.lapsedOn, daysLeft: -1, lapse: kind };
  return recipients.map((r) => ({
    dedupeKey: `milestone:${milestone.id}:${r.id}`,
    to: r.email,
    locale: toMailLocale(r.locale),
    template: templateOf(kind),
    params: { ...base, ...specific, name: r.name },
    requestId: request.id,
    recipientUserId: r.id,
  }));
}
