import {
  computeLegalDeadline,
  DeadlineRuleError,
  LEGAL_DEADLINE_KINDS,
  LegalDeadlineInput,
} from '@disclose/deadlines';

describe(computeLegalDeadline.name, () => {
  it.each([
    ['cn-reconsideration-application', '2025-08-02', '2025-10-09', []],
    ['cn-reconsideration-decision', '2025-08-02', '2025-10-09', []],
    ['cn-litigation-direct', '2025-03-31', '2025-09-30', []],
    ['cn-litigation-direct', '2024-08-31', '2025-02-28', []],
    ['cn-litigation-after-reconsideration', '2025-09-20', '2025-10-09', []],
    // day 15 is Sat 01-25; Sun 01-26 is a 调休 working day, so the roll stops there (cn.md C.3)
    ['cn-defense-submission', '2025-01-10', '2025-01-26', []],
    // 10 WD: Sun 09-28 and Sat 10-11 are 调休 working days, 10-01..10-08 off
    ['cn-reconsideration-defence', '2025-09-26', '2025-10-16', []],
    ['cn-third-party-opinion', '2025-09-26', '2025-10-23', []],
    ['cn-fee-payment', '2025-09-26', '2025-10-30', []],
    ['us-appeal-filing', '2025-01-10', '2025-04-10', []],
    ['us-appeal-filing', '2025-03-03', '2025-06-01', ['ends_on_non_working_day']],
    ['us-appeal-decision', '2026-06-26', '2026-07-27', []],
    ['us-expedition-decision', '2025-06-25', '2025-07-05', ['ends_on_non_working_day']],
    ['uk-internal-review', '2025-04-17', '2025-05-20', []],
    ['scot-foisa-review', '2025-04-17', '2025-05-19', []],
  ] as const)('%s from %s -> %s', (kind, from, dueOn, warnings) => {
    expect(computeLegalDeadline({ kind, from })).toMatchObject({ dueOn, provisional: false, warnings });
  });

  it('covers every kind of the README', () => {
    expect(LEGAL_DEADLINE_KINDS).toHaveLength(13);
  });

  it('rolls over 调休 days as working days even when the agency does not count them (cn.md C.3)', () => {
    expect(
      computeLegalDeadline({
        kind: 'cn-defense-submission',
        from: '2025-01-10',
        options: { countMakeupWorkdays: false },
      }).dueOn,
    ).toBe('2025-01-26');
  });

  it('counts the 复议 defence in working days, without the 调休 days when the agency does not count them', () => {
    expect(
      computeLegalDeadline({
        kind: 'cn-reconsideration-defence',
        from: '2025-09-26',
        options: { countMakeupWorkdays: false },
      }).dueOn,
    ).toBe('2025-10-20');
    const sut = computeLegalDeadline({ kind: 'cn-reconsideration-defence', from: '2025-09-26' });
    expect(sut.trace[0]).toContain('Art. 48');
  });

  it('suggests the preceding working day for the US expedition decision', () => {
    const sut = computeLegalDeadline({ kind: 'us-expedition-decision', from: '2025-06-25' });
    expect(sut.trace.join('\n')).toContain('preceding working day 2025-07-03 (Thu)');
  });

  it('is provisional past the Chinese calendar', () => {
    const sut = computeLegalDeadline({ kind: 'cn-litigation-direct', from: '2026-10-01', locale: 'zh-CN' });
    expect(sut).toMatchObject({ dueOn: '2027-04-01', provisional: true });
    expect(sut.trace.at(-1)).toMatch(/^暂定结果/);
  });

  it.each([
    [{ kind: 'cn-appeal', from: '2025-01-01' }, 'DEADLINES.UNKNOWN_LEGAL_DEADLINE_KIND'],
    [{ kind: 'uk-internal-review', from: '2025-02-30' }, 'DEADLINES.INVALID_DATE'],
  ])('refuses %j', (input, code) => {
    expect(() => computeLegalDeadline(input as LegalDeadlineInput)).toThrow(DeadlineRuleError);
    expect(() => computeLegalDeadline(input as LegalDeadlineInput)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
