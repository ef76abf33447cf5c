import fc from 'fast-check';
import { localDateTime, localDateTimeToInstant } from './civil-dates';

const MINUTE = 60_000;

/** Zones with a change of offset in the year (one by 30 minutes, one at midnight, two south). */
const DST_ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
] as const;

/** Every instant (on the quarter hour, as every offset of these zones is) whose wall clock shows date+time. */
function instantsShowing(date: string, time: string, zone: string): number[] {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const found: number[] = [];
  for (let offset = -15 * 60; offset <= 15 * 60; offset += 15) {
    const ms = wall - offset * MINUTE;
    const shown = localDateTime(new Date(ms), zone);
    if (shown.date === date && shown.time === time) found.push(ms);
  }
  return found.sort((a, b) => a - b);
}

/** The zone's offset at an instant, from localDateTime (east positive, ms). */
const offsetOf = (ms: number, zone: string): number => {
  const { date, time } = localDateTime(new Date(ms), zone);
  return Date.parse(`${date}T${time}:00Z`) - ms;
};

describe(localDateTimeToInstant.name, () => {
  it.each([
    // Ordinary days: the offset of the day.
    ['2025-07-01', '09:30', 'Europe/London', '2025-07-01T08:30:00.000Z'],
    ['2025-01-10', '14:45', 'America/New_York', '2025-01-10T19:45:00.000Z'],
    ['2025-10-30', '23:59', 'Asia/Shanghai', '2025-10-30T15:59:00.000Z'],
    // London goes back at 02:00 BST on 27 October 2024: 01:30 happens twice, the first is BST.
    ['2024-10-27', '01:30', 'Europe/London', '2024-10-27T00:30:00.000Z'],
    ['2024-10-27', '02:30', 'Europe/London', '2024-10-27T02:30:00.000Z'],
    // London goes forward at 01:00 GMT on 31 March 2024: 01:30 does not exist, it is 02:30 BST.
    ['2024-03-31', '01:30', 'Europe/London', '2024-03-31T01:30:00.000Z'],
    ['2024-03-31', '00:59', 'Europe/London', '2024-03-31T00:59:00.000Z'],
    // New York: 02:30 on 10 March 2024 does not exist (03:30 EDT); 01:30 on 3 November is EDT first.
    ['2024-03-10', '02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10', '03:15', 'America/New_York', '2024-03-10T07:15:00.000Z'],
    ['2024-11-03', '01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['2024-11-03', '02:30', 'America/New_York', '2024-11-03T07:30:00.000Z'],
    // Lord Howe moves by half an hour: 02:15 on 6 October 2024 does not exist (02:45 +11).
    ['2024-10-06', '02:15', 'Australia/Lord_Howe', '2024-10-05T15:45:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(localDateTimeToInstant(date, time, zone).toISOString()).toBe(iso);
  });

  it('refuses what is not a date and an HH:MM time', () => {
    expect(() => localDateTimeToInstant('2025-1-5', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2025-01-05', '9:00', 'UTC')).toThrow(RangeError);
  });

  const anyDate = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2037-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const anyTime = fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('answers the instant showing the wall time on any day, in zones with DST', () => {
    fc.assert(
      fc.property(anyDate, anyTime, fc.constantFrom(...DST_ZONES), (date, t, zone) => {
        const showing = instantsShowing(date, t, zone);
        fc.pre(showing.length > 0);
        const instant = localDateTimeToInstant(date, t, zone);
        expect(localDateTime(instant, zone)).toEqual({ date, time: t });
        expect(instant.getTime()).toBe(showing[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it('around every change of offset: the first of a time shown twice, a missing time moved by the gap', () => {
    const change = fc.record({
      zone: fc.constantFrom(...DST_ZONES),
      year: fc.integer({ min: 2000, max: 2037 }),
      which: fc.nat(),
      fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    });
    fc.assert(
      fc.property(change, ({ zone, year, which, fraction }) => {
        const changes = offsetChanges(zone, year);
        fc.pre(changes.length > 0);
        const { at, before, after } = changes[which % changes.length];
        // The wall times of the change: [at + min offset, at + max offset) is missing or shown twice.
        const k = Math.floor(fraction * (Math.abs(after - before) / MINUTE)) * MINUTE;
        const wall = at + Math.min(before, after) + k;
        const [date, time] = new Date(wall).toISOString().slice(0, 16).split('T');
        const instant = localDateTimeToInstant(date, time, zone).getTime();
        // Forward (a gap): read on the offset before, i.e. the wall clock then shows time + the gap.
        // Back (twice): the first occurrence, on the offset before.
        expect(instant).toBe(wall - before);
        if (after < before) expect(localDateTime(new Date(instant), zone)).toEqual({ date, time });
      }),
      { numRuns: 2000 },
    );
  });
});

/** The changes of offset of `zone` in `year`: the instant (to the minute) and the offsets either side. */
const CHANGES = new Map<string, Array<{ at: number; before: number; after: number }>>();
function offsetChanges(zone: string, year: number): Array<{ at: number; before: number; after: number }> {
  const key = `${zone}|${year}`;
  const cached = CHANGES.get(key);
  if (cached) return cached;
  const found: Array<{ at: number; before: number; after: number }> = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let day = Date.UTC(year, 0, 1); day < end; day += 86_400_000) {
    const before = offsetOf(day, zone);
    const after = offsetOf(day + 86_400_000, zone);
    if (before === after) continue;
    // The first minute on the new offset.
    let [lo, hi] = [day / MINUTE, (day + 86_400_000) / MINUTE];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetOf(mid * MINUTE, zone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi * MINUTE, before, after });
  }
  CHANGES.set(key, found);
  return found;
}
