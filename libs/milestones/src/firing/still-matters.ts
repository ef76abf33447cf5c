import type { MilestonePayload } from '../planning/milestone-kinds';

export const OPEN_STATUSES: ReadonlySet<string> = new Set([
  'received',
  'in_progress',
  'awaiting_clarification',
  'awaiting_consultation',
  'awaiting_fee',
]);

export interface RequestState {
  status: string;
  due_on: string | null;
  clarification_reply_by: string | null;
  fee_payment_due_on: string | null;
}

/**
 * Whether a milestone still concerns the request as it is now. syncRequest cancels stale rows in the same
 * transaction as every change, so this is the second line of defence (a row planned by an older code
 * version, a change made without a sync): a reminder for a due date that moved, or a request that is
 * closed, is skipped, not sent.
 */
export function stillMatters(kind: string, payload: MilestonePayload, request: RequestState | null): boolean {
  if (!request || !OPEN_STATUSES.has(request.status)) return false;
  if (kind === 'clarification_lapsed')
    return request.status === 'awaiting_clarification' && request.clarification_reply_by === payload.lapsedOn;
  if (kind === 'fee_lapsed')
    return request.status === 'awaiting_fee' && request.fee_payment_due_on === payload.lapsedOn;
  return request.due_on !== null && request.due_on === payload.dueOn;
}
