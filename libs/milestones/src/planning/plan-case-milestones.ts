import { shiftWorkingDays, type RuleSetId } from '@disclose/deadlines';
import type { CaseMilestoneSnapshot } from '../contract';
import { AgencyTiming, REMINDER_OFFSETS } from './milestone-kinds';
import { zonedInstant } from './zoned-time';

/** A case milestone: kind `case:<deadline key>:<reminder>`, so two deadlines never share an identity. */
export interface CaseMilestoneSpec {
  kind: string;
  dueAt: Date;
  recipients: ['legal_owner'];
  payload: {
    dueOn: string;
    on: string;
    key: string;
    legalKind: string;
    trackingNumber: string;
    daysLeft: number;
  };
}

/**
 * Reminders of a legal case's deadlines (the cases library's snapshot): 5 and 2 working days before, the
 * day before, on the day, and one overdue notice the working day after, for the legal staff member in
 * charge. Working days of the case's rule set; the agency's zone and hour. As for requests, of the
 * reminders already due only the latest is kept (it fires at once).
 */
export function planCaseMilestones(
  snapshot: CaseMilestoneSnapshot,
  agency: AgencyTiming,
  now: Date,
): CaseMilestoneSpec[] {
  if (!snapshot.open) return [];
  const ruleSet = snapshot.ruleSet as RuleSetId;
  const opts = { countMakeupWorkdays: agency.countMakeupWorkdays };
  const specs: CaseMilestoneSpec[] = [];
  for (const d of snapshot.deadlines) {
    const before: Array<readonly [string, number]> = d.reminders
      ? [...new Set(d.reminders)].sort((a, b) => b - a).map((n) => [reminderName(n), -n] as const)
      : REMINDER_OFFSETS.map(([kind, n]) => [kind, -n] as const);
    const track = [...before, ...(d.overdue === false ? [] : [['overdue', 1] as const])].map(([kind, n]) => {
      const on = shiftWorkingDays(ruleSet, d.dueOn, n, agency.calendar, opts);
      const dueAt =
        n === 0 && d.sameDayAt
          ? new Date(d.sameDayAt)
          : zonedInstant(on, agency.reminderHour, agency.timezone);
      return { kind, on, n, dueAt };
    });
    const past = track.filter((t) => t.dueAt <= now);
    const kept = [...(past.length > 0 ? [past[past.length - 1]] : []), ...track.filter((t) => t.dueAt > now)];
    for (const t of kept)
      specs.push({
        kind: `case:${d.key}:${t.kind}`,
        dueAt: t.dueAt,
        recipients: ['legal_owner'],
        payload: {
          dueOn: d.dueOn,
          on: t.on,
          key: d.key,
          legalKind: d.legalKind,
          trackingNumber: snapshot.trackingNumber,
          daysLeft: -t.n,
        },
      });
  }
  return specs;
}

/** due_in_5, due_in_2, due_tomorrow, due_today, or due_in_<n> for another number of working days. */
function reminderName(n: number): string {
  return REMINDER_OFFSETS.find(([, k]) => k === n)?.[0] ?? `due_in_${n}`;
}
