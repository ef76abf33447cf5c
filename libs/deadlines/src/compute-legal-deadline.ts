import { resolveCalendar } from './calendars/calendar-registry';
import type { CalendarId } from './calendars/calendar-sources';
import { addMonths, DayNumber, formatDate, parseDate } from './dates';
import { DeadlineRuleError } from './deadlines.errors';
import type { LegalDeadlineInput, LegalDeadlineKind, LegalDeadlineResult } from './deadline.types';
import { describeWindow, provisionalLine } from './trace/deadline-trace';
import { messages } from './trace/messages';

/** How one legal period is counted (rules/README.md convention 7). */
export interface LegalDeadlineRule {
  readonly kind: LegalDeadlineKind;
  readonly calendar: CalendarId;
  readonly unit: 'calendar-days' | 'months' | 'working-days';
  readonly amount: number;
  /** CN calendar-day and month periods roll off non-working days (民法典 Art. 203); US/UK only warn. */
  readonly rollForward: boolean;
  /** Suggest the preceding working day when a non-rolling period ends on a non-working day. */
  readonly suggestPreceding: boolean;
  readonly citation: string;
}

const rule = (
  kind: LegalDeadlineKind,
  calendar: CalendarId,
  unit: LegalDeadlineRule['unit'],
  amount: number,
  citation: string,
  suggestPreceding = false,
): LegalDeadlineRule => ({
  kind,
  calendar,
  unit,
  amount,
  rollForward: calendar === 'cn' && unit !== 'working-days',
  suggestPreceding,
  citation,
});

export const LEGAL_DEADLINE_RULES: Readonly<Record<LegalDeadlineKind, LegalDeadlineRule>> = {
  'cn-reconsideration-application': rule(
    'cn-reconsideration-application',
    'cn',
    'calendar-days',
    60,
    '行政复议法 Art. 20(1)',
  ), // 60 days from knowing
  'cn-reconsideration-decision': rule(
    'cn-reconsideration-decision',
    'cn',
    'calendar-days',
    60,
    '行政复议法 Art. 62(1)',
  ), // 60 days from acceptance
  'cn-litigation-direct': rule('cn-litigation-direct', 'cn', 'months', 6, '行政诉讼法 Art. 46(1)'), // 6 months from knowing
  'cn-litigation-after-reconsideration': rule(
    'cn-litigation-after-reconsideration',
    'cn',
    'calendar-days',
    15,
    '行政诉讼法 Art. 45',
  ), // 15 days
  'cn-defense-submission': rule('cn-defense-submission', 'cn', 'calendar-days', 15, '行政诉讼法 Art. 67'), // 15 days from the copy
  'cn-reconsideration-defence': rule(
    'cn-reconsideration-defence',
    'cn',
    'working-days',
    10,
    '行政复议法 Art. 48 (working days, Art. 88(2))',
  ), // the respondent's written reply and evidence, 10 WD from receiving the application copy
  'cn-third-party-opinion': rule('cn-third-party-opinion', 'cn', 'working-days', 15, '条例 2019 Art. 32'), // 15 WD from the letter
  'cn-fee-payment': rule('cn-fee-payment', 'cn', 'working-days', 20, '信息处理费管理办法 (cn.md A.9)'), // 20 WD from the notice
  'us-appeal-filing': rule(
    'us-appeal-filing',
    'us',
    'calendar-days',
    90,
    '5 U.S.C. 552(a)(6)(A)(i)(III)(aa)',
  ), // >= 90 days
  'us-appeal-decision': rule('us-appeal-decision', 'us', 'working-days', 20, '5 U.S.C. 552(a)(6)(A)(ii)'), // 20 WD
  'us-expedition-decision': rule(
    'us-expedition-decision',
    'us',
    'calendar-days',
    10,
    '5 U.S.C. 552(a)(6)(E)(ii)(I)',
    true,
  ), // 10 days
  'uk-internal-review': rule(
    'uk-internal-review',
    'uk',
    'working-days',
    20,
    'FOIA s.45 Code of Practice (2018) Part 5',
  ), // 20 WD target
  'scot-foisa-review': rule('scot-foisa-review', 'scot', 'working-days', 20, 'FOISA 2002 s.21(1)'), // 20 WD, Scottish calendar
};

export const LEGAL_DEADLINE_KINDS = Object.keys(LEGAL_DEADLINE_RULES) as LegalDeadlineKind[];

/** Deadline of a legal period other than the reply period (reconsideration, litigation, appeals, reviews). */
export function computeLegalDeadline(input: LegalDeadlineInput): LegalDeadlineResult {
  const r: LegalDeadlineRule | undefined = LEGAL_DEADLINE_RULES[input.kind];
  if (!r)
    throw new DeadlineRuleError(
      'DEADLINES.UNKNOWN_LEGAL_DEADLINE_KIND',
      `unknown legal deadline kind ${JSON.stringify(input.kind)}`,
    );
  const from = parseDate(input.from, 'from');
  const workingCountsMakeup = input.options?.countMakeupWorkdays !== false;
  // cn.md C.3: for the roll-forward a 调休 day is always a working day, whatever the make-up setting.
  const cal = resolveCalendar(
    r.calendar,
    input.calendar,
    r.unit === 'working-days' ? workingCountsMakeup : true,
  );
  const m = messages(input.locale);
  const warnings: string[] = [];
  const lines: string[] = [];
  let raw: DayNumber;
  let due: DayNumber;
  if (r.unit === 'working-days') {
    due = raw = cal.addWorkingDays(from, r.amount);
    lines.push(m.legalWorkingDays(r.kind, r.amount, from, r.citation));
  } else {
    // Convention 7: start day excluded (民法典 Art. 201); a month ends on the same day-number (Art. 202).
    raw = r.unit === 'months' ? addMonths(from, r.amount) : from + r.amount;
    due = raw;
    lines.push(
      m.legalCalendarDays(r.kind, r.amount, r.unit === 'months' ? 'months' : 'days', from, r.citation),
    );
    if (!cal.isWorkingDay(raw)) {
      const why = m.nonWorkingWhy(raw, cal.nameOf(raw) ? m.name(cal.nameOf(raw)) : undefined);
      if (r.rollForward) {
        due = cal.rollForward(raw); // 民法典 Art. 203; 民事诉讼法 Art. 85(3)
        lines.push(m.rolled(raw, due, why));
      } else {
        warnings.push('ends_on_non_working_day'); // US/UK periods do not roll (convention 7)
        let preceding = raw - 1;
        while (!cal.isWorkingDay(preceding)) preceding--;
        lines.push(m.noRoll(raw, why, r.suggestPreceding ? preceding : null));
      }
    }
  }
  const provisional = !cal.isCovered(from) || !cal.isCovered(raw) || !cal.isCovered(due);
  if (provisional) warnings.push('provisional_calendar');
  let trace: string[] | undefined;
  return {
    dueOn: formatDate(due),
    provisional,
    warnings,
    get trace(): string[] {
      if (!trace) {
        trace = [...lines];
        if (r.unit === 'working-days') trace.push(...describeWindow(cal, from, due, m));
        trace.push(m.due(due));
        if (provisional) trace.push(provisionalLine(cal, m));
      }
      return trace;
    },
  };
}
