import {
  buildDeadlineInput,
  CliIo,
  CliUsageError,
  parseEventArg,
  runCalendarShowCli,
  runDeadlineCli,
} from './deadline-cli.parsing';

const capture = (): CliIo & { stdout: string; stderr: string } => {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
  };
  return io;
};

describe(parseEventArg.name, () => {
  it.each([
    ['consultation_started:2025-10-09', { type: 'consultation_started', on: '2025-10-09' }],
    ['extended:2025-10-10:5', { type: 'extended', on: '2025-10-10', workingDays: 5 }],
    ['extended:2025-10-10', { type: 'extended', on: '2025-10-10' }],
  ])('parses %s', (arg, expected) => {
    expect(parseEventArg(arg)).toEqual(expected);
  });

  it.each([
    'consulted:2025-10-09',
    'fee_paid',
    'fee_paid:2025-10-09:3',
    'extended:2025-10-10:0',
    'extended:2025-10-10:x',
    'extended:2025-10-10:5:1',
  ])('refuses %s', (arg) => {
    expect(() => parseEventArg(arg)).toThrow(CliUsageError);
  });
});

describe(buildDeadlineInput.name, () => {
  it('defaults to cn-ogi-2019, sorts --extend first and maps --no-makeup-days', () => {
    expect(
      buildDeadlineInput({
        received: '2025-09-26',
        event: ['fee_notice_sent:2025-10-09'],
        extend: '5',
        makeupDays: false,
        locale: 'zh-CN',
      }),
    ).toEqual({
      ruleSet: 'cn-ogi-2019',
      receivedOn: '2025-09-26',
      events: [
        { type: 'extended', on: '2025-09-26', workingDays: 5 },
        { type: 'fee_notice_sent', on: '2025-10-09' },
      ],
      locale: 'zh-CN',
      options: { countMakeupWorkdays: false },
    });
  });

  it.each([
    {},
    { received: '2025-01-01', ruleSet: 'fr-cada' },
    { received: '2025-01-01', locale: 'de' },
    { received: '2025-01-01', extend: '-1' },
  ])('refuses %j', (o) => {
    expect(() => buildDeadlineInput(o)).toThrow(CliUsageError);
  });
});

describe(runDeadlineCli.name, () => {
  it('answers the README first example with 2025-10-30 and a readable trace', () => {
    const io = capture();
    expect(runDeadlineCli({ ruleSet: 'cn-ogi-2019', received: '2025-09-26' }, io)).toBe(0);
    expect(io.stdout).toContain('due: 2025-10-30');
    expect(io.stdout).toContain('  - 2025-10-11 (Sat) is a make-up workday (National Day) and counts');
    expect(io.stderr).toBe('');
  });

  it('prints JSON with the trace', () => {
    const io = capture();
    runDeadlineCli({ ruleSet: 'us-foia', received: '2026-06-26', json: true }, io);
    expect(JSON.parse(io.stdout)).toMatchObject({
      dueOn: '2026-07-27',
      trace: expect.arrayContaining(['due 2026-07-27 (Mon)']),
    });
  });

  it.each([
    [{ ruleSet: 'us-foia', received: '2025-02-30' }, 'DEADLINES.INVALID_DATE'],
    [{ ruleSet: 'scot-foisa', received: '2025-02-03', extend: 3 }, 'DEADLINES.EXTENSION_NOT_ALLOWED'],
    [
      { ruleSet: 'uk-foia', received: '2025-02-03', event: ['consultation_started:2025-02-04'] },
      'DEADLINES.CONSULTATION_NOT_ALLOWED',
    ],
  ])('reports bad input %j on one stderr line with exit code 2', (o, code) => {
    const io = capture();
    expect(runDeadlineCli(o, io)).toBe(2);
    expect(io.stderr).toMatch(new RegExp(`^disclose: ${code.replace('.', '\\.')}: [^\\n]+\\n$`));
    expect(io.stdout).toBe('');
  });
});

describe(runCalendarShowCli.name, () => {
  it('lists the 2026 uk-foia days', () => {
    const io = capture();
    expect(runCalendarShowCli({ ruleSet: 'uk-foia', year: '2026' }, io)).toBe(0);
    expect(io.stdout).toContain('2026-03-17 Tue  holiday');
    expect(io.stdout.trim().split('\n')).toHaveLength(15);
  });

  it('lists CN make-up workdays in JSON', () => {
    const io = capture();
    runCalendarShowCli({ ruleSet: 'cn-ogi-2019', year: 2025, json: true }, io);
    const days = JSON.parse(io.stdout).days as Array<{ kind: string; date: string }>;
    expect(days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('refuses a missing year with exit code 2', () => {
    const io = capture();
    expect(runCalendarShowCli({ ruleSet: 'uk-foia' }, io)).toBe(2);
    expect(io.stderr).toBe('disclose: --year <YYYY> is required\n');
  });
});
