import { DayKind, WorkingCalendar } from '../calendars/working-calendar';
import type { DayNumber } from '../dates';
import type { Evaluation } from '../compute-deadline';
import type { DeadlineInput } from '../deadline.types';
import { Messages, messages } from './messages';
import type { TraceNote } from './trace-notes';

/** Lines naming the holidays skipped and the make-up days met in (from, to]. */
export function describeWindow(cal: WorkingCalendar, from: DayNumber, to: DayNumber, m: Messages): string[] {
  const lines: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let runHasWeekday = false;
  let names: string[] = [];
  const flush = (): void => {
    if (runStart >= 0 && runHasWeekday) lines.push(m.holidaySkipped(runStart, runEnd, m.joinNames(names)));
    runStart = -1;
    runHasWeekday = false;
    names = [];
  };
  for (let d = from + 1; d <= to; d++) {
    const kind = cal.kindOf(d);
    if (kind === DayKind.Holiday) {
      if (runStart < 0 || d !== runEnd + 1) {
        flush();
        runStart = d;
      }
      runEnd = d;
      const dow = (d + 4) % 7;
      if (dow !== 0 && dow !== 6) runHasWeekday = true;
      const n = m.name(cal.nameOf(d));
      if (!names.includes(n)) names.push(n);
      continue;
    }
    flush();
    if (kind === DayKind.MakeupWorkday || kind === DayKind.MakeupNotCounted) {
      lines.push(m.makeupCounts(d, m.name(cal.nameOf(d)), kind === DayKind.MakeupWorkday));
    }
  }
  flush();
  return lines;
}

export function provisionalLine(cal: WorkingCalendar, m: Messages): string {
  const c = cal.source.coverage;
  return m.provisional(cal.id, c ? c.last : null, c ? c.first : null);
}

const stopCitation = (e: Evaluation, kind: 'consultation' | 'fee'): string =>
  kind === 'fee' ? e.rs.feeCitation : (e.rs.consultationCitation ?? '');

/** Turns an evaluation into sentences a clerk can check, in the input's locale. */
export function buildDeadlineTrace(
  input: DeadlineInput,
  e: Evaluation,
  notes: readonly TraceNote[],
): string[] {
  const m = messages(input.locale);
  const { rs, cal } = e;
  const out: string[] = [
    m.ruleSet(rs.id, rs.law, rs.periodWorkingDays, rs.periodCitation),
    m.received(e.received, cal.isWorkingDay(e.received)),
  ];
  if (e.noticeDue >= 0 && rs.clarificationNoticeWorkingDays !== null) {
    out.push(m.noticeDue(e.noticeDue, rs.clarificationNoticeWorkingDays, rs.clarificationCitation));
  }
  for (const n of notes) {
    switch (n.t) {
      case 'clarification_requested':
        out.push(m.clarificationRequested(n.d, n.toll, n.late, n.noticeDue));
        break;
      case 'clarification_received':
        out.push(m.clarificationReceived(n.d, n.toll, n.since));
        break;
      case 'pause_started':
        out.push(m.pauseStarted(n.d, n.kind, stopCitation(e, n.kind)));
        break;
      case 'pause_ended':
        out.push(m.pauseEnded(n.d, n.kind, n.since));
        break;
      case 'restart':
        out.push(m.restart(n.d, n.reason, rs.periodWorkingDays, rs.clarificationCitation));
        break;
      case 'extended':
        out.push(m.extended(n.d, n.k, n.total, rs.extensionCitation, n.afterDue));
        break;
    }
  }
  if (e.due < 0) {
    for (const s of e.openStops) out.push(m.stopped(s.kind, s.since));
  } else {
    if (e.clockStart !== e.received && !cal.isWorkingDay(e.clockStart))
      out.push(m.received(e.clockStart, false));
    out.push(m.counting(e.allowed, e.clockStart, e.extension));
    for (let i = 0; i < e.appliedPauses.length; i += 2) {
      const a = e.appliedPauses[i];
      const b = e.appliedPauses[i + 1];
      out.push(m.pauseApplied(a, b, cal.countWorkingDays(a - 1, b)));
    }
    if (e.warnings.includes('pause_after_due_date')) out.push(m.pauseIgnored());
    out.push(...describeWindow(cal, e.clockStart, e.due, m));
    out.push(m.due(e.due));
  }
  if (e.provisional) out.push(provisionalLine(cal, m));
  return out;
}
