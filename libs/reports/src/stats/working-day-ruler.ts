import { isWorkingDay, RuleSetId } from '@disclose/deadlines';

const DAY = 86_400_000;
const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** The engine's answer; outside its calendars' coverage, Monday to Friday (said in the stats unit note). */
function workingDay(ruleSet: string, date: string): boolean {
  try {
    return isWorkingDay(ruleSet as RuleSetId, date);
  } catch {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
}

/**
 * Working days between two civil dates on a rule set's calendar, O(1) per pair after one pass over the
 * range: rank[i] = working days from `from` up to day i. The deadline engine's isWorkingDay is the source
 * of truth (official calendars incl. 调休); agency calendar overrides are not applied here.
 */
export class WorkingDayRuler {
  private readonly rank: Int32Array;
  private readonly start: number;

  constructor(ruleSet: string, from: string, to: string) {
    this.start = toMs(from);
    const days = Math.max(0, Math.round((toMs(to) - this.start) / DAY)) + 1;
    this.rank = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      const date = new Date(this.start + i * DAY).toISOString().slice(0, 10);
      this.rank[i + 1] = this.rank[i] + (workingDay(ruleSet, date) ? 1 : 0);
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
