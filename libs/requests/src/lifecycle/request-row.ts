import type { RequestMilestoneSnapshot } from '@disclose/milestones';
import { OPEN_STATUSES, RequestStatus } from '@disclose/domain';

/** A `requests` row as the lifecycle SQL reads it (dates as 'YYYY-MM-DD' text). */
export interface RequestRow {
  id: string;
  tracking_number: string;
  agency_id: string;
  applicant_id: string;
  subject: string;
  description: string;
  delivery_method: string;
  channel: string;
  received_on: string;
  rule_set: string;
  status: RequestStatus;
  version: number;
  assignee_id: string | null;
  due_on: string | null;
  provisional: boolean;
  clock_status: 'running' | 'stopped';
  deadline_trace: Record<string, string[]>;
  deadline_warnings: string[];
  clarification_notice_due_on: string | null;
  clarification_reply_by: string | null;
  fee_payment_due_on: string | null;
  outcome: string | null;
  outcome_reasons: string[] | null;
  decision_message: string | null;
  decided_on: string | null;
  closed_on: string | null;
  applicant_type: string;
  repeat_of: string | null;
  repeat_score: number | null;
  applicant_month_count: number;
  created_by: string;
  fee_amount_fen: number | null;
  fee_basis: string | null;
  fee_waived: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The SELECT list that reads a {@link RequestRow}: dates cast to text so no time zone can shift them. */
export const REQUEST_COLUMNS = `r.id, r.tracking_number, r.agency_id, r.applicant_id, r.subject, r.description,
  r.delivery_method, r.channel, r.received_on::text, r.rule_set, r.status, r.version, r.assignee_id,
  r.due_on::text, r.provisional, r.clock_status, r.deadline_trace, r.deadline_warnings,
  r.clarification_notice_due_on::text, r.clarification_reply_by::text, r.fee_payment_due_on::text,
  r.outcome, r.outcome_reasons, r.decision_message, r.decided_on::text, r.closed_on::text, r.applicant_type,
  r.repeat_of, r.repeat_score, r.applicant_month_count, r.created_by, r.fee_amount_fen, r.fee_basis,
  r.fee_waived, r.created_at, r.updated_at`;

/** What the milestones depend on, from a request row. */
export function milestoneSnapshot(row: RequestRow): RequestMilestoneSnapshot {
  const open = OPEN_STATUSES.includes(row.status);
  return {
    requestId: row.id,
    trackingNumber: row.tracking_number,
    agencyId: row.agency_id,
    status: row.status,
    dueOn: row.due_on,
    provisional: row.provisional,
    clarificationReplyBy:
      row.status === RequestStatus.AwaitingClarification ? row.clarification_reply_by : null,
    feePaymentDueOn: row.status === RequestStatus.AwaitingFee ? row.fee_payment_due_on : null,
    assigneeId: row.assignee_id,
    applicantId: row.applicant_id,
    open,
  };
}
