import type { MailLocale } from '../contract';

/** Written the local way; one definition for the emails and the portal (@disclose/domain). */
export { formatCivilDate } from '@disclose/domain';

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
