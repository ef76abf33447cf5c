import type { CaseMilestoneSnapshot } from '../contract';
import { AgencyTiming } from './milestone-kinds';
import { planCaseMilestones } from './plan-case-milestones';

const cn: AgencyTiming = {
  timezone: 'Asia/Shanghai',
  reminderHour: 9,
  ruleSet: 'cn-ogi-2019',
  countMakeupWorkdays: true,
};
const snapshot = (over: Partial<CaseMilestoneSnapshot> = {}): CaseMilestoneSnapshot => ({
  caseId: 'c1',
  requestId: 'r1',
  trackingNumber: 'T-1',
  agencyId: 'a1',
  kind: 'reconsideration',
  caseNumber: null,
  legalOwnerId: null,
  ruleSet: 'cn-ogi-2019',
  open: true,
  deadlines: [
    { key: 'defence_due', legalKind: 'cn-reconsideration-defence', dueOn: '2026-03-16', provisional: false },
  ],
  ...over,
});
const brief = (now: string, over: Partial<CaseMilestoneSnapshot> = {}) =>
  planCaseMilestones(snapshot(over), cn, new Date(now)).map(
    (s) => `${s.kind} ${s.payload.on} ${s.payload.daysLeft}`,
  );

describe(planCaseMilestones.name, () => {
  it('reminds the legal owner 5, 2, 1 and 0 working days before a deadline and once after it', () => {
    expect(brief('2026-03-01T00:00:00Z')).toEqual([
      'case:defence_due:due_in_5 2026-03-09 5',
      'case:defence_due:due_in_2 2026-03-12 2',
      'case:defence_due:due_tomorrow 2026-03-13 1',
      'case:defence_due:due_today 2026-03-16 0',
      'case:defence_due:overdue 2026-03-17 -1',
    ]);
  });

  it('keeps only the latest reminder already due, and nothing for a decided case', () => {
    expect(brief('2026-03-13T05:00:00Z')).toEqual([
      'case:defence_due:due_tomorrow 2026-03-13 1',
      'case:defence_due:due_today 2026-03-16 0',
      'case:defence_due:overdue 2026-03-17 -1',
    ]);
    expect(brief('2026-03-30T00:00:00Z')).toEqual(['case:defence_due:overdue 2026-03-17 -1']);
    expect(brief('2026-03-01T00:00:00Z', { open: false })).toEqual([]);
  });

  it('reminds of a hearing 5 and 1 working days before and on the day, never as overdue', () => {
    const deadlines = [
      {
        key: 'hearing:h1',
        legalKind: 'hearing',
        dueOn: '2026-03-16',
        provisional: false,
        reminders: [0, 5, 1],
        overdue: false,
      },
    ];
    expect(brief('2026-03-01T00:00:00Z', { deadlines })).toEqual([
      'case:hearing:h1:due_in_5 2026-03-09 5',
      'case:hearing:h1:due_tomorrow 2026-03-13 1',
      'case:hearing:h1:due_today 2026-03-16 0',
    ]);
    expect(brief('2026-03-20T00:00:00Z', { deadlines })).toEqual(['case:hearing:h1:due_today 2026-03-16 0']);
    expect(brief('2026-03-01T00:00:00Z', { deadlines: [{ ...deadlines[0], reminders: [3] }] })).toEqual([
      'case:hearing:h1:due_in_3 2026-03-11 3',
    ]);
  });

  it('fires the on-the-day reminder at `sameDayAt` when given (a hearing before the reminder hour)', () => {
    const hearing = {
      key: 'hearing:h1',
      legalKind: 'hearing',
      dueOn: '2026-03-16',
      provisional: false,
      reminders: [1, 0],
      overdue: false,
      sameDayAt: '2026-03-15T23:00:00.000Z', // 07:00 in Shanghai
    };
    const at = (deadlines: CaseMilestoneSnapshot['deadlines']) =>
      planCaseMilestones(snapshot({ deadlines }), cn, new Date('2026-03-01T00:00:00Z')).map((s) =>
        s.dueAt.toISOString(),
      );
    expect(at([hearing])).toEqual(['2026-03-13T01:00:00.000Z', '2026-03-15T23:00:00.000Z']);
    const { sameDayAt: _none, ...plain } = hearing;
    expect(at([plain])).toEqual(['2026-03-13T01:00:00.000Z', '2026-03-16T01:00:00.000Z']);
  });

  it('keeps two deadlines apart by their key', () => {
    const deadlines = [
      { key: 'a', legalKind: 'x', dueOn: '2026-03-16', provisional: false },
      { key: 'b', legalKind: 'y', dueOn: '2026-03-16', provisional: false },
    ];
    const specs = planCaseMilestones(snapshot({ deadlines }), cn, new Date('2026-03-01T00:00:00Z'));
    expect(new Set(specs.map((s) => `${s.kind}@${s.dueAt.toISOString()}`)).size).toBe(10);
  });
});
