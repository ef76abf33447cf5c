import { dueInPhrase, formatCivilDate, greeting } from './format';
import { openRequest, requestFacts, type TemplateDef } from './template-def';
import type { MailTemplateParams as M } from './template-params';

/** Reminders to staff: a request coming due, an overdue one for the supervisor, a legal-case deadline. */
export const reminderDue: TemplateDef<M['reminder_due']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber} is ${dueInPhrase(p.daysLeft, 'en')} (${formatCivilDate(p.dueOn, 'en')})`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `Request ${p.trackingNumber} is ${dueInPhrase(p.daysLeft, 'en')}: it must be answered by ${formatCivilDate(p.dueOn, 'en')}.`,
      },
      requestFacts(p, 'en'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber} ${dueInPhrase(p.daysLeft, 'zh-CN')}（${formatCivilDate(p.dueOn, 'zh-CN')}）`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      {
        kind: 'p',
        text: `申请 ${p.trackingNumber} ${dueInPhrase(p.daysLeft, 'zh-CN')}，请于${formatCivilDate(p.dueOn, 'zh-CN')}前作出答复。`,
      },
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};

export const overdueEscalation: TemplateDef<M['overdue_escalation']> = {
  en: (p, link) => ({
    subject: `Overdue: request ${p.trackingNumber} was due on ${formatCivilDate(p.dueOn, 'en')}`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text:
          `Request ${p.trackingNumber} has not been answered although it was due on ${formatCivilDate(p.dueOn, 'en')}` +
          (p.daysOverdue ? ` (${dueInPhrase(-p.daysOverdue, 'en')})` : '') +
          (p.assigneeName ? `. It is assigned to ${p.assigneeName}.` : '.'),
      },
      requestFacts(p, 'en'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `逾期提醒：申请 ${p.trackingNumber} 的答复期限为${formatCivilDate(p.dueOn, 'zh-CN')}`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      {
        kind: 'p',
        text:
          `申请 ${p.trackingNumber} 的答复期限为${formatCivilDate(p.dueOn, 'zh-CN')}，至今尚未答复` +
          (p.daysOverdue ? `（${dueInPhrase(-p.daysOverdue, 'zh-CN')}）` : '') +
          (p.assigneeName ? `。承办人：${p.assigneeName}。` : '。'),
      },
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};

export const caseReminder: TemplateDef<M['case_reminder']> = {
  en: (p, link) => {
    const what = p.caseNumber ? `Case ${p.caseNumber}` : 'A legal case';
    const about = p.trackingNumber ? ` about request ${p.trackingNumber}` : '';
    const when = p.daysLeft !== undefined ? `${dueInPhrase(p.daysLeft, 'en')}: ` : '';
    if (p.hearingPlace)
      return {
        subject: `Hearing on ${formatCivilDate(p.dueOn, 'en')}: ${what}${about}`,
        blocks: [
          { kind: 'p', text: greeting(p.name, 'en') },
          {
            kind: 'p',
            text: `${what}${p.caseKind ? ` (${p.caseKind})` : ''}${about} has a hearing ${when}${p.hearingAt ?? formatCivilDate(p.dueOn, 'en')}, at ${p.hearingPlace}.`,
          },
          openRequest(link, 'en', 'Open the case'),
        ],
      };
    return {
      subject: `${what}${about}: deadline ${formatCivilDate(p.dueOn, 'en')}`,
      blocks: [
        { kind: 'p', text: greeting(p.name, 'en') },
        {
          kind: 'p',
          text: `${what}${p.caseKind ? ` (${p.caseKind})` : ''}${about} is ${when}the deadline is ${formatCivilDate(p.dueOn, 'en')}.`,
        },
        openRequest(link, 'en', 'Open the case'),
      ],
    };
  },
  'zh-CN': (p, link) => {
    const what = p.caseNumber ? `案件 ${p.caseNumber}` : '法律案件';
    const about = p.trackingNumber ? `（申请 ${p.trackingNumber}）` : '';
    const when = p.daysLeft !== undefined ? `${dueInPhrase(p.daysLeft, 'zh-CN')}，` : '';
    if (p.hearingPlace)
      return {
        subject: `开庭/听证提醒：${what}${about}，${formatCivilDate(p.dueOn, 'zh-CN')}`,
        blocks: [
          { kind: 'p', text: greeting(p.name, 'zh-CN') },
          {
            kind: 'p',
            text: `${what}${p.caseKind ? `（${p.caseKind}）` : ''}${about}${when}将于${p.hearingAt ?? formatCivilDate(p.dueOn, 'zh-CN')}在${p.hearingPlace}开庭或听证。`,
          },
          openRequest(link, 'zh-CN', '查看案件'),
        ],
      };
    return {
      subject: `${what}${about}：期限${formatCivilDate(p.dueOn, 'zh-CN')}`,
      blocks: [
        { kind: 'p', text: greeting(p.name, 'zh-CN') },
        {
          kind: 'p',
          text: `${what}${p.caseKind ? `（${p.caseKind}）` : ''}${about}${when}期限为${formatCivilDate(p.dueOn, 'zh-CN')}。`,
        },
        openRequest(link, 'zh-CN', '查看案件'),
      ],
    };
  },
};
