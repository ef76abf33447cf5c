import { ConflictError, InvalidTransitionError } from './errors';
import {
  RequestAction as A,
  RequestStatus as S,
  TRANSITIONS,
  allowedActions,
  canTransition,
  isTerminal,
  lapseOutcome,
  nextStatus,
} from './request-lifecycle';

type Row = Partial<Record<A, S>>;
const open = (s: S): Row => ({
  [A.SetTrack]: s,
  [A.Withdraw]: S.Withdrawn,
  [A.UploadDocument]: s,
  [A.Assign]: s === S.Received ? S.InProgress : s,
});
const working = (s: S): Row => ({
  ...open(s),
  [A.RequestClarification]: S.AwaitingClarification,
  [A.StartConsultation]: S.AwaitingConsultation,
  [A.RequestExtension]: s,
  [A.ApproveExtension]: s,
  [A.RejectExtension]: s,
  [A.IssueFeeNotice]: S.AwaitingFee,
  [A.Decide]: S.Decided,
});

/** Written out independently of TRANSITIONS: the expected result of every allowed pair (ctx: one open consultation, one pending extension when approving). */
const EXPECTED: Record<S, Row> = {
  [S.Received]: working(S.Received),
  [S.InProgress]: working(S.InProgress),
  [S.AwaitingClarification]: {
    ...open(S.AwaitingClarification),
    [A.ApproveExtension]: S.AwaitingClarification,
    [A.RejectExtension]: S.AwaitingClarification,
    [A.ReceiveClarification]: S.InProgress,
    [A.Lapse]: S.Closed,
  },
  [S.AwaitingConsultation]: {
    ...open(S.AwaitingConsultation),
    [A.RequestExtension]: S.AwaitingConsultation,
    [A.ApproveExtension]: S.AwaitingConsultation,
    [A.RejectExtension]: S.AwaitingConsultation,
    [A.StartConsultation]: S.AwaitingConsultation,
    [A.ReceiveConsultationReply]: S.InProgress,
    [A.Decide]: S.Decided,
  },
  [S.AwaitingFee]: {
    ...open(S.AwaitingFee),
    [A.RequestExtension]: S.AwaitingFee,
    [A.ApproveExtension]: S.AwaitingFee,
    [A.RejectExtension]: S.AwaitingFee,
    [A.RecordFeePayment]: S.InProgress,
    [A.WaiveFee]: S.InProgress,
    [A.Lapse]: S.Closed,
  },
  [S.Decided]: {
    [A.SetTrack]: S.Decided,
    [A.UploadDocument]: S.Decided,
    [A.Close]: S.Closed,
    [A.Reopen]: S.InProgress,
  },
  [S.Closed]: { [A.SetTrack]: S.Closed, [A.Reopen]: S.InProgress },
  [S.Withdrawn]: { [A.SetTrack]: S.Withdrawn },
};

const pairs = Object.values(S).flatMap((from) => Object.values(A).map((action) => [from, action] as const));

function ctxFor(action: A) {
  return action === A.ApproveExtension || action === A.RejectExtension
    ? { pendingExtension: true }
    : { openConsultations: 1 };
}

describe('request lifecycle', () => {
  it('covers every status in the table', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.values(S).sort());
  });

  it.each(pairs)('%s + %s matches the expectation table', (from, action) => {
    const expected = EXPECTED[from][action];
    if (expected === undefined) {
      expect(() => nextStatus(from, action, ctxFor(action))).toThrow(InvalidTransitionError);
      try {
        nextStatus(from, action, ctxFor(action));
      } catch (e) {
        expect(e).toMatchObject({ code: 'REQUEST.INVALID_TRANSITION', from, action });
      }
    } else {
      expect(nextStatus(from, action, ctxFor(action))).toBe(expected);
    }
  });

  it('stays awaiting consultation until the last open consultation replies', () => {
    expect(nextStatus(S.AwaitingConsultation, A.ReceiveConsultationReply, { openConsultations: 3 })).toBe(
      S.AwaitingConsultation,
    );
    expect(nextStatus(S.AwaitingConsultation, A.ReceiveConsultationReply, { openConsultations: 2 })).toBe(
      S.AwaitingConsultation,
    );
    expect(nextStatus(S.AwaitingConsultation, A.ReceiveConsultationReply, { openConsultations: 1 })).toBe(
      S.InProgress,
    );
    expect(() =>
      nextStatus(S.AwaitingConsultation, A.ReceiveConsultationReply, { openConsultations: 0 }),
    ).toThrow(InvalidTransitionError);
  });

  it('allows one pending extension at a time', () => {
    expect(nextStatus(S.InProgress, A.RequestExtension, { pendingExtension: false })).toBe(S.InProgress);
    expect(() => nextStatus(S.InProgress, A.RequestExtension, { pendingExtension: true })).toThrow(
      ConflictError,
    );
    expect(() => nextStatus(S.InProgress, A.RequestExtension, { pendingExtension: true })).toThrow(
      expect.objectContaining({ code: 'EXTENSION.PENDING' }),
    );
    expect(() => nextStatus(S.InProgress, A.ApproveExtension, { pendingExtension: false })).toThrow(
      InvalidTransitionError,
    );
  });

  it('sends at most one clarification notice (Art. 30)', () => {
    expect(nextStatus(S.InProgress, A.RequestClarification, {})).toBe(S.AwaitingClarification);
    expect(() =>
      nextStatus(S.InProgress, A.RequestClarification, { clarificationRequestedBefore: true }),
    ).toThrow(InvalidTransitionError);
  });

  it('never decides while the applicant owes a clarification or a fee', () => {
    expect(canTransition(S.AwaitingClarification, A.Decide)).toBe(false);
    expect(canTransition(S.AwaitingFee, A.Decide)).toBe(false);
  });

  it('lists allowed actions', () => {
    expect(allowedActions(S.Closed)).toEqual([A.Reopen, A.SetTrack]);
    expect(allowedActions(S.Withdrawn)).toEqual([A.SetTrack]);
    expect(allowedActions(S.Decided)).toEqual([A.UploadDocument, A.Close, A.Reopen, A.SetTrack]);
  });

  it('names the lapse outcome', () => {
    expect(lapseOutcome(S.AwaitingClarification)).toBe('other.clarification_lapsed');
    expect(lapseOutcome(S.AwaitingFee)).toBe('other.fee_unpaid');
    expect(() => lapseOutcome(S.InProgress)).toThrow(InvalidTransitionError);
  });

  it('knows terminal statuses', () => {
    expect(Object.values(S).filter(isTerminal)).toEqual([S.Closed, S.Withdrawn]);
  });
});
