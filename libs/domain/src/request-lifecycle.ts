import { ConflictError, InvalidTransitionError } from './errors';
import { CLARIFICATION_LAPSED_OUTCOME, FEE_UNPAID_OUTCOME, type OutcomeCode } from './outcome-codes';
import { RequestAction, RequestStatus } from './request-status.enum';

export * from './request-status.enum';

/** Target of a transition: a status, or `'same'` when the action leaves the status unchanged. */
export type TransitionTarget = RequestStatus | 'same';

const S = RequestStatus;
const A = RequestAction;
/** Statuses in which the request is still being handled (the applicant may withdraw). */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  S.Received,
  S.InProgress,
  S.AwaitingClarification,
  S.AwaitingConsultation,
  S.AwaitingFee,
];
/** Statuses no action leaves, except `reopen` from closed (set_track keeps the status). */
export const TERMINAL_STATUSES: readonly RequestStatus[] = [S.Closed, S.Withdrawn];

/** The US processing track is a classification for the DOJ report: staff may set or correct it in any status. */
const tracking = { [A.SetTrack]: 'same' } as const;
const always = { ...tracking, [A.Withdraw]: S.Withdrawn, [A.UploadDocument]: 'same' } as const;
const extensionDecisions = { [A.ApproveExtension]: 'same', [A.RejectExtension]: 'same' } as const;
const working = {
  ...always,
  ...extensionDecisions,
  [A.Assign]: S.InProgress,
  [A.RequestClarification]: S.AwaitingClarification,
  [A.StartConsultation]: S.AwaitingConsultation,
  [A.RequestExtension]: 'same',
  [A.IssueFeeNotice]: S.AwaitingFee,
  [A.Decide]: S.Decided,
} as const;

/**
 * The transition table. Notes on the choices:
 * - decide is allowed while consultations are open (Art. 32: a silent consultee does not block the reply)
 *   but not while awaiting 补正 or a fee, when the clock is stopped and the applicant owes an answer;
 * - receive_consultation_reply returns to in_progress only when the last open consultation replies
 *   (`nextStatus` keeps awaiting_consultation otherwise);
 * - extension actions never change the status; `nextStatus` allows one pending extension at a time;
 * - withdraw is possible from every open status, not after the decision;
 * - set_track (US processing track) never changes the status and is possible in every status, a withdrawn
 *   or closed request included: the DOJ report counts those too.
 */
export const TRANSITIONS: Readonly<Record<RequestStatus, Partial<Record<RequestAction, TransitionTarget>>>> =
  {
    [S.Received]: { ...working },
    [S.InProgress]: { ...working, [A.Assign]: 'same' },
    [S.AwaitingClarification]: {
      ...always,
      ...extensionDecisions,
      [A.Assign]: 'same',
      [A.ReceiveClarification]: S.InProgress,
      [A.Lapse]: S.Closed,
    },
    [S.AwaitingConsultation]: {
      ...always,
      ...extensionDecisions,
      [A.Assign]: 'same',
      [A.RequestExtension]: 'same',
      [A.StartConsultation]: 'same',
      [A.ReceiveConsultationReply]: S.InProgress,
      [A.Decide]: S.Decided,
    },
    [S.AwaitingFee]: {
      ...always,
      ...extensionDecisions,
      [A.Assign]: 'same',
      [A.RequestExtension]: 'same',
      [A.RecordFeePayment]: S.InProgress,
      [A.WaiveFee]: S.InProgress,
      [A.Lapse]: S.Closed,
    },
    [S.Decided]: { ...tracking, [A.UploadDocument]: 'same', [A.Close]: S.Closed, [A.Reopen]: S.InProgress },
    [S.Closed]: { ...tracking, [A.Reopen]: S.InProgress },
    [S.Withdrawn]: { ...tracking },
  };

/** Facts outside the status that some transitions depend on. */
export interface TransitionContext {
  /** Consultations open before this action (needed for receive_consultation_reply; default 1). */
  readonly openConsultations?: number;
  /** Whether an extension request awaits a supervisor's decision. */
  readonly pendingExtension?: boolean;
  /** Whether a 补正 notice was already sent since receipt or the last reopen (Art. 30: only once). */
  readonly clarificationRequestedBefore?: boolean;
}

/**
 * The status after `action`, or throws: `InvalidTransitionError` when the status does not allow it,
 * `ConflictError('EXTENSION.PENDING')` for a second extension request while one is pending.
 */
export function nextStatus(
  current: RequestStatus,
  action: RequestAction,
  ctx: TransitionContext = {},
): RequestStatus {
  const target = TRANSITIONS[current]?.[action];
  if (target === undefined) throw new InvalidTransitionError(current, action);
  if (action === A.RequestExtension && ctx.pendingExtension) {
    throw new ConflictError('EXTENSION.PENDING', { from: current });
  }
  if ((action === A.ApproveExtension || action === A.RejectExtension) && !ctx.pendingExtension) {
    throw new InvalidTransitionError(current, action, 'no extension is pending');
  }
  if (action === A.RequestClarification && ctx.clarificationRequestedBefore) {
    throw new InvalidTransitionError(current, action, 'Art. 30 allows a single clarification notice');
  }
  if (action === A.ReceiveConsultationReply) {
    const open = ctx.openConsultations ?? 1;
    if (open < 1) throw new InvalidTransitionError(current, action, 'no consultation is open');
    if (open > 1) return current;
  }
  return target === 'same' ? current : target;
}

/** Whether `action` is allowed now (same checks as `nextStatus`, without throwing). */
export function canTransition(
  current: RequestStatus,
  action: RequestAction,
  ctx: TransitionContext = {},
): boolean {
  try {
    nextStatus(current, action, ctx);
    return true;
  } catch {
    return false;
  }
}

/** The actions allowed now, in enum order (for UIs and OpenAPI hints). */
export function allowedActions(current: RequestStatus, ctx: TransitionContext = {}): RequestAction[] {
  return Object.values(RequestAction).filter((a) => canTransition(current, a, ctx));
}

/** The outcome recorded when a request lapses from `status` (Art. 30 补正, or the unpaid fee). */
export function lapseOutcome(status: RequestStatus): OutcomeCode {
  if (status === S.AwaitingClarification) return CLARIFICATION_LAPSED_OUTCOME;
  if (status === S.AwaitingFee) return FEE_UNPAID_OUTCOME;
  throw new InvalidTransitionError(status, A.Lapse);
}

/** True once no further action except a reopen can change the request. */
export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
