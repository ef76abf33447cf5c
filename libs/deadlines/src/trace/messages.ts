import type { DayName } from '../calendars/working-calendar';
import { civilFromDays, DayNumber, formatDate, weekday } from '../dates';
import type { DeadlineLocale } from '../deadline.types';

const EN_DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ZH_DOW = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export type StopKind = 'clarification' | 'consultation' | 'fee';

/** Sentences of the trace, one implementation per locale. */
export interface Messages {
  day(d: DayNumber): string;
  range(a: DayNumber, b: DayNumber): string;
  name(n: DayName | undefined): string;
  joinNames(names: string[]): string;
  ruleSet(id: string, law: string, period: number, citation: string): string;
  received(d: DayNumber, workingDay: boolean): string;
  noticeDue(d: DayNumber, n: number, citation: string): string;
  clarificationRequested(d: DayNumber, toll: boolean, late: boolean, noticeDue: DayNumber): string;
  clarificationReceived(d: DayNumber, toll: boolean, since: DayNumber): string;
  pauseStarted(d: DayNumber, kind: 'consultation' | 'fee', citation: string): string;
  pauseEnded(d: DayNumber, kind: 'consultation' | 'fee', since: DayNumber): string;
  restart(d: DayNumber, reason: 'clarification' | 'fee', period: number, citation: string): string;
  extended(d: DayNumber, k: number, total: number, citation: string, afterDue: DayNumber | null): string;
  stopped(kind: StopKind, since: DayNumber): string;
  counting(n: number, start: DayNumber, extension: number): string;
  pauseApplied(a: DayNumber, b: DayNumber, wd: number): string;
  pauseIgnored(): string;
  holidaySkipped(a: DayNumber, b: DayNumber, names: string): string;
  makeupCounts(d: DayNumber, name: string, counts: boolean): string;
  due(d: DayNumber): string;
  provisional(calendarId: string, last: DayNumber | null, first: DayNumber | null): string;
  legalCalendarDays(
    kind: string,
    n: number,
    unit: 'days' | 'months',
    from: DayNumber,
    citation: string,
  ): string;
  legalWorkingDays(kind: string, n: number, from: DayNumber, citation: string): string;
  rolled(raw: DayNumber, to: DayNumber, why: string): string;
  noRoll(raw: DayNumber, why: string, preceding: DayNumber | null): string;
  nonWorkingWhy(d: DayNumber, name: string | undefined): string;
}

const shortRange = (a: DayNumber, b: DayNumber, sep: string): string => {
  if (a === b) return formatDate(a);
  const [ya, ma] = civilFromDays(a);
  const [yb, mb] = civilFromDays(b);
  const fb = formatDate(b);
  return `${formatDate(a)}${sep}${ya !== yb ? fb : ma !== mb ? fb.slice(5) : fb.slice(8)}`;
};

