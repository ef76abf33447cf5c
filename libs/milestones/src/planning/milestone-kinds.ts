import type { CalendarOverrides, RuleSetId } from '@disclose/deadlines';

/** Kinds of request milestones planned from a snapshot. */
export const REQUEST_MILESTONE_KINDS = [
  'due_in_5',
  'due_in_2',
  'due_tomorrow',
  'due_today',
  'overdue',
  'clarification_lapsed',
  'fee_lapsed',
] as const;
export type RequestMilestoneKind = (typeof REQUEST_MILESTONE_KINDS)[number];

/** Working days before the due date at which each reminder fires. */
export const REMINDER_OFFSETS: ReadonlyArray<[RequestMilestoneKind, number]> = [
  ['due_in_5', 5],
  ['due_in_2', 2],
  ['due_tomorrow', 1],
  ['due_today', 0],
];

/**
 * Recipients are roles relative to the request, resolved to users when the milestone fires:
 * - clerk: the assignee; every active clerk of the request's agency while it is unassigned (someone must
 *   pick it up before the deadline);
 * - supervisors: the active supervisors of the request's agency, or of its parent agency if it has none.
 */
export type RecipientRole = 'clerk' | 'supervisors';

/** What the planner needs to know about the agency handling the request. */
export interface AgencyTiming {
  timezone: string;
  /** Local hour (0-23) at which reminders fire on a working day. */
  reminderHour: number;
  ruleSet: RuleSetId;
  countMakeupWorkdays: boolean;
  calendar?: CalendarOverrides;
}

export interface MilestonePayload {
  /** The due date the milestone was planned from (null for lapse notices of a stopped clock). */
  dueOn: string | null;
  /** Local working day on which it fires. */
  on: string;
  /** The applicant's deadline that lapsed (clarification reply-by, fee payment). */
  lapsedOn?: string;
  trackingNumber: string;
}

/** A milestone the planner wants to exist; identity within a request is (kind, dueAt). */
export interface MilestoneSpec {
  kind: RequestMilestoneKind;
  dueAt: Date;
  recipients: RecipientRole[];
  payload: MilestonePayload;
}

export const specKey = (kind: string, dueAt: Date): string => `${kind}@${dueAt.toISOString()}`;
