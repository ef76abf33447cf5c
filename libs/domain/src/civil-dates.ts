/**
 * Civil dates ('YYYY-MM-DD', an agency's calendar day) shared by the portal, the emails and filing: written
 * the local way, and the civil date and time of an instant in a time zone. Pure: the instant is passed in.
 */

/** The languages dates are written in (the same as the messages'). */
export type DateLocale = 'en' | 'zh-CN';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A civil date written the local way: `2025年10月30日` / `30 October 2025`. No Date object and no time
 * zone: the date is already the agency's civil date. Anything else is shown as given.
 */
export function formatCivilDate(value: string, locale: DateLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return value;
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const LOCAL_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function localFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = LOCAL_FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    LOCAL_FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** The civil date and 'HH:MM' time of `now` in `timeZone`. */
export function localDateTime(now: Date, timeZone: string): { date: string; time: string } {
  const parts = localFormatter(timeZone).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Offset of `timeZone` from UTC at `ms` (east positive), in milliseconds, to the minute. */
function offsetAt(ms: number, timeZone: string): number {
  const { date, time } = localDateTime(new Date(ms), timeZone);
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` ('YYYY-MM-DD') at `time` ('HH:MM'): the
 * inverse of {@link localDateTime}, with the offset in force at that moment (not at midnight, nor at the
 * whole hour). Around a change of offset:
 * - a time shown twice (clocks go back) is its first occurrence, on the earlier offset;
 * - a time that does not exist (clocks go forward) is read on the offset before the change, i.e. moved
 *   later by the length of the gap (02:30 on the night New York springs forward is 03:30 EDT).
 * These are the rules of RFC 5545 and of Temporal's 'compatible' disambiguation.
 */
export function localDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`not a civil date and HH:MM time: ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offsets in force a day either side: any instant showing this wall time lies between them
  // (offsets are within ±14 h), and no zone changes its offset twice in two days.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return new Date(wall - before);
  const shows = [before, after]
    .map((offset) => wall - offset)
    .filter((ms) => offsetAt(ms, timeZone) === wall - ms)
    .sort((a, b) => a - b);
  return new Date(shows.length > 0 ? shows[0] : wall - before);
}
