/**
 * The arithmetic of section VII of the DOJ annual FOIA report (us.md E.7): figures per processing track
 * over weighted samples of day counts (a value with the number of requests that took it).
 */

/** The DOJ report's processing tracks (multitrack processing, 5 U.S.C. 552(a)(6)(D)), in its order. */
export const DOJ_TRACKS = ['simple', 'complex', 'expedited'] as const;
export type DojTrack = (typeof DOJ_TRACKS)[number];

/** VII.C day bands, in the template's order. */
export const DOJ_DAY_BANDS = [
  '1-20',
  '21-40',
  '41-60',
  '61-80',
  '81-100',
  '101-120',
  '121-140',
  '141-160',
  '161-180',
  '181-200',
  '201-300',
  '301-400',
  '401+',
] as const;
export type DojDayBand = (typeof DOJ_DAY_BANDS)[number];

export interface WeightedDays {
  value: number;
  weight: number;
}

/**
 * The VII.C band of a response time. A request answered on the day it was received (0 working days)
 * falls in the first band with the ones answered within 20.
 */
export function dayBand(days: number): DojDayBand {
  if (days <= 200) return DOJ_DAY_BANDS[Math.max(0, Math.ceil(days / 20) - 1)];
  if (days <= 300) return '201-300';
  if (days <= 400) return '301-400';
  return '401+';
}

/** The median of a weighted sample: the middle value, or the mean of the two middle values for an even count. */
export function weightedMedian(samples: readonly WeightedDays[]): number | null {
  const sorted = samples.filter((s) => s.weight > 0).sort((x, y) => x.value - y.value);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  if (total === 0) return null;
  /** The k-th value (1-based) of the sample in order. */
  const nth = (k: number): number => {
    let seen = 0;
    for (const s of sorted) {
      seen += s.weight;
      if (seen >= k) return s.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const lower = nth(Math.floor((total + 1) / 2));
  const upper = nth(Math.ceil((total + 1) / 2));
  return (lower + upper) / 2;
}

/** The average to two decimals (null for no requests). */
export function weightedAverage(samples: readonly WeightedDays[]): number | null {
  const total = samples.reduce((s, x) => s + x.weight, 0);
  if (total === 0) return null;
  return Math.round((samples.reduce((s, x) => s + x.value * x.weight, 0) / total) * 100) / 100;
}

/** VII.A / VII.B: median, average, lowest and highest number of days of one track. */
export interface DojTimes {
  median: number | null;
  average: number | null;
  lowest: number | null;
  highest: number | null;
}

export function responseTimes(samples: readonly WeightedDays[]): DojTimes {
  const present = samples.filter((s) => s.weight > 0).map((s) => s.value);
  return {
    median: weightedMedian(samples),
    average: weightedAverage(samples),
    lowest: present.length ? Math.min(...present) : null,
    highest: present.length ? Math.max(...present) : null,
  };
}

/** VII.C: the number of requests in each day band of one track. */
export function bandCounts(samples: readonly WeightedDays[]): Record<DojDayBand, number> {
  const counts = Object.fromEntries(DOJ_DAY_BANDS.map((b) => [b, 0])) as Record<DojDayBand, number>;
  for (const s of samples) counts[dayBand(s.value)] += s.weight;
  return counts;
}

/** VII.D: number of pending requests of one track, with the median and average days pending. */
export interface DojPending {
  number: number;
  median: number | null;
  average: number | null;
}

export function pendingFigures(samples: readonly WeightedDays[]): DojPending {
  return {
    number: samples.reduce((s, x) => s + x.weight, 0),
    median: weightedMedian(samples),
    average: weightedAverage(samples),
  };
}

/** Samples grouped by track (every track present, empty when it has no requests). */
export function byTrack<T extends { track: DojTrack }>(rows: readonly T[]): Record<DojTrack, T[]> {
  const out = Object.fromEntries(DOJ_TRACKS.map((t) => [t, [] as T[]])) as Record<DojTrack, T[]>;
  for (const r of rows) out[r.track].push(r);
  return out;
}

/** A stored track, or the default when staff set none: simple (there is no expedited-processing grant to derive it from). */
export function trackOf(stored: string | null): DojTrack {
  return (DOJ_TRACKS as readonly string[]).includes(stored ?? '') ? (stored as DojTrack) : 'simple';
}
