import { computeLegalDeadline, type CalendarOverrides, type LegalDeadlineKind } from '@disclose/deadlines';
import type { CaseDeadline, CaseDeadlineKey } from './case-deadlines';

/** `date` + n calendar days, on civil dates (UTC arithmetic, so no time zone can shift the day). */
export function addCalendarDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A period of `times` × 20 working days (UK s.45 Code: 40 WD to ask for a review and at most 40 WD to
 * complete it; FOISA s.20(5): 40 WD to require a review). The engine has 20-WD kinds on the right calendar;
 * the 20th working day is itself a working day, so counting 20 more from it is the 40th working day.
 */
export function chainWorkingDays(
  key: CaseDeadlineKey,
  kind: LegalDeadlineKind,
  from: string,
  times: number,
  remind: boolean,
  calendar?: CalendarOverrides,
): CaseDeadline {
  let start = from;
  let provisional = false;
  const warnings: string[] = [];
  const trace: string[] = [];
  for (let i = 0; i < times; i++) {
    const r = computeLegalDeadline({ kind, from: start, calendar });
    provisional ||= r.provisional;
    warnings.push(...r.warnings.filter((w) => !warnings.includes(w)));
    trace.push(...r.trace);
    start = r.dueOn;
  }
  trace.unshift(`${times * 20} working days from ${from}: ${times} consecutive periods of 20 working days.`);
  return { key, legalKind: kind, from, dueOn: start, remind, provisional, warnings, trace };
}
