/**
 * The milestones library's public contract (DESIGN.md decision 1): every reminder, escalation, notice and
 * legal deadline is a row with a due instant and a status; Redis only holds the next days' timers.
 * The requests (and later cases) services call {@link MilestoneSync} in the same transaction as every
 * change of a deadline or status, with a snapshot of what the milestones depend on.
 */
import type { EntityManager } from 'typeorm';

/** What a request's milestones depend on, as the requests service knows it after a change. */
export interface RequestMilestoneSnapshot {
  requestId: string;
  trackingNumber: string;
  agencyId: string;
  status: string;
  /** Statutory due date (civil date in the agency's time zone); null while the clock is stopped. */
  dueOn: string | null;
  provisional: boolean;
  /** Set while a clarification is awaited: the date the applicant must answer by. */
  clarificationReplyBy: string | null;
  /** Set while a fee is awaited: the date by which it must be paid (cn-fee-payment). */
  feePaymentDueOn: string | null;
  assigneeId: string | null;
  applicantId: string;
  /** Open = not decided, closed or withdrawn: reminders only matter while open. */
  open: boolean;
}

/** A one-off notice to the applicant caused by an event (sent at once, through the outbox). */
export type ApplicantNoticeKind =
  | 'acknowledged'
  | 'clarification_requested'
  | 'extension_granted'
  | 'fee_notice'
  | 'decision_made'
  | 'withdrawn'
  | 'reopened';

/**
 * What a legal case's milestones depend on (issue 6), as the cases service knows it after a change. Each
 * deadline with reminders gets them at 5 and 2 working days before, the day before, on the day, and
 * overdue, addressed to the legal staff member in charge (`legalOwnerId`; while nobody is in charge, the
 * agency's legal staff). Working days are those of `ruleSet`'s calendar, at the agency's reminder hour.
 */
export interface CaseMilestoneSnapshot {
  caseId: string;
  requestId: string;
  trackingNumber: string;
  agencyId: string;
  /** internal_review | us_appeal | reconsideration | litigation_direct | litigation_after_reconsideration */
  kind: string;
  caseNumber: string | null;
  legalOwnerId: string | null;
  ruleSet: string;
  /** Open = no outcome yet: reminders only matter while open. */
  open: boolean;
  /**
   * key: decision_due | defence_due | litigation_window | ... | hearing:<id>; legalKind: the
   * computeLegalDeadline kind ('hearing' for a hearing). `reminders` (working days before; default 5, 2, 1
   * and 0) and `overdue` (default true) let a dated event such as a hearing be reminded without an overdue
   * notice after it. `sameDayAt` (an ISO instant on `dueOn`) fires the on-the-day reminder then instead of
   * at the agency's reminder hour (a hearing: before it starts).
   */
  deadlines: Array<{
    key: string;
    legalKind: string;
    dueOn: string;
    provisional: boolean;
    reminders?: readonly number[];
    overdue?: boolean;
    sameDayAt?: string;
  }>;
}

/** Implemented by MilestonesService (@disclose/milestones). */
export interface MilestoneSync {
  /**
   * Within the caller's transaction: derive the request's milestones from the snapshot, cancel the ones
   * that no longer apply (a moved due date, a decided request) and insert the new ones.
   */
  syncRequest(
    manager: EntityManager,
    snapshot: RequestMilestoneSnapshot,
    now: Date,
    hints?: RequestSyncHints,
  ): Promise<void>;
  /**
   * Within the caller's transaction: the same for a legal case's deadlines (@disclose/cases calls it after
   * every change of a case). Optional until the milestones library implements it.
   */
  syncCase?(manager: EntityManager, snapshot: CaseMilestoneSnapshot, now: Date): Promise<void>;
  /** Within the caller's transaction: a notice to the applicant, delivered once (deduplicated by eventId). */
  noticeApplicant(
    manager: EntityManager,
    snapshot: RequestMilestoneSnapshot,
    kind: ApplicantNoticeKind,
    eventId: string,
    params?: Record<string, unknown>,
    /** The applicant's address, language and name when the caller has them (saves reading the user). */
    recipient?: NoticeRecipient,
  ): Promise<void>;
}

/**
 * What a caller already knows, so that a sync in a hot path (filing) reads nothing it need not read.
 * Both are optional and only save round trips; the result is the same.
 */
export interface RequestSyncHints {
  /** The request's agency, as just read by the caller (time zone, reminder hour, rule set, 调休 setting). */
  agency?: { timezone: string; reminderHour: number; ruleSet: string; countMakeupWorkdays: boolean };
  /** The request was inserted in this transaction: it has no milestones yet (nothing to lock or cancel). */
  isNew?: boolean;
}

/** The recipient of an applicant notice; a null email (paper applicant) means no email. */
export interface NoticeRecipient {
  email: string | null;
  locale: string;
  name: string;
}

/** Nest injection token of the {@link MilestoneSync} implementation (provided by the global MilestonesModule). */
export const MILESTONE_SYNC = Symbol('MILESTONE_SYNC');
