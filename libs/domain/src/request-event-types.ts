import { RequestAction } from './request-status.enum';

/** Every event type written to a request's append-only audit log, one per action (plus `filed`). */
export const REQUEST_EVENT_TYPES = [
  'filed',
  'assigned',
  'clarification_requested',
  'clarification_received',
  'consultation_started',
  'consultation_replied',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'fee_notice_issued',
  'fee_paid',
  'fee_waived',
  'decided',
  'document_uploaded',
  'closed',
  'withdrawn',
  'lapsed',
  'reopened',
  'track_set',
] as const;

/** A request audit-log event type (stored value). */
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** Type guard for request event types. */
export function isRequestEventType(value: unknown): value is RequestEventType {
  return typeof value === 'string' && (REQUEST_EVENT_TYPES as readonly string[]).includes(value);
}

/** The audit event each lifecycle action writes (exactly one per action). */
export const ACTION_EVENT_TYPE: Readonly<Record<RequestAction, RequestEventType>> = {
  [RequestAction.Assign]: 'assigned',
  [RequestAction.RequestClarification]: 'clarification_requested',
  [RequestAction.ReceiveClarification]: 'clarification_received',
  [RequestAction.StartConsultation]: 'consultation_started',
  [RequestAction.ReceiveConsultationReply]: 'consultation_replied',
  [RequestAction.RequestExtension]: 'extension_requested',
  [RequestAction.ApproveExtension]: 'extension_approved',
  [RequestAction.RejectExtension]: 'extension_rejected',
  [RequestAction.IssueFeeNotice]: 'fee_notice_issued',
  [RequestAction.RecordFeePayment]: 'fee_paid',
  [RequestAction.WaiveFee]: 'fee_waived',
  [RequestAction.Decide]: 'decided',
  [RequestAction.UploadDocument]: 'document_uploaded',
  [RequestAction.Close]: 'closed',
  [RequestAction.Withdraw]: 'withdrawn',
  [RequestAction.Lapse]: 'lapsed',
  [RequestAction.Reopen]: 'reopened',
  [RequestAction.SetTrack]: 'track_set',
};

/**
 * The minimum a deadline computation needs from a logged event. Fields may sit at the top level or in
 * `payload` (as stored); the top level wins.
 */
export interface RequestEventLike {
  readonly type: RequestEventType;
  /** Civil date of the event in the agency's time zone, 'YYYY-MM-DD'. */
  readonly on: string;
  /** consultation_started / consultation_replied. */
  readonly consultationId?: string;
  /** extension_approved: working days granted (default: the rule set's maximum). */
  readonly workingDays?: number;
  /** reopened: the date the agency received the order to answer again (default: `on`). */
  readonly newReceivedOn?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** The engine's own event types: the log converts into exactly what `computeDeadline` takes. */
export type { DeadlineEvent, DeadlineEventType } from '@disclose/deadlines';
