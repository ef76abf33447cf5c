import type { MailLocale } from '../contract';
import type { Block } from './blocks';
import { dueInPhrase, formatCivilDate, greeting } from './format';
import type { TemplateDef } from './template-def';
import type { DigestItem, MailTemplateParams as M } from './template-params';

function itemText(item: DigestItem, locale: MailLocale): string {
  const sep = locale === 'zh-CN' ? '，' : ', ';
  const due =
    locale === 'zh-CN'
      ? `期限${formatCivilDate(item.dueOn, locale)}`
      : `due ${formatCivilDate(item.dueOn, locale)}`;
  return `${item.trackingNumber}${sep}${due}${sep}${dueInPhrase(item.daysLeft, locale)}`;
}

function sections(
  items: DigestItem[],
  locale: MailLocale,
  titles: { overdue: string; due: string; none: string },
): Block[] {
  const overdue = items.filter((i) => i.daysLeft < 0).sort((a, b) => a.daysLeft - b.daysLeft);
  const due = items.filter((i) => i.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft);
  const list = (title: string, rows: DigestItem[]): Block => ({
    kind: 'list',
    title,
    items: rows.map((i) => ({ text: itemText(i, locale), href: i.link })),
  });
  const blocks: Block[] = [];
  if (overdue.length) blocks.push(list(titles.overdue, overdue));
  if (due.length) blocks.push(list(titles.due, due));
  if (!blocks.length) blocks.push({ kind: 'p', text: titles.none });
  return blocks;
}

/** The clerk's daily digest: what is overdue and what is due in the next five working days. */
export const clerkDigest: TemplateDef<M['clerk_digest']> = {
  en: (p) => {
    const overdue = p.items.filter((i) => i.daysLeft < 0).length;
    return {
      subject: `Your requests${p.date ? ` on ${formatCivilDate(p.date, 'en')}` : ''}: ${p.items.length - overdue} due soon, ${overdue} overdue`,
      blocks: [
        { kind: 'p', text: greeting(p.name, 'en') },
        ...sections(p.items, 'en', {
          overdue: 'Overdue',
          due: 'Due in the next 5 working days',
          none: 'Nothing is due in the next 5 working days and nothing is overdue.',
        }),
      ],
    };
  },
  'zh-CN': (p) => {
    const overdue = p.items.filter((i) => i.daysLeft < 0).length;
    return {
      subject: `${p.date ? `${formatCivilDate(p.date, 'zh-CN')} ` : ''}待办申请：${p.items.length - overdue} 件即将到期，${overdue} 件已逾期`,
      blocks: [
        { kind: 'p', text: greeting(p.name, 'zh-CN') },
        ...sections(p.items, 'zh-CN', {
          overdue: '已逾期',
          due: '未来 5 个工作日内到期',
          none: '未来 5 个工作日内没有到期的申请，也没有逾期的申请。',
        }),
      ],
    };
  },
};
