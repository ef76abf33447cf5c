import type { CalendarOverrides } from './calendars/calendar-registry';
import type { RuleSetId } from './rule-sets/rule-sets';

export type { CalendarOverrides, RuleSetId };

/** Trace language (extra to rules/README.md; default 'en'). */
export type DeadlineLocale = 'zh-CN' | 'en';

export type DeadlineEventType =
  | 'clarification_requested'
  | 'clarification_received'
  | 'consultation_started'
  | 'consultation_ended'
  | 'fee_notice_sent'
  | 'fee_paid'
  | 'extended';

export interface DeadlineEvent {
  type: DeadlineEventType;
  /** 'YYYY-MM-DD' */
  on: string;
  /** 'extended' only; default = the rule set's maximum. */
  workingDays?: number;
}

export interface DeadlineInput {
  ruleSet: RuleSetId;
  /** 'YYYY-MM-DD': the legal date of receipt. */
  receivedOn: string;
  /** In date order. */
  events?: readonly DeadlineEvent[];
  calendar?: CalendarOverrides;
  options?: {
    /** CN only, default true (cn.md A.10). */
    countMakeupWorkdays?: boolean;
    /** CN only, default 'pause' (cn.md A.9). Extra to rules/README.md. */
    cnFeeMode?: 'pause' | 'restart';
  };
  /** Extra to rules/README.md; default 'en'. */
  locale?: DeadlineLocale;
}

export interface DeadlineResult {
  ruleSet: string;
  /** Receipt day, or the day the clarification (or, in CN restart fee mode, the fee) arrived. */
  clockStartsOn: string;
  /** null while the clock is stopped. */
  dueOn: string | null;
  status: 'running' | 'stopped';
  /** Period + extensions. */
  workingDaysAllowed: number;
  disregardedWorkingDays: number;
  provisional: boolean;
  /** cn-ogi-2019: Art. 30, 7 WD after receipt. */
  clarificationNoticeDueOn?: string;
  /** Stable snake_case codes, e.g. 'extension_after_due_date'. */
  warnings: string[];
  /** The derivation in words a clerk can check; built on first access. */
  readonly trace: string[];
}

export type LegalDeadlineKind =
  | 'cn-reconsideration-application'
  | 'cn-reconsideration-decision'
  | 'cn-litigation-direct'
  | 'cn-litigation-after-reconsideration'
  | 'cn-defense-submission'
  | 'cn-reconsideration-defence'
  | 'cn-third-party-opinion'
  | 'cn-fee-payment'
  | 'us-appeal-filing'
  | 'us-appeal-decision'
  | 'us-expedition-decision'
  | 'uk-internal-review'
  | 'scot-foisa-review';

export interface LegalDeadlineInput {
  kind: LegalDeadlineKind;
  /** 'YYYY-MM-DD' */
  from: string;
  calendar?: CalendarOverrides;
  /** Extra: CN working-day kinds only (the roll-forward always treats 调休 days as working, cn.md C.3). */
  options?: { countMakeupWorkdays?: boolean };
  locale?: DeadlineLocale;
}

export interface LegalDeadlineResult {
  dueOn: string;
  provisional: boolean;
  warnings: string[];
  readonly trace: string[];
}
