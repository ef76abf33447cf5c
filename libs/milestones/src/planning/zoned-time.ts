/**
 * Civil dates and wall-clock hours in an agency's IANA time zone, converted to and from instants with Intl
 * only (DESIGN.md decision 4: the engine works on civil dates, instants are converted at the edge).
 */
import { localDateTimeToInstant } from '@disclose/domain';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `hour`:00 (localDateTimeToInstant of
 * @disclose/domain, the one conversion): an hour shown twice when clocks go back is its first occurrence;
 * in a spring-forward gap the hour does not exist and the result is the instant one gap later (still that
 * morning). It used to take the second occurrence in zones east of UTC (London, Sydney) and the first west
 * of it.
 */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  return localDateTimeToInstant(date, `${String(hour).padStart(2, '0')}:00`, timeZone);
}

/** The civil date ('YYYY-MM-DD') the wall clock in `timeZone` shows at `instant`. */
export function zonedDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The wall-clock hour (0-23) in `timeZone` at `instant`. */
export function zonedHour(instant: Date, timeZone: string): number {
  return wallClock(instant.getTime(), timeZone).hour;
}
