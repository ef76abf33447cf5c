import fc from 'fast-check';
import { computeDeadline, DeadlineEvent, DeadlineInput, RULE_SET_IDS, RULE_SETS } from '@disclose/deadlines';
import { resolveCalendar } from './calendars/calendar-registry';
import { DayKind } from './calendars/working-calendar';
import { civilFromDays, daysFromCivil, formatDate, parseDate } from './dates';

const FIRST = daysFromCivil(2009, 1, 1);
const LAST = daysFromCivil(2030, 12, 31);

/** Naive oracle: asks the un-indexed calendar source day by day. */
const naiveWorking = (input: DeadlineInput) => {
  const rs = RULE_SETS[input.ruleSet];
  const cal = resolveCalendar(rs.calendar, input.calendar, input.options?.countMakeupWorkdays !== false);
  return (d: number): boolean => {
    const k = cal.source.kindOf(d);
    return k === DayKind.Workday || k === DayKind.MakeupWorkday;
  };
};

const arbInput = fc
  .record({
    ruleSet: fc.constantFrom(...RULE_SET_IDS),
    received: fc.integer({ min: FIRST, max: LAST }),
    pause: fc.option(
      fc.record({ offset: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 30 }) }),
      { nil: undefined },
    ),
    extension: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    noMakeup: fc.boolean(),
    closure: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  })
  .map(({ ruleSet, received, pause, extension, noMakeup, closure }) => {
    const rs = RULE_SETS[ruleSet];
    const events: DeadlineEvent[] = [];
    if (pause) {
      const [start, end] =
        rs.consultationPause && pause.offset % 2 === 0
          ? (['consultation_started', 'consultation_ended'] as const)
          : (['fee_notice_sent', 'fee_paid'] as const);
      events.push(
        { type: start, on: formatDate(received + pause.offset) },
        { type: end, on: formatDate(received + pause.offset + pause.length) },
      );
    }
    if (extension !== undefined && rs.extensionMaxWorkingDays > 0) {
      events.push({
        type: 'extended',
        on: formatDate(received + 100),
        workingDays: Math.min(extension, rs.extensionMaxWorkingDays),
      });
    }
    const input: DeadlineInput = {
      ruleSet,
      receivedOn: formatDate(received),
      events,
      options: { countMakeupWorkdays: !noMakeup },
    };
    if (closure !== undefined) input.calendar = { holidays: [formatDate(received + closure)] };
    return input;
  });

const pauseDays = (input: DeadlineInput): Array<[number, number]> => {
  const ev = input.events ?? [];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < ev.length; i++) {
    if (ev[i].type.endsWith('_started') || ev[i].type === 'fee_notice_sent')
      out.push([parseDate(ev[i].on), parseDate(ev[i + 1].on)]);
  }
  return out;
};

describe('computeDeadline properties', () => {
  it('the due date is a working day', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = computeDeadline(input);
        return r.dueOn !== null && naiveWorking(input)(parseDate(r.dueOn));
      }),
      { numRuns: 500 },
    );
  });

  it('exactly N counted working days lie in (start, due], N = period + extensions', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = computeDeadline(input);
        const working = naiveWorking(input);
        const paused = pauseDays(input);
        const start = parseDate(r.clockStartsOn);
        let counted = 0;
        let disregarded = 0;
        for (let d = start + 1; d <= parseDate(r.dueOn!); d++) {
          if (!working(d)) continue;
          if (paused.some(([a, b]) => d >= a && d <= b)) disregarded++;
          else counted++;
        }
        expect(counted).toBe(r.workingDaysAllowed);
        expect(disregarded).toBe(r.disregardedWorkingDays);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a pause never makes the due date earlier', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (input, offset, length) => {
          const received = parseDate(input.receivedOn);
          const base = (input.events ?? []).filter((e) => e.type === 'extended');
          const without = computeDeadline({ ...input, events: base });
          const withPause = computeDeadline({
            ...input,
            events: [
              { type: 'fee_notice_sent', on: formatDate(received + offset) } as DeadlineEvent,
              { type: 'fee_paid', on: formatDate(received + offset + length) } as DeadlineEvent,
              ...base,
            ].sort((a, b) => a.on.localeCompare(b.on)),
          });
          return withPause.dueOn! >= without.dueOn!;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an extension of k moves the due date by exactly k working days', () => {
    const arb = fc.record({
      ruleSet: fc.constantFrom(...RULE_SET_IDS.filter((id) => RULE_SETS[id].extensionMaxWorkingDays > 0)),
      received: fc.integer({ min: FIRST, max: LAST }),
      k: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(arb, ({ ruleSet, received, k }) => {
        const input: DeadlineInput = { ruleSet, receivedOn: formatDate(received) };
        const before = parseDate(computeDeadline(input).dueOn!);
        const after = parseDate(
          computeDeadline({
            ...input,
            events: [{ type: 'extended', on: formatDate(received + 1), workingDays: k }],
          }).dueOn!,
        );
        const working = naiveWorking(input);
        let n = 0;
        for (let d = before + 1; d <= after; d++) if (working(d)) n++;
        return n === k && working(after);
      }),
      { numRuns: 300 },
    );
  });

  describe('host time zone independence', () => {
    const saved = process.env.TZ;
    afterAll(() => {
      process.env.TZ = saved;
    });

    it('parses and formats dates like Date.UTC for every day 1990-2060', () => {
      for (let d = daysFromCivil(1990, 1, 1); d <= daysFromCivil(2060, 12, 31); d++) {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        if (formatDate(d) !== iso || parseDate(iso) !== d) throw new Error(`mismatch at ${iso}`);
      }
      expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    });

    it('gives identical results whatever process.env.TZ says', () => {
      const samples = fc.sample(arbInput, { numRuns: 200, seed: 42 });
      const run = (tz: string) => {
        process.env.TZ = tz;
        return samples.map((s) => {
          const r = computeDeadline(s);
          return [r.dueOn, r.trace.join('|')];
        });
      };
      const utc = run('UTC');
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])
        expect(run(tz)).toEqual(utc);
    });
  });
});
