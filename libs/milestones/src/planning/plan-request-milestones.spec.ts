import fc from 'fast-check';
import { isWorkingDay, shiftWorkingDays } from '@disclose/deadlines';
import type { RequestMilestoneSnapshot } from '../contract';
import { AgencyTiming } from './milestone-kinds';
import { overdueOccurrences, planRequestMilestones } from './plan-request-milestones';
import { zonedDate, zonedHour } from './zoned-time';

const cn: AgencyTiming = {
  timezone: 'Asia/Shanghai',
  reminderHour: 9,
  ruleSet: 'cn-ogi-2019',
  countMakeupWorkdays: true,
};
const snap = (over: Partial<RequestMilestoneSnapshot> = {}): RequestMilestoneSnapshot => ({
  requestId: 'r1',
  trackingNumber: 'T-1',
  agencyId: 'a1',
  status: 'in_progress',
  dueOn: '2024-10-14',
  provisional: false,
  clarificationReplyBy: null,
  feePaymentDueOn: null,
  assigneeId: 'u1',
  applicantId: 'p1',
  open: true,
  ...over,
});
const brief = (specs: ReturnType<typeof planRequestMilestones>): string[] =>
  specs.map(
    (s) => `${s.kind} ${s.payload.on} ${s.dueAt.toISOString().slice(11, 16)} ${s.recipients.join('+')}`,
  );

describe(planRequestMilestones.name, () => {
  it('plans the four reminders on working days (2024-10-12 is a make-up Saturday) and the first escalation', () => {
    expect(brief(planRequestMilestones(snap(), cn, new Date('2024-09-20T00:00:00Z')))).toEqual([
      'due_in_5 2024-10-08 01:00 clerk+supervisors',
      'due_in_2 2024-10-11 01:00 clerk+supervisors',
      'due_tomorrow 2024-10-12 01:00 clerk+supervisors',
      'due_today 2024-10-14 01:00 clerk+supervisors',
      'overdue 2024-10-15 01:00 supervisors',
    ]);
  });

  it('keeps only the latest reminder already due (it fires at once), not the superseded ones', () => {
    expect(brief(planRequestMilestones(snap(), cn, new Date('2024-10-11T03:00:00Z')))).toEqual([
      'due_in_2 2024-10-11 01:00 clerk+supervisors',
      'due_tomorrow 2024-10-12 01:00 clerk+supervisors',
      'due_today 2024-10-14 01:00 clerk+supervisors',
      'overdue 2024-10-15 01:00 supervisors',
    ]);
  });

  it('once overdue, plans the current escalation and the next working day only', () => {
    // 2024-10-19 is a Saturday: the latest escalation was Friday's, the next is Monday's.
    expect(brief(planRequestMilestones(snap(), cn, new Date('2024-10-19T05:00:00Z')))).toEqual([
      'overdue 2024-10-18 01:00 supervisors',
      'overdue 2024-10-21 01:00 supervisors',
    ]);
  });

  it('plans nothing for a closed request and no reminders while the clock is stopped', () => {
    expect(planRequestMilestones(snap({ open: false }), cn, new Date('2024-09-20T00:00:00Z'))).toEqual([]);
    const paused = snap({ dueOn: null, clarificationReplyBy: '2024-09-30', feePaymentDueOn: '2024-10-11' });
    expect(brief(planRequestMilestones(paused, cn, new Date('2024-09-20T00:00:00Z')))).toEqual([
      'clarification_lapsed 2024-10-08 01:00 clerk',
      'fee_lapsed 2024-10-12 01:00 clerk',
    ]);
  });

  it('uses the agency hour and zone (US agency, 08:00 New York)', () => {
    const us: AgencyTiming = {
      timezone: 'America/New_York',
      reminderHour: 8,
      ruleSet: 'us-foia',
      countMakeupWorkdays: true,
    };
    const specs = planRequestMilestones(snap({ dueOn: '2024-07-08' }), us, new Date('2024-06-01T00:00:00Z'));
    expect(brief(specs)).toEqual([
      'due_in_5 2024-06-28 12:00 clerk+supervisors',
      'due_in_2 2024-07-03 12:00 clerk+supervisors', // 07-04 is Independence Day
      'due_tomorrow 2024-07-05 12:00 clerk+supervisors',
      'due_today 2024-07-08 12:00 clerk+supervisors',
      'overdue 2024-07-09 12:00 supervisors',
    ]);
  });

  const arbitrary = {
    dueOn: fc
      .date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2026-06-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    nowOffsetHours: fc.integer({ min: -24 * 40, max: 24 * 40 }),
    agency: fc.record({
      timezone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London'),
      reminderHour: fc.integer({ min: 6, max: 18 }),
      ruleSet: fc.constantFrom('cn-ogi-2019' as const, 'us-foia' as const, 'uk-foia' as const),
      countMakeupWorkdays: fc.boolean(),
    }),
  };

  it('fires only on working days at the reminder hour, at most one milestone per track already due', () => {
    fc.assert(
      fc.property(arbitrary.dueOn, arbitrary.nowOffsetHours, arbitrary.agency, (day, hours, agency) => {
        // The engine's due dates are working days.
        const dueOn = shiftWorkingDays(agency.ruleSet, day, 1, undefined, agency);
        const now = new Date(Date.parse(`${dueOn}T00:00:00Z`) + hours * 3_600_000);
        const specs = planRequestMilestones(snap({ dueOn }), agency, now);
        for (const s of specs) {
          expect(zonedHour(s.dueAt, agency.timezone)).toBe(agency.reminderHour);
          expect(zonedDate(s.dueAt, agency.timezone)).toBe(s.payload.on);
          expect(isWorkingDay(agency.ruleSet, s.payload.on, undefined, agency)).toBe(true);
        }
        expect(specs.filter((s) => s.dueAt <= now).length).toBeLessThanOrEqual(1);
        expect(specs.filter((s) => s.kind === 'overdue' && s.dueAt > now)).toHaveLength(1);
        expect(planRequestMilestones(snap({ dueOn }), agency, now)).toEqual(specs);
      }),
    );
  });

  it('the next escalation is always the working day after the current one', () => {
    fc.assert(
      fc.property(
        arbitrary.dueOn,
        fc.integer({ min: 24, max: 24 * 60 }),
        arbitrary.agency,
        (dueOn, hours, agency) => {
          const now = new Date(Date.parse(`${dueOn}T00:00:00Z`) + hours * 3_600_000);
          const { current, next } = overdueOccurrences(dueOn, agency, now);
          expect(next.dueAt > now).toBe(true);
          if (current) {
            expect(current.dueAt <= now).toBe(true);
            expect(current.on > dueOn).toBe(true);
            // Nothing fires strictly between the two.
            expect(overdueOccurrences(dueOn, agency, new Date(next.dueAt.getTime() - 1)).current).toEqual(
              current,
            );
          }
        },
      ),
    );
  });
});
