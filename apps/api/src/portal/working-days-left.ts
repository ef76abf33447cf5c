import { isWorkingDay, RULE_SET_IDS, type CalendarOverrides, type RuleSetId } from '@disclose/deadlines';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The engine's answer with the agency's overrides; outside its calendars' coverage, Monday to Friday. */
function workingDay(ruleSet: RuleSetId, date: string, calendar?: CalendarOverrides): boolean {
  try {
    return isWorkingDay(ruleSet, date, calendar);
  } catch {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
}

/**
 * Working days from `today` to `dueOn` in the rule set's calendar with the agency's overrides (the same
 * calendar the due date was computed with): 0 = due today, 2 = two working days left, -1 = one working day
 * overdue.
 */
export function workingDaysLeft(
  ruleSet: string,
  today: string,
  dueOn: string,
  calendar?: CalendarOverrides,
): number {
  const rs: RuleSetId = (RULE_SET_IDS as readonly string[]).includes(ruleSet)
    ? (ruleSet as RuleSetId)
    : 'cn-ogi-2019';
  const [from, to, sign] = dueOn >= today ? [today, dueOn, 1] : [dueOn, today, -1];
  let n = 0;
  // Bounded: due dates are at most a few months away, and overdue requests are counted up to a year.
  for (let d = addDays(from, 1), i = 0; d <= to && i < 400; d = addDays(d, 1), i++) {
    if (workingDay(rs, d, calendar)) n++;
  }
  return sign * n;
}
