import { computeDeadline, computeLegalDeadline, DeadlineInput } from '@disclose/deadlines';

/** rules/README.md "Public worked examples": all 14 rows. */
describe('rules/README.md public worked examples', () => {
  const cases: Array<[string, DeadlineInput, string]> = [
    [
      'cn-ogi-2019 with make-up days (09-28, 10-11) counted',
      { ruleSet: 'cn-ogi-2019', receivedOn: '2025-09-26' },
      '2025-10-30',
    ],
    [
      'cn-ogi-2019 with make-up weekend days not counted',
      { ruleSet: 'cn-ogi-2019', receivedOn: '2025-09-26', options: { countMakeupWorkdays: false } },
      '2025-11-03',
    ],
    [
      'cn-ogi-2019 补正 asked 04-03, supplement received 04-25',
      {
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2024-04-01',
        events: [
          { type: 'clarification_requested', on: '2024-04-03' },
          { type: 'clarification_received', on: '2024-04-25' },
        ],
      },
      '2024-05-24',
    ],
    [
      'cn-ogi-2019 consultation 03-10..03-24',
      {
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2025-03-03',
        events: [
          { type: 'consultation_started', on: '2025-03-10' },
          { type: 'consultation_ended', on: '2025-03-24' },
        ],
      },
      '2025-04-16',
    ],
    [
      'cn-ogi-2019 2025-12-15 before extension',
      { ruleSet: 'cn-ogi-2019', receivedOn: '2025-12-15' },
      '2026-01-13',
    ],
    [
      'cn-ogi-2019 2025-12-15 extended (20 WD)',
      { ruleSet: 'cn-ogi-2019', receivedOn: '2025-12-15', events: [{ type: 'extended', on: '2026-01-05' }] },
      '2026-02-10',
    ],
    [
      'cn-ogi-2008 2015-09-01 before extension',
      { ruleSet: 'cn-ogi-2008', receivedOn: '2015-09-01' },
      '2015-09-23',
    ],
    [
      'cn-ogi-2008 2015-09-01 extended (15 WD)',
      { ruleSet: 'cn-ogi-2008', receivedOn: '2015-09-01', events: [{ type: 'extended', on: '2015-09-20' }] },
      '2015-10-20',
    ],
    [
      'us-foia 2026-06-26 (07-03 observed Independence Day)',
      { ruleSet: 'us-foia', receivedOn: '2026-06-26' },
      '2026-07-27',
    ],
    [
      'us-foia clarification toll 11-10..12-10',
      {
        ruleSet: 'us-foia',
        receivedOn: '2025-11-03',
        events: [
          { type: 'clarification_requested', on: '2025-11-10' },
          { type: 'clarification_received', on: '2025-12-10' },
        ],
      },
      '2026-01-05',
    ],
    [
      'uk-foia 2025-03-03 (St Patrick’s Day, NI, excluded)',
      { ruleSet: 'uk-foia', receivedOn: '2025-03-03' },
      '2025-04-01',
    ],
    [
      'uk-foia fee notice 09-10, paid 09-24',
      {
        ruleSet: 'uk-foia',
        receivedOn: '2025-09-01',
        events: [
          { type: 'fee_notice_sent', on: '2025-09-10' },
          { type: 'fee_paid', on: '2025-09-24' },
        ],
      },
      '2025-10-14',
    ],
    [
      'scot-foisa 2025-04-17 (Easter Monday works in Scotland)',
      { ruleSet: 'scot-foisa', receivedOn: '2025-04-17' },
      '2025-05-19',
    ],
    ['uk-foia 2025-04-17', { ruleSet: 'uk-foia', receivedOn: '2025-04-17' }, '2025-05-20'],
  ];

  it.each(cases)('%s -> %s', (_label, input, due) => {
    const sut = computeDeadline(input);
    expect(sut.dueOn).toBe(due);
    expect(sut.status).toBe('running');
    expect(sut.provisional).toBe(false);
    expect(sut.trace[sut.trace.length - 1]).toContain(`due ${due}`);
  });

  it('gives the clarification-notice date of 条例 2019 Art. 30 (7 WD after receipt)', () => {
    const sut = computeDeadline(cases[2][1]);
    expect(sut.clarificationNoticeDueOn).toBe('2024-04-11');
    expect(sut.clockStartsOn).toBe('2024-04-25');
    expect(sut.warnings).toEqual([]);
  });

  it('counts 11 disregarded working days for the 2025-03 consultation', () => {
    expect(computeDeadline(cases[3][1]).disregardedWorkingDays).toBe(11);
  });

  it('reports 40 working days allowed after the cn-ogi-2019 extension', () => {
    expect(computeDeadline(cases[5][1]).workingDaysAllowed).toBe(40);
  });

  it('cn-reconsideration-application from 2025-08-02: day 60 is 10-01, a holiday -> 2025-10-09', () => {
    const sut = computeLegalDeadline({ kind: 'cn-reconsideration-application', from: '2025-08-02' });
    expect(sut).toMatchObject({ dueOn: '2025-10-09', provisional: false, warnings: [] });
    expect(sut.trace.join('\n')).toContain('2025-10-01 (Wed)');
  });

  it('cn-litigation-direct from 2025-03-31: no 09-31 -> 2025-09-30', () => {
    expect(computeLegalDeadline({ kind: 'cn-litigation-direct', from: '2025-03-31' }).dueOn).toBe(
      '2025-09-30',
    );
  });

  it('explains the first example the way the issue asks', () => {
    const trace = computeDeadline(cases[0][1]).trace;
    expect(trace).toEqual(
      expect.arrayContaining([
        'received 2025-09-26 (Fri)',
        '2025-10-01..08 National Day / Mid-autumn Festival holiday skipped',
        '2025-10-11 (Sat) is a make-up workday (National Day) and counts',
        'due 2025-10-30 (Thu)',
      ]),
    );
    const zh = computeDeadline({ ...cases[0][1], locale: 'zh-CN' }).trace;
    expect(zh).toEqual(
      expect.arrayContaining(['2025-10-01至08 国庆节、中秋放假，不计入', '截止日 2025-10-30（周四）']),
    );
  });
});
