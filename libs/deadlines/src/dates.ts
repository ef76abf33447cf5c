import { DeadlineRuleError } from './deadlines.errors';

/**
 * Civil dates as integer day numbers (days since 1970-01-01), so no arithmetic ever depends on the host
 * time zone. Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */
export type DayNumber = number;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Day number of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function civilFromDays(z: DayNumber): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(dn: DayNumber): number {
  const w = (dn + 4) % 7;
  return w < 0 ? w + 7 : w;
}

export function isWeekend(dn: DayNumber): boolean {
  const w = weekday(dn);
  return w === 0 || w === 6;
}

const TABLE_FIRST_YEAR = 2000;
const MONTH_STARTS = new Int32Array(41 * 12);
for (let i = 0; i < MONTH_STARTS.length; i++)
  MONTH_STARTS[i] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};

/** Parses a strict 'YYYY-MM-DD' civil date; throws DEADLINES.INVALID_DATE otherwise. */
export function parseDate(value: unknown, field = 'date'): DayNumber {
  if (
    typeof value === 'string' &&
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45
  ) {
    const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
    const m = digit(value, 5) * 10 + digit(value, 6);
    const d = digit(value, 8) * 10 + digit(value, 9);
    if (y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      // Hot path: a table of month starts for the indexed years avoids the general formula.
      const i = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
      return i >= 0 && i < MONTH_STARTS.length ? MONTH_STARTS[i] + d - 1 : daysFromCivil(y, m, d);
    }
  }
  throw new DeadlineRuleError(
    'DEADLINES.INVALID_DATE',
    `${field}: expected a real calendar date 'YYYY-MM-DD' between ${MIN_YEAR} and ${MAX_YEAR}, got ${JSON.stringify(value)}`,
  );
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

function formatSlow(dn: DayNumber): string {
  const [y, m, d] = civilFromDays(dn);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

// Formatting is on the hot path (every due date): memoise the strings of the indexed years.
const CACHE_FIRST = daysFromCivil(2000, 1, 1);
const CACHE_LAST = daysFromCivil(2040, 12, 31);
const cache: (string | undefined)[] = new Array(CACHE_LAST - CACHE_FIRST + 1);

/** 'YYYY-MM-DD' of a day number. */
export function formatDate(dn: DayNumber): string {
  if (dn >= CACHE_FIRST && dn <= CACHE_LAST) {
    const i = dn - CACHE_FIRST;
    return cache[i] ?? (cache[i] = formatSlow(dn));
  }
  return formatSlow(dn);
}

export function yearOf(dn: DayNumber): number {
  return civilFromDays(dn)[0];
}

/** Same day-number n months later, clamped to the month's last day (民法典 Art. 202). */
export function addMonths(dn: DayNumber, n: number): DayNumber {
  const [y, m, d] = civilFromDays(dn);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): DayNumber {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** n-th (1-based) given weekday of a month; n = -1 for the last one. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, n: number): DayNumber {
  if (n > 0) {
    const first = daysFromCivil(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = daysFromCivil(y, m, daysInMonth(y, m));
  return last - ((weekday(last) - wd + 7) % 7);
}
