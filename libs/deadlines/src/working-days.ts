import { formatDate, parseDate } from './dates';
import { CalendarOverrides, resolveCalendar } from './calendars/calendar-registry';
import type { WorkingCalendar } from './calendars/working-calendar';
import { DeadlineRuleError } from './deadlines.errors';
import { RULE_SETS, RuleSetId } from './rule-sets/rule-sets';

/** Options shared with computeDeadline: the CN make-up workday setting (cn.md A.10). */
export interface WorkingDayOptions {
  countMakeupWorkdays?: boolean;
}

function calendarOf(
  ruleSet: RuleSetId,
  calendar?: CalendarOverrides,
  options?: WorkingDayOptions,
): WorkingCalendar {
  const rs = RULE_SETS[ruleSet];
  if (!rs)
    throw new DeadlineRuleError('DEADLINES.UNKNOWN_RULE_SET', `unknown rule set ${JSON.stringify(ruleSet)}`);
  if (options?.countMakeupWorkdays !== undefined && typeof options.countMakeupWorkdays !== 'boolean')
    throw new DeadlineRuleError('DEADLINES.INVALID_OPTION', 'countMakeupWorkdays must be a boolean');
  return resolveCalendar(rs.calendar, calendar, options?.countMakeupWorkdays ?? true);
}

/** Whether `date` ('YYYY-MM-DD') is a working day of the rule set's calendar (with agency overrides). */
export function isWorkingDay(
  ruleSet: RuleSetId,
  date: string,
  calendar?: CalendarOverrides,
  options?: WorkingDayOptions,
): boolean {
  return calendarOf(ruleSet, calendar, options).isWorkingDay(parseDate(date));
}

/**
 * The |n|-th working day strictly after (n > 0) or strictly before (n < 0) `date`; n = 0 returns `date`
 * unchanged, working day or not. Used by reminders ("2 working days before the due date") and
 * escalations ("every working day after it").
 */
export function shiftWorkingDays(
  ruleSet: RuleSetId,
  date: string,
  n: number,
  calendar?: CalendarOverrides,
  options?: WorkingDayOptions,
): string {
  if (!Number.isInteger(n))
    throw new DeadlineRuleError('DEADLINES.INVALID_OPTION', `n must be an integer, got ${n}`);
  const cal = calendarOf(ruleSet, calendar, options);
  const start = parseDate(date);
  if (n >= 0) return formatDate(cal.addWorkingDays(start, n));
  // Backwards is only ever a few days (reminders): a walk is simpler than inverting the rank index.
  let d = start;
  for (let left = -n; left > 0;) if (cal.isWorkingDay(--d)) left--;
  return formatDate(d);
}
