import {
  isWorkingDay,
  type CalendarOverrides,
  type RuleSetId,
  type WorkingDayOptions,
} from '@disclose/deadlines';

const DAY = 86_400_000;
const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/**
 * The engine's answer with the agency's overrides and 调休 setting (the calendar its due dates were
 * computed with); outside the engine's calendars' coverage, Monday to Friday with the overrides applied
 * (said in the stats unit note).
 */
function workingDay(
  ruleSet: string,
  date: string,
  calendar: CalendarOverrides | undefined,
  options: WorkingDayOptions | undefined,
): boolean {
  try {
    return isWorkingDay(ruleSet as RuleSetId, date, calendar, options);
  } catch {
    if (calendar?.holidays?.includes(date)) return false;
    if (calendar?.workdays?.includes(date)) return true;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
}

/**
 * Working days between two civil dates on a rule set's calendar with an agency's overrides (holidays and
 * make-up workdays of its calendar page, `loadAgencyCalendar`) and its 调休 setting, O(1) per pair after
 * one pass over the range: rank[i] = working days from `from` up to day i. The deadline engine's
 * isWorkingDay is the source of truth (official calendars incl. 调休). Without `calendar`, the rule set's
 * official calendar alone.
 */
export class WorkingDayRuler {
  private readonly rank: Int32Array;
  private readonly start: number;

  constructor(
    ruleSet: string,
    from: string,
    to: string,
    calendar?: CalendarOverrides,
    options?: WorkingDayOptions,
  ) {
    this.start = toMs(from);
    const days = Math.max(0, Math.round((toMs(to) - this.start) / DAY)) + 1;
    this.rank = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      const date = new Date(this.start + i * DAY).toISOString().slice(0, 10);
      this.rank[i + 1] = this.rank[i] + (workingDay(ruleSet, date, calendar, options) ? 1 : 0);
    }
  }

  /** Working days after `a` up to and including `b` (0 when b <= a). */
  between(a: string, b: string): number {
    const i = Math.round((toMs(a) - this.start) / DAY);
    const j = Math.round((toMs(b) - this.start) / DAY);
    if (j <= i) return 0;
    return this.rank[j + 1] - this.rank[i + 1];
  }
}

/** The q-quantile (0..1, nearest rank) of a weighted sample of values. */
export function weightedQuantile(
  samples: readonly { value: number; weight: number }[],
  q: number,
): number | null {
  const sorted = [...samples].sort((x, y) => x.value - y.value);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  if (total === 0) return null;
  const target = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const s of sorted) {
    seen += s.weight;
    if (seen >= target) return s.value;
  }
  return sorted[sorted.length - 1].value;
}
