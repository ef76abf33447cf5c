/**
 * Civil dates and wall-clock hours in an agency's IANA time zone, converted to and from instants with Intl
 * only (DESIGN.md decision 4: the engine works on civil dates, instants are converted at the edge).
 */
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

/** Offset of the zone from UTC at `ms`, in milliseconds (east positive). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `hour`:00. In a spring-forward gap
 * the hour does not exist and the result is the instant one offset later (still that morning).
 */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  if (second === first) return new Date(first);
  // Around a transition the two candidates differ: take the one whose wall clock shows the wanted hour,
  // or, in a gap where none does, the later one.
  const w = wallClock(second, timeZone);
  return new Date(w.hour === hour && w.day === d ? second : Math.max(first, second));
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
