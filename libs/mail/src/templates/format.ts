import type { MailLocale } from '../contract';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A civil date written the local way: `2025年10月30日` / `30 October 2025`. No Date object and no time
 * zone: the date is already the agency's civil date. Anything else is shown as given.
 */
export function formatCivilDate(value: string, locale: MailLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return value;
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** "due in 3 working days" / "还有 3 个工作日到期"; 0 is today, 1 tomorrow, negative is overdue. */
export function dueInPhrase(daysLeft: number, locale: MailLocale): string {
  if (locale === 'zh-CN') {
    if (daysLeft < 0) return `已逾期 ${-daysLeft} 个工作日`;
    if (daysLeft === 0) return '今天到期';
    if (daysLeft === 1) return '明天到期';
    return `还有 ${daysLeft} 个工作日到期`;
  }
  if (daysLeft < 0) return `overdue by ${-daysLeft} working day${daysLeft === -1 ? '' : 's'}`;
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  return `due in ${daysLeft} working days`;
}

/** "Dear Wang Fang," / "王芳，您好：", or a neutral greeting without a name. */
export function greeting(name: string | undefined, locale: MailLocale): string {
  if (locale === 'zh-CN') return name ? `${name}，您好：` : '您好：';
  return name ? `Dear ${name},` : 'Hello,';
}
