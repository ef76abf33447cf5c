import fc from 'fast-check';
import { zonedDate } from '@disclose/milestones';
import { hearingDayReminderAt } from './hearing-reminder';

const at = (heldAt: string, reminderHour = 9, timeZone = 'Asia/Shanghai') =>
  hearingDayReminderAt(new Date(heldAt), timeZone, reminderHour).toISOString();

describe(hearingDayReminderAt.name, () => {
  it('an afternoon hearing: at the reminder hour', () => {
    expect(at('2026-03-16T14:00:00+08:00')).toBe('2026-03-16T01:00:00.000Z'); // 09:00
  });

  it('a hearing less than 2 h after the reminder hour: 2 h before it', () => {
    expect(at('2026-03-16T09:30:00+08:00')).toBe('2026-03-15T23:30:00.000Z'); // 07:30
    expect(at('2026-03-16T10:45:00+08:00')).toBe('2026-03-16T00:45:00.000Z'); // 08:45
  });

  it('a hearing before the reminder hour (was: reminded after it had started)', () => {
    expect(at('2026-03-16T08:30:00+08:00', 10)).toBe('2026-03-15T23:00:00.000Z'); // 07:00, not 06:30
    expect(at('2026-03-16T09:00:00+08:00', 11)).toBe('2026-03-15T23:00:00.000Z'); // 07:00
  });

  it('never before 07:00, even with an earlier reminder hour', () => {
    expect(at('2026-03-16T14:00:00+08:00', 6)).toBe('2026-03-15T23:00:00.000Z');
  });

  it('a hearing at or before 07:00: 2 h before it, but on its day', () => {
    expect(at('2026-03-16T06:30:00+08:00')).toBe('2026-03-15T20:30:00.000Z'); // 04:30
    expect(at('2026-03-16T07:00:00+08:00')).toBe('2026-03-15T21:00:00.000Z'); // 05:00
    expect(at('2026-03-16T01:00:00+08:00')).toBe('2026-03-15T16:00:00.000Z'); // 00:00 that day
  });

  it('in the agency’s zone, across a change of offset (London, clocks go forward 2026-03-29)', () => {
    expect(at('2026-03-29T09:30:00+01:00', 9, 'Europe/London')).toBe('2026-03-29T06:30:00.000Z'); // 07:30 BST
    expect(at('2026-03-29T15:00:00+01:00', 9, 'Europe/London')).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
  });

  it('always on the hearing’s day, never after it starts', () => {
    const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Sydney'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, zone, hour) => {
          const heldAt = new Date(Math.floor(ms / 60_000) * 60_000);
          const fire = hearingDayReminderAt(heldAt, zone, hour);
          expect(zonedDate(fire, zone)).toBe(zonedDate(heldAt, zone));
          expect(fire.getTime()).toBeLessThanOrEqual(heldAt.getTime());
        },
      ),
    );
  });
});
