import {
  calendarCoverage,
  CalendarDay,
  computeDeadline,
  DeadlineEvent,
  DeadlineEventType,
  DeadlineInput,
  DeadlineLocale,
  DeadlineResult,
  DeadlineRuleError,
  listNonWorkingDays,
  RULE_SET_IDS,
  RuleSetId,
} from '@disclose/deadlines';

/** Bad command-line input: printed as one line on stderr, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const EVENT_TYPES: readonly DeadlineEventType[] = [
  'clarification_requested',
  'clarification_received',
  'consultation_started',
  'consultation_ended',
  'fee_notice_sent',
  'fee_paid',
  'extended',
];

/** Parses `type:YYYY-MM-DD` or `extended:YYYY-MM-DD[:N]` (the date is validated by the engine). */
export function parseEventArg(value: string): DeadlineEvent {
  const [type, on, n, ...rest] = value.split(':');
  if (!EVENT_TYPES.includes(type as DeadlineEventType) || !on || rest.length > 0) {
    throw new CliUsageError(
      `--event ${JSON.stringify(value)}: expected <type>:<YYYY-MM-DD>[:<working days>], type one of ${EVENT_TYPES.join(', ')}`,
    );
  }
  if (n === undefined) return { type: type as DeadlineEventType, on };
  if (type !== 'extended')
    throw new CliUsageError(
      `--event ${JSON.stringify(value)}: only 'extended' takes a number of working days`,
    );
  return { type: 'extended', on, workingDays: parsePositiveInt(n, '--event extended') };
}

export function parsePositiveInt(value: string, flag: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new CliUsageError(`${flag}: expected a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function parseRuleSet(value: string | undefined): RuleSetId {
  const id = value ?? 'cn-ogi-2019';
  if (!RULE_SET_IDS.includes(id as RuleSetId))
    throw new CliUsageError(`--rule-set ${JSON.stringify(id)}: expected one of ${RULE_SET_IDS.join(', ')}`);
  return id as RuleSetId;
}

export function parseLocale(value: string | undefined): DeadlineLocale {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'zh-CN' || value === 'zh') return 'zh-CN';
  throw new CliUsageError(`--locale ${JSON.stringify(value)}: expected zh-CN or en`);
}

/** Options as nest-commander hands them over (commander turns --no-makeup-days into makeupDays: false). */
export interface DeadlineCliOptions {
  ruleSet?: string;
  received?: string;
  event?: string[];
  extend?: string | number;
  locale?: string;
  makeupDays?: boolean;
  json?: boolean;
}

export function buildDeadlineInput(o: DeadlineCliOptions): DeadlineInput {
  if (!o.received) throw new CliUsageError('--received <YYYY-MM-DD> is required');
  const events = (o.event ?? []).map(parseEventArg);
  // --extend N is decided on the receipt day, so it sorts first and never warns as late.
  if (o.extend !== undefined)
    events.unshift({
      type: 'extended',
      on: o.received,
      workingDays: parsePositiveInt(String(o.extend), '--extend'),
    });
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    ruleSet: parseRuleSet(o.ruleSet),
    receivedOn: o.received,
    events,
    locale: parseLocale(o.locale),
    options: o.makeupDays === false ? { countMakeupWorkdays: false } : undefined,
  };
}

export function formatDeadline(r: DeadlineResult, locale: DeadlineLocale): string {
  const zh = locale === 'zh-CN';
  const lines = [
    `${zh ? '规则' : 'rule set'}: ${r.ruleSet}`,
    `${zh ? '起算日' : 'clock starts'}: ${r.clockStartsOn}`,
    `${zh ? '截止日' : 'due'}: ${r.dueOn ?? (zh ? '（期限停止计算中）' : '(clock stopped)')}`,
    `${zh ? '状态' : 'status'}: ${r.status}`,
    `${zh ? '暂定' : 'provisional'}: ${r.provisional ? (zh ? '是' : 'yes') : zh ? '否' : 'no'}`,
    `${zh ? '工作日' : 'working days allowed'}: ${r.workingDaysAllowed} (${zh ? '不计入' : 'disregarded'}: ${r.disregardedWorkingDays})`,
  ];
  if (r.clarificationNoticeDueOn)
    lines.push(`${zh ? '补正通知期限' : 'clarification notice due'}: ${r.clarificationNoticeDueOn}`);
  if (r.warnings.length) lines.push(`${zh ? '警告' : 'warnings'}: ${r.warnings.join(', ')}`);
  lines.push(zh ? '推算过程:' : 'trace:', ...r.trace.map((t) => `  - ${t}`));
  return lines.join('\n') + '\n';
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** One line for the user; exit code 2 for bad input (usage or a DeadlineRuleError). */
function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliUsageError) io.err(`disclose: ${error.message}\n`);
  else if (error instanceof DeadlineRuleError) io.err(`disclose: ${error.code}: ${error.message}\n`);
  else throw error;
  return 2;
}

/** `disclose deadline ...`; returns the exit code. */
export function runDeadlineCli(o: DeadlineCliOptions, io: CliIo): number {
  try {
    const input = buildDeadlineInput(o);
    const result = computeDeadline(input);
    io.out(o.json ? `${JSON.stringify(result, null, 2)}\n` : formatDeadline(result, input.locale ?? 'en'));
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

export interface CalendarCliOptions {
  ruleSet?: string;
  year?: string | number;
  json?: boolean;
}

export function formatCalendar(
  ruleSet: RuleSetId,
  year: number,
  days: readonly CalendarDay[],
  lastCoveredOn: string | null,
): string {
  const lines = [
    `${ruleSet} ${year}: non-working days other than weekends${days.some((d) => d.kind === 'makeup_workday') ? ', and make-up workdays' : ''}`,
  ];
  for (const d of days) {
    const what =
      d.kind === 'makeup_workday'
        ? 'make-up workday'
        : d.weekend
          ? 'holiday (weekend day in the range)'
          : 'holiday';
    const name = d.name && d.nameZh && d.nameZh !== d.name ? `${d.name} ${d.nameZh}` : (d.name ?? '');
    lines.push(`${d.date} ${d.weekday}  ${what.padEnd(34)} ${name}${d.provisional ? '  [provisional]' : ''}`);
  }
  if (days.length === 0) lines.push('(none)');
  lines.push(
    lastCoveredOn === null
      ? 'computed by rule for every year'
      : `official data through ${lastCoveredOn}; later days are provisional`,
  );
  return lines.join('\n') + '\n';
}

/** `disclose calendar show ...`; returns the exit code. */
export function runCalendarShowCli(o: CalendarCliOptions, io: CliIo): number {
  try {
    const ruleSet = parseRuleSet(o.ruleSet);
    if (o.year === undefined) throw new CliUsageError('--year <YYYY> is required');
    const year = parsePositiveInt(String(o.year), '--year');
    const days = listNonWorkingDays(ruleSet, year);
    const { lastCoveredOn } = calendarCoverage(ruleSet);
    io.out(
      o.json
        ? `${JSON.stringify({ ruleSet, year, lastCoveredOn, days }, null, 2)}\n`
        : formatCalendar(ruleSet, year, days, lastCoveredOn),
    );
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};
