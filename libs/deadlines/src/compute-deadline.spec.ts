import { computeDeadline, DeadlineInput, DeadlineRuleError, RULE_SETS } from '@disclose/deadlines';

const due = (input: DeadlineInput): string | null => computeDeadline(input).dueOn;

describe(computeDeadline.name, () => {
  describe('table: year boundaries, holidays and make-up days', () => {
    it.each([
      // rule set, received, due, why
      ['cn-ogi-2019', '2023-12-29', '2024-01-29', '元旦 2024-01-01 skipped across the year boundary'],
      [
        'cn-ogi-2019',
        '2024-01-26',
        '2024-02-28',
        '春节 02-10..17 skipped; 02-04 and 02-18 (Sun) make-up days count',
      ],
      ['cn-ogi-2019', '2024-02-08', '2024-03-13', '除夕 02-09 is a working day in 2024'],
      ['cn-ogi-2019', '2024-09-30', '2024-11-01', '国庆 10-01..07 skipped; 10-12 (Sat) counts'],
      ['cn-ogi-2008', '2018-12-20', '2019-01-11', '2018-12-29 (Sat) make-up day; 元旦 12-30..01-01'],
      ['us-foia', '2024-12-20', '2025-01-22', 'Christmas, New Year and MLK Day'],
      ['us-foia', '2027-12-10', '2028-01-11', '2027-12-24 and 12-31 observed (Sat holidays)'],
      ['us-foia', '2025-11-15', '2025-12-15', 'received on a Saturday; Thanksgiving'],
      ['uk-foia', '2024-12-20', '2025-01-23', 'Christmas, Boxing Day, 1 Jan and Scotland’s 2 Jan'],
      ['uk-foia', '2025-12-19', '2026-01-22', 'same across 2025/2026'],
      ['scot-foisa', '2025-12-19', '2026-01-22', 'Scotland keeps 2 Jan'],
      ['uk-eir', '2026-03-16', '2026-04-16', 'St Patrick’s Day (NI), Good Friday, Easter Monday'],
      ['scot-foisa', '2024-11-20', '2024-12-19', 'St Andrew’s Day substitute 12-02'],
      ['scot-foisa', '2025-03-14', '2025-04-11', 'St Patrick’s Day is a working day under FOISA'],
      ['uk-foia', '2025-03-14', '2025-04-14', 'St Patrick’s Day is not under FOIA'],
    ] as const)('%s received %s -> %s (%s)', (ruleSet, receivedOn, expected, _why) => {
      expect(due({ ruleSet, receivedOn })).toBe(expected);
    });
  });

  describe('clock states', () => {
    it('stops while a consultation is open', () => {
      const sut = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2025-03-03',
        events: [{ type: 'consultation_started', on: '2025-03-10' }],
      });
      expect(sut).toMatchObject({ status: 'stopped', dueOn: null });
      expect(sut.trace.join('\n')).toContain('clock stopped since 2025-03-10 (Mon)');
    });

    it('stops while a clarification is awaited, restarting with the full period when it arrives', () => {
      const input: DeadlineInput = {
        ruleSet: 'uk-foia',
        receivedOn: '2025-09-01',
        events: [
          { type: 'extended', on: '2025-09-02', workingDays: 5 },
          { type: 'clarification_requested', on: '2025-09-03' },
        ],
      };
      expect(computeDeadline(input).status).toBe('stopped');
      const sut = computeDeadline({
        ...input,
        events: [...input.events!, { type: 'clarification_received', on: '2025-09-15' }],
      });
      // restart drops the extension decided on the old clock (convention 4)
      expect(sut).toMatchObject({ clockStartsOn: '2025-09-15', dueOn: '2025-10-13', workingDaysAllowed: 20 });
      expect(sut.warnings).toEqual(['extension_reset_by_restart']);
    });

    it('restarts on payment in the CN fee restart mode and pauses by default (cn.md A.9)', () => {
      const events = [
        { type: 'fee_notice_sent', on: '2025-03-10' },
        { type: 'fee_paid', on: '2025-03-24' },
      ] as const;
      expect(due({ ruleSet: 'cn-ogi-2019', receivedOn: '2025-03-03', events: [...events] })).toBe(
        '2025-04-16',
      );
      const restart = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2025-03-03',
        events: [...events],
        options: { cnFeeMode: 'restart' },
      });
      expect(restart).toMatchObject({ clockStartsOn: '2025-03-24', dueOn: '2025-04-22' });
    });

    it('merges overlapping consultation and fee pauses', () => {
      const sut = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2025-03-03',
        events: [
          { type: 'consultation_started', on: '2025-03-10' },
          { type: 'fee_notice_sent', on: '2025-03-12' },
          { type: 'consultation_ended', on: '2025-03-20' },
          { type: 'fee_paid', on: '2025-03-24' },
        ],
      });
      expect(sut).toMatchObject({ dueOn: '2025-04-16', disregardedWorkingDays: 11 });
    });

    it('allows unlimited US fee tolls', () => {
      const sut = computeDeadline({
        ruleSet: 'us-foia',
        receivedOn: '2025-03-03',
        events: [
          { type: 'fee_notice_sent', on: '2025-03-04' },
          { type: 'fee_paid', on: '2025-03-04' },
          { type: 'fee_notice_sent', on: '2025-03-05' },
          { type: 'fee_paid', on: '2025-03-05' },
        ],
      });
      expect(sut).toMatchObject({ dueOn: '2025-04-02', disregardedWorkingDays: 2 });
    });

    it('ignores a pause that begins after the due date, with a warning', () => {
      const sut = computeDeadline({
        ruleSet: 'uk-foia',
        receivedOn: '2025-09-01',
        events: [
          { type: 'fee_notice_sent', on: '2025-10-01' },
          { type: 'fee_paid', on: '2025-10-03' },
        ],
      });
      expect(sut.dueOn).toBe('2025-09-29');
      expect(sut.warnings).toContain('pause_after_due_date');
    });
  });

  describe('extensions', () => {
    it('adds the given working days and warns when decided after the due date', () => {
      const sut = computeDeadline({
        ruleSet: 'us-foia',
        receivedOn: '2026-06-26',
        events: [{ type: 'extended', on: '2026-07-28', workingDays: 3 }],
      });
      expect(sut).toMatchObject({
        dueOn: '2026-07-30',
        workingDaysAllowed: 23,
        warnings: ['extension_after_due_date'],
      });
    });

    it('caps the total, not each extension (条例 Art. 33(2))', () => {
      const ok = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2025-12-15',
        events: [
          { type: 'extended', on: '2025-12-20', workingDays: 10 },
          { type: 'extended', on: '2026-01-05', workingDays: 10 },
        ],
      });
      expect(ok.dueOn).toBe('2026-02-10');
    });

    it('has the maxima of the README table', () => {
      expect(
        Object.values(RULE_SETS).map((r) => [r.id, r.periodWorkingDays, r.extensionMaxWorkingDays]),
      ).toEqual([
        ['cn-ogi-2019', 20, 20],
        ['cn-ogi-2008', 15, 15],
        ['us-foia', 20, 10],
        ['uk-foia', 20, 20],
        ['uk-eir', 20, 20],
        ['scot-foisa', 20, 0],
      ]);
    });
  });

  describe('errors (the engine never guesses)', () => {
    const code = (input: DeadlineInput): string => {
      try {
        computeDeadline(input);
      } catch (e) {
        expect(e).toBeInstanceOf(DeadlineRuleError);
        return (e as DeadlineRuleError).code;
      }
      throw new Error('expected a DeadlineRuleError');
    };

    it.each<[string, unknown, string]>([
      [
        'extension beyond the maximum',
        {
          ruleSet: 'us-foia',
          receivedOn: '2025-01-06',
          events: [{ type: 'extended', on: '2025-01-07', workingDays: 11 }],
        },
        'DEADLINES.EXTENSION_EXCEEDS_MAXIMUM',
      ],
      [
        'a second default extension',
        {
          ruleSet: 'uk-eir',
          receivedOn: '2025-01-06',
          events: [
            { type: 'extended', on: '2025-01-07' },
            { type: 'extended', on: '2025-01-08' },
          ],
        },
        'DEADLINES.EXTENSION_EXCEEDS_MAXIMUM',
      ],
      [
        'an extension under FOISA',
        {
          ruleSet: 'scot-foisa',
          receivedOn: '2025-01-06',
          events: [{ type: 'extended', on: '2025-01-07', workingDays: 1 }],
        },
        'DEADLINES.EXTENSION_NOT_ALLOWED',
      ],
      [
        'a zero extension',
        {
          ruleSet: 'uk-foia',
          receivedOn: '2025-01-06',
          events: [{ type: 'extended', on: '2025-01-07', workingDays: 0 }],
        },
        'DEADLINES.INVALID_EXTENSION',
      ],
      [
        'a second US clarification toll',
        {
          ruleSet: 'us-foia',
          receivedOn: '2025-01-06',
          events: [
            { type: 'clarification_requested', on: '2025-01-07' },
            { type: 'clarification_received', on: '2025-01-08' },
            { type: 'clarification_requested', on: '2025-01-09' },
          ],
        },
        'DEADLINES.SECOND_CLARIFICATION_TOLL',
      ],
      ...(['us-foia', 'uk-foia', 'uk-eir', 'scot-foisa'] as const).map(
        (ruleSet): [string, unknown, string] => [
          `a consultation under ${ruleSet}`,
          { ruleSet, receivedOn: '2025-01-06', events: [{ type: 'consultation_started', on: '2025-01-07' }] },
          'DEADLINES.CONSULTATION_NOT_ALLOWED',
        ],
      ),
      ['an impossible date', { ruleSet: 'uk-foia', receivedOn: '2025-02-29' }, 'DEADLINES.INVALID_DATE'],
      ['a non-ISO date', { ruleSet: 'uk-foia', receivedOn: '06/01/2025' }, 'DEADLINES.INVALID_DATE'],
      ['a timestamp', { ruleSet: 'uk-foia', receivedOn: '2025-01-06T10:00:00Z' }, 'DEADLINES.INVALID_DATE'],
      [
        'an invalid event date',
        {
          ruleSet: 'uk-foia',
          receivedOn: '2025-01-06',
          events: [{ type: 'fee_notice_sent', on: '2025-13-01' }],
        },
        'DEADLINES.INVALID_DATE',
      ],
      [
        'an invalid override date',
        { ruleSet: 'uk-foia', receivedOn: '2025-01-06', calendar: { holidays: ['2025-1-7'] } },
        'DEADLINES.INVALID_DATE',
      ],
      ['an unknown rule set', { ruleSet: 'fr-cada', receivedOn: '2025-01-06' }, 'DEADLINES.UNKNOWN_RULE_SET'],
      [
        'an unknown event',
        { ruleSet: 'uk-foia', receivedOn: '2025-01-06', events: [{ type: 'appealed', on: '2025-01-07' }] },
        'DEADLINES.UNKNOWN_EVENT_TYPE',
      ],
      [
        'an event before receipt',
        {
          ruleSet: 'uk-foia',
          receivedOn: '2025-01-06',
          events: [{ type: 'fee_notice_sent', on: '2025-01-05' }],
        },
        'DEADLINES.EVENT_BEFORE_RECEIPT',
      ],
      [
        'events out of order',
        {
          ruleSet: 'uk-foia',
          receivedOn: '2025-01-06',
          events: [
            { type: 'fee_notice_sent', on: '2025-01-09' },
            { type: 'fee_paid', on: '2025-01-08' },
          ],
        },
        'DEADLINES.EVENTS_NOT_IN_ORDER',
      ],
      [
        'an end without a start',
        { ruleSet: 'uk-foia', receivedOn: '2025-01-06', events: [{ type: 'fee_paid', on: '2025-01-08' }] },
        'DEADLINES.UNMATCHED_EVENT',
      ],
      [
        'a pause opened twice',
        {
          ruleSet: 'uk-foia',
          receivedOn: '2025-01-06',
          events: [
            { type: 'fee_notice_sent', on: '2025-01-07' },
            { type: 'fee_notice_sent', on: '2025-01-08' },
          ],
        },
        'DEADLINES.PAUSE_ALREADY_OPEN',
      ],
    ])('refuses %s', (_label, input, expected) => {
      expect(code(input as DeadlineInput)).toBe(expected);
    });
  });

  describe('calendar overrides and provisional results', () => {
    it('applies an agency closure and a workday', () => {
      expect(
        due({
          ruleSet: 'us-foia',
          receivedOn: '2025-12-01',
          calendar: { holidays: ['2025-12-24', '2025-12-26'] },
        }),
      ).toBe('2026-01-02');
      expect(due({ ruleSet: 'us-foia', receivedOn: '2025-12-01' })).toBe('2025-12-30');
      expect(
        due({ ruleSet: 'uk-foia', receivedOn: '2025-09-01', calendar: { workdays: ['2025-09-06'] } }),
      ).toBe('2025-09-26');
    });

    it('marks results past the covered range provisional and says why', () => {
      const sut = computeDeadline({ ruleSet: 'cn-ogi-2019', receivedOn: '2026-12-10' });
      expect(sut).toMatchObject({ dueOn: '2027-01-07', provisional: true });
      expect(sut.warnings).toContain('provisional_calendar');
      expect(sut.trace.at(-1)).toMatch(/^provisional: .*2026-12-31/);
    });

    it('lets a loaded notice (overrides + coveredThrough) make 2027 final', () => {
      const sut = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2026-12-10',
        calendar: { holidays: ['2027-01-01'], coveredThrough: '2027-12-31' },
      });
      expect(sut).toMatchObject({ dueOn: '2027-01-08', provisional: false });
    });

    it('never marks US results provisional', () => {
      expect(computeDeadline({ ruleSet: 'us-foia', receivedOn: '2031-05-01' }).provisional).toBe(false);
    });
  });

  describe('trace', () => {
    it('warns about a late 补正 notice and writes Chinese on request', () => {
      const sut = computeDeadline({
        ruleSet: 'cn-ogi-2019',
        receivedOn: '2024-04-01',
        locale: 'zh-CN',
        events: [
          { type: 'clarification_requested', on: '2024-04-12' },
          { type: 'clarification_received', on: '2024-04-25' },
        ],
      });
      expect(sut.warnings).toEqual(['late_clarification_notice']);
      expect(sut.trace).toEqual(
        expect.arrayContaining(['收到申请日 2024-04-01（周一）', '截止日 2024-05-24（周五）']),
      );
    });

    it('is built once and serialises with the result', () => {
      const sut = computeDeadline({ ruleSet: 'uk-foia', receivedOn: '2025-04-17' });
      expect(sut.trace).toBe(sut.trace);
      expect(JSON.parse(JSON.stringify(sut)).trace).toEqual(sut.trace);
    });
  });
});
