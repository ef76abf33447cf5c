import { resolveCalendar } from './calendars/calendar-registry';
import { WorkingCalendar } from './calendars/working-calendar';
import { DayNumber, formatDate, parseDate } from './dates';
import { DeadlineRuleError } from './deadlines.errors';
import type { DeadlineInput, DeadlineResult } from './deadline.types';
import { RULE_SETS, RuleSetDefinition } from './rule-sets/rule-sets';
import { buildDeadlineTrace } from './trace/deadline-trace';
import type { TraceNote } from './trace/trace-notes';

/** Everything the trace needs to explain a result. */
export interface Evaluation {
  rs: RuleSetDefinition;
  cal: WorkingCalendar;
  received: DayNumber;
  clockStart: DayNumber;
  allowed: number;
  extension: number;
  /** -1 while the clock is stopped. */
  due: DayNumber;
  disregarded: number;
  /** Merged pause intervals [a0, b0, a1, b1, ...] that moved the due date (clipped to the clock). */
  appliedPauses: number[];
  /** What stops the clock, if it is stopped. */
  openStops: Array<{ kind: 'clarification' | 'consultation' | 'fee'; since: DayNumber }>;
  noticeDue: DayNumber;
  provisional: boolean;
  warnings: string[];
}

const NONE = -1;
const EMPTY_STOPS: Evaluation['openStops'] = [];
const EMPTY_PAUSES: number[] = [];

function fail(code: ConstructorParameters<typeof DeadlineRuleError>[0], message: string): never {
  throw new DeadlineRuleError(code, message);
}

/**
 * Due date given the closed pauses (flat [a, b, ...], inclusive, any order). Convention 2-3: the due date
 * is the (period + disregarded)-th working day after the clock start, where the disregarded days are the
 * working days of the pauses that begin on or before the due date reached so far.
 */
function dueWithPauses(
  cal: WorkingCalendar,
  start: DayNumber,
  allowed: number,
  pauses: number[],
  applied: number[] | null,
): { due: DayNumber; disregarded: number; ignored: boolean } {
  let due = cal.addWorkingDays(start, allowed);
  if (pauses.length === 0) return { due, disregarded: 0, ignored: false };
  const sorted: number[] = [];
  for (let i = 0; i < pauses.length; i += 2) {
    const a = Math.max(pauses[i], start + 1); // pauses before a restart no longer matter (convention 4)
    if (a <= pauses[i + 1]) sorted.push(a, pauses[i + 1]);
  }
  if (sorted.length > 2) {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < sorted.length; i += 2) pairs.push([sorted[i], sorted[i + 1]]);
    pairs.sort((x, y) => x[0] - y[0]);
    sorted.length = 0;
    for (const [a, b] of pairs) {
      const n = sorted.length;
      if (n > 0 && a <= sorted[n - 1] + 1) sorted[n - 1] = Math.max(sorted[n - 1], b);
      else sorted.push(a, b);
    }
  }
  let disregarded = 0;
  let ignored = false;
  for (let i = 0; i < sorted.length; i += 2) {
    const a = sorted[i];
    const b = sorted[i + 1];
    if (a > due) {
      ignored = true; // a pause that begins after the due date cannot revive an expired period
      break;
    }
    disregarded += cal.countWorkingDays(a - 1, b);
    due = cal.addWorkingDays(start, allowed + disregarded);
    if (applied) applied.push(a, b);
  }
  return { due, disregarded, ignored };
}

