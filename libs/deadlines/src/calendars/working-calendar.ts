import { DayNumber, daysFromCivil, isWeekend } from '../dates';

/** What a day is in a calendar. */
export enum DayKind {
  Workday = 0,
  Weekend = 1,
  /** Official holiday (or agency closure), weekday or weekend: non-working. */
  Holiday = 2,
  /** Weekend day designated a working day (CN 调休上班, or an agency override): working. */
  MakeupWorkday = 3,
  /** Make-up workday the agency chose not to count (cn.md A.10 setting): non-working. */
  MakeupNotCounted = 4,
}

/** A holiday or make-up day name in both trace languages. */
export interface DayName {
  readonly en: string;
  readonly zh: string;
}

export interface CalendarSource {
  readonly id: string;
  /** Days the official data covers; null = computed by rule for every year (US). */
  readonly coverage: { readonly first: DayNumber; readonly last: DayNumber } | null;
  /** Kind of a day (any day, also outside the index): must be pure and deterministic. */
  kindOf(dn: DayNumber): DayKind;
  /** Name of a holiday or make-up day, if known. */
  nameOf(dn: DayNumber): DayName | undefined;
}

export const INDEX_FIRST = daysFromCivil(2000, 1, 1);
export const INDEX_LAST = daysFromCivil(2040, 12, 31);
const SIZE = INDEX_LAST - INDEX_FIRST + 1;

const isWorkingKind = (k: DayKind): boolean => k === DayKind.Workday || k === DayKind.MakeupWorkday;

/**
 * A calendar with a precomputed working-day index over 2000-2040: `cum[i]` is the number of working days
 * in [INDEX_FIRST, INDEX_FIRST + i], and `nth[k]` is the offset of the (k+1)-th working day, so
 * addWorkingDays and countWorkingDays are O(1) inside the index. Outside it they walk day by day.
 */
export class WorkingCalendar {
  private readonly kinds = new Uint8Array(SIZE);
  private readonly cum = new Int32Array(SIZE);
  private readonly nth: Int32Array;

  /**
   * @param derivedFrom an existing calendar whose source `source` overrides on the days `touched` only:
   *   its day kinds are copied and just those days re-read, so an override calendar costs one O(n) pass.
   */
  constructor(
    readonly source: CalendarSource,
    derivedFrom?: { calendar: WorkingCalendar; touched: readonly DayNumber[] },
  ) {
    if (derivedFrom) {
      this.kinds.set(derivedFrom.calendar.kinds);
      for (const d of derivedFrom.touched)
        if (d >= INDEX_FIRST && d <= INDEX_LAST) this.kinds[d - INDEX_FIRST] = source.kindOf(d);
    } else {
      for (let i = 0; i < SIZE; i++) this.kinds[i] = source.kindOf(INDEX_FIRST + i);
    }
    let count = 0;
    const nth = new Int32Array(SIZE);
    for (let i = 0; i < SIZE; i++) {
      if (isWorkingKind(this.kinds[i])) nth[count++] = i;
      this.cum[i] = count;
    }
    this.nth = nth.slice(0, count);
  }

  get id(): string {
    return this.source.id;
  }

  kindOf(dn: DayNumber): DayKind {
    return dn >= INDEX_FIRST && dn <= INDEX_LAST ? this.kinds[dn - INDEX_FIRST] : this.source.kindOf(dn);
  }

  isWorkingDay(dn: DayNumber): boolean {
    return isWorkingKind(this.kindOf(dn));
  }

  /** Convention 1: the n-th working day strictly after `start` (n >= 0; n = 0 returns start). */
  addWorkingDays(start: DayNumber, n: number): DayNumber {
    if (n <= 0) return start;
    if (start >= INDEX_FIRST && start <= INDEX_LAST) {
      const target = this.cum[start - INDEX_FIRST] + n; // 1-based rank of the wanted working day
      if (target <= this.nth.length) return INDEX_FIRST + this.nth[target - 1];
      let d = INDEX_LAST;
      let left = target - this.nth.length;
      while (left > 0) if (this.isWorkingDay(++d)) left--;
      return d;
    }
    let d = start;
    let left = n;
    while (left > 0) if (this.isWorkingDay(++d)) left--;
    return d;
  }

  /** Number of working days in (from, to]; 0 when to <= from. */
  countWorkingDays(from: DayNumber, to: DayNumber): number {
    if (to <= from) return 0;
    if (from >= INDEX_FIRST && to <= INDEX_LAST)
      return this.cum[to - INDEX_FIRST] - this.cum[from - INDEX_FIRST];
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /** First working day on or after `dn` (the roll-forward of 民法典 Art. 203). */
  rollForward(dn: DayNumber): DayNumber {
    let d = dn;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }

  isCovered(dn: DayNumber): boolean {
    const c = this.source.coverage;
    return c === null || (dn >= c.first && dn <= c.last);
  }

  nameOf(dn: DayNumber): DayName | undefined {
    return this.source.nameOf(dn);
  }
}

/** Applies agency overrides (extra holidays, extra workdays, a later coverage end) on top of a source. */
export function withOverrides(
  base: CalendarSource,
  holidays: readonly DayNumber[],
  workdays: readonly DayNumber[],
  coveredThrough: DayNumber | undefined,
  key: string,
): CalendarSource {
  const hol = new Set(holidays);
  const work = new Set(workdays);
  const coverage =
    base.coverage && coveredThrough !== undefined && coveredThrough > base.coverage.last
      ? { first: base.coverage.first, last: coveredThrough }
      : base.coverage;
  return {
    id: `${base.id}+${key}`,
    coverage,
    kindOf: (dn) => {
      if (work.has(dn)) return isWeekend(dn) ? DayKind.MakeupWorkday : DayKind.Workday;
      if (hol.has(dn)) return DayKind.Holiday;
      return base.kindOf(dn);
    },
    nameOf: (dn) => {
      if (work.has(dn)) return { en: 'agency override: workday', zh: '机关设定：工作日' };
      if (hol.has(dn)) return base.nameOf(dn) ?? { en: 'agency override: closed', zh: '机关设定：休息日' };
      return base.nameOf(dn);
    },
  };
}