const en: Messages = {
  day: (d) => `${formatDate(d)} (${EN_DOW[weekday(d)]})`,
  range: (a, b) => shortRange(a, b, '..'),
  name: (n) => n?.en ?? 'holiday',
  joinNames: (names) => names.join(' / '),
  ruleSet: (id, law, period, citation) =>
    `rule set ${id} (${law}): reply within ${period} working days (${citation})`,
  received: (d, wd) =>
    `received ${en.day(d)}${wd ? '' : ', a non-working day: day 1 is the first working day after it'}`,
  noticeDue: (d, n, c) =>
    `clarification (补正) notice due by ${en.day(d)}: ${n} working days after receipt (${c})`,
  clarificationRequested: (d, toll, late, nd) =>
    `${en.day(d)}: clarification requested; the clock stops` +
    (toll
      ? ' (toll: the days until the answer are disregarded)'
      : ' until the answer arrives, then restarts') +
    (late ? `; warning: the notice is later than ${formatDate(nd)}` : ''),
  clarificationReceived: (d, toll, since) =>
    toll
      ? `${en.day(d)}: clarification answered; toll ${en.range(since, d)} (both days inclusive)`
      : `${en.day(d)}: clarification received`,
  pauseStarted: (d, kind, c) =>
    `${en.day(d)}: ${kind === 'fee' ? 'fee notice sent' : 'consultation letter sent'}; the clock is paused (${c})`,
  pauseEnded: (d, kind, since) =>
    `${en.day(d)}: ${kind === 'fee' ? 'fee paid' : 'consultation opinion received'}; pause ${en.range(since, d)}, both days inclusive`,
  restart: (d, reason, period, c) =>
    `the clock restarts on ${en.day(d)} with the full ${period} working days (${reason === 'fee' ? 'agency setting: fee restarts the clock' : c}); earlier pauses and extensions no longer matter`,
  extended: (d, k, total, c, afterDue) =>
    `${en.day(d)}: extended by ${k} working days (${c}); ${total} working days allowed in total` +
    (afterDue !== null ? `; warning: decided after the due date ${formatDate(afterDue)}` : ''),
  stopped: (kind, since) =>
    `clock stopped since ${en.day(since)} (${kind === 'clarification' ? 'awaiting the clarification' : kind === 'fee' ? 'awaiting payment' : 'awaiting the consultation opinion'}): no due date until it resumes`,
  counting: (n, start, ext) =>
    `counting ${n} working days${ext ? ` (including ${ext} of extension)` : ''} after ${en.day(start)}; the start day does not count`,
  pauseApplied: (a, b, wd) => `${en.range(a, b)} paused: ${wd} working day${wd === 1 ? '' : 's'} disregarded`,
  pauseIgnored: () => 'a pause that began after the due date does not move it',
  holidaySkipped: (a, b, names) =>
    `${en.range(a, b)} ${names}${/holiday/i.test(names) ? '' : ' holiday'} skipped`,
  makeupCounts: (d, name, counts) =>
    counts
      ? `${en.day(d)} is a make-up workday (${name}) and counts`
      : `${en.day(d)} is a make-up workday (${name}) but does not count (agency setting)`,
  due: (d) => `due ${en.day(d)}`,
  provisional: (id, last, first) =>
    `provisional: the ${id} calendar is official only ${first !== null ? `from ${formatDate(first)} ` : ''}through ${last !== null ? formatDate(last) : '-'}; later days are assumed to follow the usual rules until ${id.startsWith('cn') ? 'the next State Council holiday notice' : 'the gov.uk bank-holiday list for the year'} is loaded (or passed as calendar overrides)`,
  legalCalendarDays: (kind, n, unit, from, c) =>
    `${kind}: ${n} ${unit === 'months' ? 'months' : 'calendar days'} from ${en.day(from)}, the start day not counted (${c})`,
  legalWorkingDays: (kind, n, from, c) =>
    `${kind}: ${n} working days after ${en.day(from)}, the start day not counted (${c})`,
  rolled: (raw, to, why) =>
    `the period ends on ${en.day(raw)}, ${why}: rolled forward to the next working day ${en.day(to)} (民法典 Art. 203)`,
  noRoll: (raw, why, preceding) =>
    `the period ends on ${en.day(raw)}, ${why}; this period does not roll forward (warning)` +
    (preceding !== null ? `; to be safe, act by the preceding working day ${en.day(preceding)}` : ''),
  nonWorkingWhy: (d, name) =>
    name ? `a non-working day (${name})` : `a non-working day (${EN_DOW[weekday(d)]})`,
};