/** Evaluates the events; `notes` (trace only) receives the steps in words-to-be. */
export function evaluateDeadline(input: DeadlineInput, notes: TraceNote[] | null): Evaluation {
  const rs: RuleSetDefinition | undefined = RULE_SETS[input.ruleSet];
  if (!rs) fail('DEADLINES.UNKNOWN_RULE_SET', `unknown rule set ${JSON.stringify(input.ruleSet)}`);
  const received = parseDate(input.receivedOn, 'receivedOn');
  const options = input.options;
  const feeMode = options?.cnFeeMode ?? 'pause';
  if (feeMode !== 'pause' && feeMode !== 'restart') fail('DEADLINES.INVALID_OPTION', `cnFeeMode: ${feeMode}`);
  const cal = resolveCalendar(rs.calendar, input.calendar, options?.countMakeupWorkdays !== false);
  const warnings: string[] = [];
  const period = rs.periodWorkingDays;

  // 条例 2019 Art. 30: the 补正 notice is due within 7 WD of receipt.
  const noticeDue =
    rs.clarificationNoticeWorkingDays === null
      ? NONE
      : cal.addWorkingDays(received, rs.clarificationNoticeWorkingDays);

  let clockStart = received;
  let extension = 0;
  const pauses: number[] = [];
  let clarSince = NONE;
  let consultSince = NONE;
  let feeSince = NONE;
  let tolls = 0;
  let clarifications = 0;
  let prev = received;

  const events = input.events;
  if (events) {
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      const on = parseDate(ev?.on, `events[${i}].on`);
      if (on < received)
        fail(
          'DEADLINES.EVENT_BEFORE_RECEIPT',
          `events[${i}] (${ev.type}) on ${ev.on} is before receipt ${input.receivedOn}`,
        );
      if (on < prev)
        fail('DEADLINES.EVENTS_NOT_IN_ORDER', `events[${i}] (${ev.type}) on ${ev.on} is out of date order`);
      prev = on;
      switch (ev.type) {
        case 'clarification_requested': {
          if (clarSince !== NONE)
            fail(
              'DEADLINES.CLARIFICATION_ALREADY_OPEN',
              `events[${i}]: a clarification is already awaited since ${formatDate(clarSince)}`,
            );
          if (rs.clarificationMode === 'toll') {
            // 5 U.S.C. 552(a)(6)(A)(ii)(I): the agency may make ONE request for information that tolls.
            if (rs.maxClarificationTolls !== null && tolls >= rs.maxClarificationTolls) {
              fail(
                'DEADLINES.SECOND_CLARIFICATION_TOLL',
                `events[${i}]: ${rs.clarificationCitation} allows only one clarification toll`,
              );
            }
            tolls++;
          }
          clarifications++;
          // 条例 2019 Art. 30: one notice, within 7 WD of receipt; late or repeated notices are flagged (cn.md A.3).
          const late = noticeDue !== NONE && on > noticeDue;
          if (late) warnings.push('late_clarification_notice');
          if (noticeDue !== NONE && clarifications > 1) warnings.push('second_clarification_request');
          clarSince = on;
          notes?.push({
            t: 'clarification_requested',
            d: on,
            toll: rs.clarificationMode === 'toll',
            late,
            noticeDue,
          });
          break;
        }
        case 'clarification_received': {
          if (clarSince === NONE)
            fail(
              'DEADLINES.UNMATCHED_EVENT',
              `events[${i}]: clarification_received without clarification_requested`,
            );
          notes?.push({
            t: 'clarification_received',
            d: on,
            toll: rs.clarificationMode === 'toll',
            since: clarSince,
          });
          if (rs.clarificationMode === 'toll') {
            pauses.push(clarSince, on); // toll: requested .. answered, inclusive (convention 3)
          } else {
            // Restart (Art. 30 / s.1(3) / reg 9 / FOISA s.1(3)): full period from the day it arrives (convention 4).
            clockStart = on;
            pauses.length = 0;
            if (extension > 0) warnings.push('extension_reset_by_restart');
            extension = 0;
            notes?.push({ t: 'restart', d: on, reason: 'clarification' });
          }
          clarSince = NONE;
          break;
        }
        case 'consultation_started':
          // 条例 2019 Art. 33(3) / 2008 Art. 24(3): consultation time not counted; no such pause elsewhere.
          if (!rs.consultationPause)
            fail('DEADLINES.CONSULTATION_NOT_ALLOWED', `events[${i}]: ${rs.id} has no consultation pause`);
          if (consultSince !== NONE)
            fail(
              'DEADLINES.PAUSE_ALREADY_OPEN',
              `events[${i}]: a consultation is already open since ${formatDate(consultSince)}`,
            );
          consultSince = on;
          notes?.push({ t: 'pause_started', d: on, kind: 'consultation' });
          break;
        case 'consultation_ended':
          if (!rs.consultationPause)
            fail('DEADLINES.CONSULTATION_NOT_ALLOWED', `events[${i}]: ${rs.id} has no consultation pause`);
          if (consultSince === NONE)
            fail(
              'DEADLINES.UNMATCHED_EVENT',
              `events[${i}]: consultation_ended without consultation_started`,
            );
          pauses.push(consultSince, on);
          notes?.push({ t: 'pause_ended', d: on, kind: 'consultation', since: consultSince });
          consultSince = NONE;
          break;
        case 'fee_notice_sent':
          // FOIA s.10(2), FOISA s.10(2), EIR reg 8, 552(a)(6)(A)(ii)(II) (unlimited), cn.md A.9.
          if (feeSince !== NONE)
            fail(
              'DEADLINES.PAUSE_ALREADY_OPEN',
              `events[${i}]: a fee notice is already open since ${formatDate(feeSince)}`,
            );
          feeSince = on;
          notes?.push({ t: 'pause_started', d: on, kind: 'fee' });
          break;
        case 'fee_paid':
          if (feeSince === NONE)
            fail('DEADLINES.UNMATCHED_EVENT', `events[${i}]: fee_paid without fee_notice_sent`);
          notes?.push({ t: 'pause_ended', d: on, kind: 'fee', since: feeSince });
          if (rs.jurisdiction === 'CN' && feeMode === 'restart') {
            // cn.md A.9 agency setting cn_fee_mode = restart: the period runs again from payment.
            clockStart = on;
            pauses.length = 0;
            if (extension > 0) warnings.push('extension_reset_by_restart');
            extension = 0;
            notes?.push({ t: 'restart', d: on, reason: 'fee' });
          } else {
            pauses.push(feeSince, on);
          }
          feeSince = NONE;
          break;
        case 'extended': {
          // Art. 33(2) 20 WD / 2008 Art. 24(2) 15 WD / 552(a)(6)(B)(i) 10 WD / FOIA s.10(3) 20 / EIR reg 7 20; FOISA none.
          if (rs.extensionMaxWorkingDays === 0)
            fail(
              'DEADLINES.EXTENSION_NOT_ALLOWED',
              `events[${i}]: ${rs.id} allows no extension (${rs.extensionCitation})`,
            );
          const k = ev.workingDays ?? rs.extensionMaxWorkingDays;
          if (!Number.isInteger(k) || k < 1)
            fail(
              'DEADLINES.INVALID_EXTENSION',
              `events[${i}]: workingDays must be a positive integer, got ${k}`,
            );
          if (extension + k > rs.extensionMaxWorkingDays) {
            fail(
              'DEADLINES.EXTENSION_EXCEEDS_MAXIMUM',
              `events[${i}]: extensions total ${extension + k} WD, more than the ${rs.extensionMaxWorkingDays} WD of ${rs.extensionCitation}`,
            );
          }
          let afterDue: DayNumber | null = null;
          if (clarSince === NONE && consultSince === NONE && feeSince === NONE) {
            const current = dueWithPauses(cal, clockStart, period + extension, pauses, null).due;
            if (on > current) {
              afterDue = current;
              warnings.push('extension_after_due_date');
            }
          }
          extension += k;
          notes?.push({ t: 'extended', d: on, k, total: period + extension, afterDue });
          break;
        }
        default:
          fail(
            'DEADLINES.UNKNOWN_EVENT_TYPE',
            `events[${i}]: unknown event type ${JSON.stringify((ev as { type?: unknown })?.type)}`,
          );
      }
    }
  }

  const allowed = period + extension;
  const stopped = clarSince !== NONE || consultSince !== NONE || feeSince !== NONE;
  const openStops: Evaluation['openStops'] = stopped ? [] : EMPTY_STOPS;
  if (clarSince !== NONE) openStops.push({ kind: 'clarification', since: clarSince });
  if (consultSince !== NONE) openStops.push({ kind: 'consultation', since: consultSince });
  if (feeSince !== NONE) openStops.push({ kind: 'fee', since: feeSince });

  let due = NONE;
  let disregarded = 0;
  const appliedPauses: number[] = notes ? [] : EMPTY_PAUSES;
  if (!stopped) {
    const r = dueWithPauses(cal, clockStart, allowed, pauses, notes ? appliedPauses : null);
    due = r.due;
    disregarded = r.disregarded;
    if (r.ignored) warnings.push('pause_after_due_date');
  }
  const provisional =
    !cal.isCovered(clockStart) ||
    (due !== NONE && !cal.isCovered(due)) ||
    (noticeDue !== NONE && !cal.isCovered(noticeDue));
  if (provisional) warnings.push('provisional_calendar');
  return {
    rs,
    cal,
    received,
    clockStart,
    allowed,
    extension,
    due,
    disregarded,
    appliedPauses,
    openStops,
    noticeDue,
    provisional,
    warnings,
  };
}

