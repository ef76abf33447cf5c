import fc from 'fast-check';
import { zonedDate, zonedHour, zonedInstant } from './zoned-time';

describe('zoned time', () => {
  it.each([
    ['2024-10-08', 9, 'Asia/Shanghai', '2024-10-08T01:00:00.000Z'],
    ['2024-01-10', 9, 'America/New_York', '2024-01-10T14:00:00.000Z'],
    ['2024-03-11', 9, 'America/New_York', '2024-03-11T13:00:00.000Z'], // the day after DST starts
    ['2024-07-01', 9, 'Europe/London', '2024-07-01T08:00:00.000Z'],
    ['2024-12-02', 0, 'Europe/London', '2024-12-02T00:00:00.000Z'],
    ['2024-03-10', 2, 'America/New_York', '2024-03-10T07:00:00.000Z'], // 02:00 does not exist: 03:00 EDT
    // 01:00 happens twice when clocks go back: the first (was the second east of UTC).
    ['2024-10-27', 1, 'Europe/London', '2024-10-27T00:00:00.000Z'],
    ['2024-11-03', 1, 'America/New_York', '2024-11-03T05:00:00.000Z'],
    ['2024-04-07', 2, 'Australia/Sydney', '2024-04-06T15:00:00.000Z'],
  ])('%s %d:00 in %s is %s', (date, hour, tz, iso) => {
    expect(zonedInstant(date, hour, tz).toISOString()).toBe(iso);
  });

  it('round-trips every date and existing hour in several zones', () => {
    const date = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const tz = fc.constantFrom(
      'Asia/Shanghai',
      'America/New_York',
      'America/Los_Angeles',
      'Europe/London',
      'UTC',
    );
    fc.assert(
      fc.property(date, fc.integer({ min: 4, max: 23 }), tz, (d, h, zone) => {
        const instant = zonedInstant(d, h, zone);
        expect(zonedDate(instant, zone)).toBe(d);
        expect(zonedHour(instant, zone)).toBe(h);
      }),
    );
  });
});
