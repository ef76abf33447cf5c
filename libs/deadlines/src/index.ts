/**
 * @disclose/deadlines: the statutory clocks of China, the US and the UK (rules/README.md).
 * Pure: no framework, no I/O, no clock. Dates are civil 'YYYY-MM-DD' strings.
 */
export { computeDeadline } from './compute-deadline';
export { computeLegalDeadline, LEGAL_DEADLINE_KINDS, LEGAL_DEADLINE_RULES } from './compute-legal-deadline';
export type { LegalDeadlineRule } from './compute-legal-deadline';
export { DeadlineRuleError } from './deadlines.errors';
export type { DeadlineErrorCode } from './deadlines.errors';
export { RULE_SETS, RULE_SET_IDS } from './rule-sets/rule-sets';
export type { RuleSetDefinition } from './rule-sets/rule-sets';
export { listNonWorkingDays, calendarCoverage } from './calendars/calendar-listing';
export type { CalendarDay, CalendarCoverage } from './calendars/calendar-listing';
export type { CalendarId } from './calendars/calendar-sources';
export type {
  CalendarOverrides,
  DeadlineEvent,
  DeadlineEventType,
  DeadlineInput,
  DeadlineLocale,
  DeadlineResult,
  LegalDeadlineInput,
  LegalDeadlineKind,
  LegalDeadlineResult,
  RuleSetId,
} from './deadline.types';
export { isWorkingDay, shiftWorkingDays } from './working-days';
export type { WorkingDayOptions } from './working-days';
