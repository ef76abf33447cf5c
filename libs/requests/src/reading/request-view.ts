import type { Locale } from '@disclose/identity';
import type { RequestRow } from '../lifecycle/request-row';

/** A request as the API shows it; staff see the repeat flag, fee tier and assignee, applicants do not. */
export function requestView(row: RequestRow, staff: boolean, locale: Locale): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: row.id,
    trackingNumber: row.tracking_number,
    agencyId: row.agency_id,
    subject: row.subject,
    description: row.description,
    deliveryMethod: row.delivery_method,
    channel: row.channel,
    receivedOn: row.received_on,
    ruleSet: row.rule_set,
    status: row.status,
    version: row.version,
    deadline: {
      dueOn: row.due_on,
      provisional: row.provisional,
      clockStatus: row.clock_status,
      clarificationNoticeDueOn: row.clarification_notice_due_on,
      clarificationReplyBy: row.clarification_reply_by,
      feePaymentDueOn: row.fee_payment_due_on,
      warnings: row.deadline_warnings,
      trace: row.deadline_trace?.[locale] ?? row.deadline_trace?.en ?? [],
    },
    fee:
      row.fee_amount_fen === null
        ? null
        : { amountFen: row.fee_amount_fen, basis: row.fee_basis, waived: row.fee_waived },
    outcome: row.outcome,
    outcomeReasons: row.outcome_reasons,
    decisionMessage: row.decision_message,
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (staff) {
    Object.assign(view, {
      applicantId: row.applicant_id,
      applicantType: row.applicant_type,
      assigneeId: row.assignee_id,
      repeatOf: row.repeat_of,
      repeatScore: row.repeat_score,
      applicantMonthCount: row.applicant_month_count,
    });
  }
  return view;
}