/** Result object: plain data fields plus a `trace` built from the input on first access. */
class ComputedDeadline implements DeadlineResult {
  ruleSet: string;
  clockStartsOn: string;
  dueOn: string | null;
  status: 'running' | 'stopped';
  workingDaysAllowed: number;
  disregardedWorkingDays: number;
  provisional: boolean;
  clarificationNoticeDueOn?: string;
  warnings: string[];
  readonly #input: DeadlineInput;
  #trace: string[] | undefined;

  constructor(input: DeadlineInput, e: Evaluation) {
    this.ruleSet = e.rs.id;
    this.clockStartsOn = formatDate(e.clockStart);
    this.dueOn = e.due === NONE ? null : formatDate(e.due);
    this.status = e.due === NONE ? 'stopped' : 'running';
    this.workingDaysAllowed = e.allowed;
    this.disregardedWorkingDays = e.disregarded;
    this.provisional = e.provisional;
    if (e.noticeDue !== NONE) this.clarificationNoticeDueOn = formatDate(e.noticeDue);
    this.warnings = e.warnings;
    this.#input = input;
  }

  /** Built on first access, so the hot path pays nothing for the words. */
  get trace(): string[] {
    if (!this.#trace) {
      const notes: TraceNote[] = [];
      this.#trace = buildDeadlineTrace(this.#input, evaluateDeadline(this.#input, notes), notes);
    }
    return this.#trace;
  }

  /** JSON (API responses, CLI --json) carries the trace too. */
  toJSON(): Omit<DeadlineResult, 'trace'> & { trace: string[] } {
    const {
      ruleSet,
      clockStartsOn,
      dueOn,
      status,
      workingDaysAllowed,
      disregardedWorkingDays,
      provisional,
      warnings,
    } = this;
    return {
      ruleSet,
      clockStartsOn,
      dueOn,
      status,
      workingDaysAllowed,
      disregardedWorkingDays,
      provisional,
      ...(this.clarificationNoticeDueOn !== undefined
        ? { clarificationNoticeDueOn: this.clarificationNoticeDueOn }
        : {}),
      warnings,
      trace: this.trace,
    };
  }
}

/**
 * Computes the statutory reply deadline of a request (rules/README.md "Interface").
 * Throws DeadlineRuleError (with `code`) for input the law does not allow. `trace` is a getter that
 * builds the explanation on first access; `toJSON()` includes it. Do not mutate `input` afterwards.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  return new ComputedDeadline(input, evaluateDeadline(input, null));
}
