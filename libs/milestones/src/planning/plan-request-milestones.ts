import { isWorkingDay, shiftWorkingDays } from '@disclose/deadlines';
import type { RequestMilestoneSnapshot } from '../contract';
import { AgencyTiming, MilestoneSpec, REMINDER_OFFSETS } from './milestone-kinds';
import { zonedDate, zonedInstant } from './zoned-time';

const at = (agency: AgencyTiming, day: string): Date =>
  zonedInstant(day, agency.reminderHour, agency.timezone);
const shift = (agency: AgencyTiming, day: string, n: number): string =>
  shiftWorkingDays(agency.ruleSet, day, n, agency.calendar, {
    countMakeupWorkdays: agency.countMakeupWorkdays,
  });

/** A reminder instant: a working day at the agency's reminder hour. */
export interface Occurrence {
  on: string;
  dueAt: Date;
}

/**
 * The overdue escalation runs on every working day after `dueOn`. Returns the latest occurrence at or
 * before `now` (null before the first one) and the first one after `now`: only these two ever exist as
 * rows, so a worker that was down for days sends one catch-up escalation, not one per missed day.
 */
export function overdueOccurrences(
  dueOn: string,
  agency: AgencyTiming,
  now: Date,
): { current: Occurrence | null; next: Occurrence } {
  const first = shift(agency, dueOn, 1);
  if (at(agency, first) > now) return { current: null, next: { on: first, dueAt: at(agency, first) } };
  const today = zonedDate(now, agency.timezone);
  const opts = { countMakeupWorkdays: agency.countMakeupWorkdays };
  const todayFired = isWorkingDay(agency.ruleSet, today, agency.calendar, opts) && at(agency, today) <= now;
  const on = todayFired ? today : shift(agency, today, -1);
  const nextOn = shift(agency, on, 1);
  return { current: { on, dueAt: at(agency, on) }, next: { on: nextOn, dueAt: at(agency, nextOn) } };
}

/**
 * Every milestone a request should have now (issue 5 point 1). Pure: the same snapshot, agency and `now`
 * give the same specs, which is what makes syncRequest idempotent. Of the reminders already due only the
 * latest still matters (it fires at once); the earlier ones are superseded and not planned.
 */
export function planRequestMilestones(
  snapshot: RequestMilestoneSnapshot,
  agency: AgencyTiming,
  now: Date,
): MilestoneSpec[] {
  if (!snapshot.open) return [];
  const specs: MilestoneSpec[] = [];
  const base = { trackingNumber: snapshot.trackingNumber };
  if (snapshot.dueOn) {
    const dueOn = snapshot.dueOn;
    const overdue = overdueOccurrences(dueOn, agency, now);
    const reminders = REMINDER_OFFSETS.map(([kind, n]) => {
      const on = shift(agency, dueOn, -n);
      return { kind, on, dueAt: at(agency, on) };
    });
    const past = reminders.filter((r) => r.dueAt <= now);
    const kept = reminders.filter((r) => r.dueAt > now);
    if (past.length > 0 && !overdue.current) kept.unshift(past[past.length - 1]);
    for (const r of kept)
      specs.push({
        kind: r.kind,
        dueAt: r.dueAt,
        recipients: ['clerk', 'supervisors'],
        payload: { ...base, dueOn, on: r.on },
      });
    for (const o of overdue.current ? [overdue.current, overdue.next] : [overdue.next])
      specs.push({
        kind: 'overdue',
        dueAt: o.dueAt,
        recipients: ['supervisors'],
        payload: { ...base, dueOn, on: o.on },
      });
  }
  // The applicant's own deadlines: the clerk hears on the next working day that one lapsed, so they
  // can close the request as lapsed (条例 2019 Art. 30 for clarifications; fee: 信息处理费管理办法).
  const lapses = [
    ['clarification_lapsed', snapshot.clarificationReplyBy],
    ['fee_lapsed', snapshot.feePaymentDueOn],
  ] as const;
  for (const [kind, lapsedOn] of lapses) {
    if (!lapsedOn) continue;
    const on = shift(agency, lapsedOn, 1);
    specs.push({
      kind,
      dueAt: at(agency, on),
      recipients: ['clerk'],
      payload: { ...base, dueOn: snapshot.dueOn, on, lapsedOn },
    });
  }
  return specs;
}
