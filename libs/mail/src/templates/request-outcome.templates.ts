import { formatCivilDate, greeting } from './format';
import { openRequest, optionalQuote, requestFacts, type TemplateDef } from './template-def';
import type { MailTemplateParams as M } from './template-params';

/** Notices to the applicant when the request ends or starts again (decision, withdrawal, reopening). */
export const decisionMade: TemplateDef<M['decision_made']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber}: the agency has answered`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `${p.agencyName ?? 'The agency'} has decided on your request${p.outcome ? `: ${p.outcome}` : ''}.`,
      },
      ...optionalQuote('Message from the agency:', p.message),
      requestFacts(p, 'en'),
      openRequest(link, 'en', 'Read the decision'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber}：行政机关已作出答复`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      {
        kind: 'p',
        text: `${p.agencyName ?? '行政机关'}已对您的申请作出答复${p.outcome ? `：${p.outcome}` : ''}。`,
      },
      ...optionalQuote('答复说明：', p.message),
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN', '查看答复'),
    ],
  }),
};

export const requestWithdrawn: TemplateDef<M['request_withdrawn']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber} withdrawn`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      { kind: 'p', text: 'Your request has been withdrawn and is closed.' },
      ...optionalQuote('Reason:', p.reason),
      requestFacts(p, 'en'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber} 已撤回`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: '您的政府信息公开申请已撤回，办理终止。' },
      ...optionalQuote('原因：', p.reason),
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};

export const requestReopened: TemplateDef<M['request_reopened']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber} reopened`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `Your request has been reopened. The answer is due by ${formatCivilDate(p.dueOn, 'en')}.`,
      },
      ...optionalQuote('Reason:', p.reason),
      requestFacts(p, 'en'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber} 已重新办理`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: `您的申请已重新进入办理程序，答复期限为${formatCivilDate(p.dueOn, 'zh-CN')}。` },
      ...optionalQuote('原因：', p.reason),
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};