const zh: Messages = {
  day: (d) => `${formatDate(d)}（${ZH_DOW[weekday(d)]}）`,
  range: (a, b) => shortRange(a, b, '至'),
  name: (n) => n?.zh ?? '节假日',
  joinNames: (names) => names.join('、'),
  ruleSet: (id, law, period, citation) => `规则 ${id}（${law}）：${period} 个工作日内答复（${citation}）`,
  received: (d, wd) => `收到申请日 ${zh.day(d)}${wd ? '' : '，为非工作日：自其后第一个工作日起算第 1 日'}`,
  noticeDue: (d, n, c) => `补正通知最迟 ${zh.day(d)} 发出：收到申请后 ${n} 个工作日内（${c}）`,
  clarificationRequested: (d, toll, late, nd) =>
    `${zh.day(d)}：要求补正，期限停止计算` +
    (toll ? '（中止：至答复之日止的工作日不计入）' : '，收到补正后重新计算') +
    (late ? `；警告：补正通知晚于 ${formatDate(nd)}` : ''),
  clarificationReceived: (d, toll, since) =>
    toll
      ? `${zh.day(d)}：收到答复；中止期间 ${zh.range(since, d)}（首尾两日均含）`
      : `${zh.day(d)}：收到补正后的申请`,
  pauseStarted: (d, kind, c) =>
    `${zh.day(d)}：${kind === 'fee' ? '发出收费通知' : '发出征求意见函'}，期限暂停计算（${c}）`,
  pauseEnded: (d, kind, since) =>
    `${zh.day(d)}：${kind === 'fee' ? '收到缴费' : '收到征求意见回复'}；暂停期间 ${zh.range(since, d)}（首尾两日均含）`,
  restart: (d, reason, period, c) =>
    `自 ${zh.day(d)} 起重新计算完整的 ${period} 个工作日（${reason === 'fee' ? '机关设定：缴费后重新计算' : c}）；此前的暂停和延长不再适用`,
  extended: (d, k, total, c, afterDue) =>
    `${zh.day(d)}：延长 ${k} 个工作日（${c}），共 ${total} 个工作日` +
    (afterDue !== null ? `；警告：延长决定晚于原截止日 ${formatDate(afterDue)}` : ''),
  stopped: (kind, since) =>
    `自 ${zh.day(since)} 起期限停止计算（${kind === 'clarification' ? '等待补正' : kind === 'fee' ? '等待缴费' : '等待征求意见回复'}）：恢复计算前没有截止日`,
  counting: (n, start, ext) =>
    `自 ${zh.day(start)} 的次日起计算 ${n} 个工作日${ext ? `（含延长 ${ext} 个工作日）` : ''}，当日不计入`,
  pauseApplied: (a, b, wd) => `${zh.range(a, b)} 暂停：${wd} 个工作日不计入`,
  pauseIgnored: () => '截止日之后开始的暂停不影响截止日',
  holidaySkipped: (a, b, names) => `${zh.range(a, b)} ${names}放假，不计入`,
  makeupCounts: (d, name, counts) =>
    counts
      ? `${zh.day(d)} 为调休上班日（${name}），计入`
      : `${zh.day(d)} 为调休上班日（${name}），按机关设定不计入`,
  due: (d) => `截止日 ${zh.day(d)}`,
  provisional: (id, last, first) =>
    `暂定结果：${id} 日历的官方数据${first !== null ? `自 ${formatDate(first)} ` : ''}至 ${last !== null ? formatDate(last) : '-'} 止；之后的日期按常规推定，待载入${id.startsWith('cn') ? '下一年度国务院办公厅放假通知' : '官方公布的假日安排'}（或以日历覆盖传入）后重新计算`,
  legalCalendarDays: (kind, n, unit, from, c) =>
    `${kind}：自 ${zh.day(from)} 起 ${n} ${unit === 'months' ? '个月' : '日（自然日）'}，开始当日不计入（${c}）`,
  legalWorkingDays: (kind, n, from, c) =>
    `${kind}：自 ${zh.day(from)} 的次日起 ${n} 个工作日，当日不计入（${c}）`,
  rolled: (raw, to, why) =>
    `期间届满日 ${zh.day(raw)} 为${why}：顺延至其后第一个工作日 ${zh.day(to)}（民法典第203条）`,
  noRoll: (raw, why, preceding) =>
    `期间届满日 ${zh.day(raw)} 为${why}；该期间不顺延（警告）` +
    (preceding !== null ? `；稳妥起见，应在前一个工作日 ${zh.day(preceding)} 前办理` : ''),
  nonWorkingWhy: (d, name) => (name ? `非工作日（${name}）` : `非工作日（${ZH_DOW[weekday(d)]}）`),
};

export function messages(locale: DeadlineLocale | undefined): Messages {
  return locale === 'zh-CN' ? zh : en;
}
