import { daysFromCivil, formatDate, isWeekend, weekday } from '../dates';
import { DeadlineRuleError } from '../deadlines.errors';
import { RULE_SETS, RuleSetId } from '../rule-sets/rule-sets';
import { CalendarOverrides, resolveCalendar } from './calendar-registry';
import type { CalendarId } from './calendar-sources';
import { DayKind } from './working-calendar';

const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** A day that differs from the plain Monday-Friday week. */
export interface CalendarDay {
  date: string;
  weekday: (typeof DOW)[number];
  /** holiday: non-working; makeup_workday: a weekend day that is a working day (CN 调休上班, or override). */
  kind: 'holiday' | 'makeup_workday';
  /** English name, or null if unknown. */
  name: string | null;
  /** Chinese name (CN calendars), else the English name. */
  nameZh: string | null;
  /** True for weekend days inside an official holiday range (CN notices list them). */
  weekend: boolean;
  /** True when the day is past the official data (computed or assumed, see calendarCoverage). */
  provisional: boolean;
}

function ruleSetOf(ruleSet: RuleSetId): CalendarId {
  const rs = RULE_SETS[ruleSet];
  if (!rs)
    throw new DeadlineRuleError('DEADLINES.UNKNOWN_RULE_SET', `unknown rule set ${JSON.stringify(ruleSet)}`);
  return rs.calendar;
}

/**
 * Holidays (other than plain weekends) and make-up workdays of a rule set's calendar in `year`, for the
 * `calendar show` CLI. Agency overrides are applied.
 */
export function listNonWorkingDays(
  ruleSet: RuleSetId,
  year: number,
  calendarOverrides?: CalendarOverrides,
): CalendarDay[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new DeadlineRuleError(
      'DEADLINES.INVALID_DATE',
      `year must be an integer between 1900 and 2199, got ${year}`,
    );
  }
  const cal = resolveCalendar(ruleSetOf(ruleSet), calendarOverrides, true);
  const out: CalendarDay[] = [];
  for (let d = daysFromCivil(year, 1, 1), last = daysFromCivil(year, 12, 31); d <= last; d++) {
    const kind = cal.kindOf(d);
    if (kind !== DayKind.Holiday && kind !== DayKind.MakeupWorkday) continue;
    const name = cal.nameOf(d);
    out.push({
      date: formatDate(d),
      weekday: DOW[weekday(d)],
      kind: kind === DayKind.Holiday ? 'holiday' : 'makeup_workday',
      name: name?.en ?? null,
      nameZh: name?.zh ?? null,
      weekend: kind === DayKind.Holiday && isWeekend(d),
      provisional: !cal.isCovered(d),
    });
  }
  return out;
}

/** The span of official calendar data behind a rule set; null bounds = computed by rule for every year. */
export interface CalendarCoverage {
  ruleSet: RuleSetId;
  calendar: CalendarId;
  firstCoveredOn: string | null;
  /** Last day the official data covers; later results are provisional. null = no limit (US, by rule). */
  lastCoveredOn: string | null;
}

export function calendarCoverage(
  ruleSet: RuleSetId,
  calendarOverrides?: CalendarOverrides,
): CalendarCoverage {
  const calendar = ruleSetOf(ruleSet);
  const c = resolveCalendar(calendar, calendarOverrides, true).source.coverage;
  return {
    ruleSet,
    calendar,
    firstCoveredOn: c ? formatDate(c.first) : null,
    lastCoveredOn: c ? formatDate(c.last) : null,
  };
}
