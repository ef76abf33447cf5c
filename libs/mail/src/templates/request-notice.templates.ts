import { formatCivilDate, greeting } from './format';
import { openRequest, optionalQuote, requestFacts, type TemplateDef } from './template-def';
import type { MailTemplateParams as M } from './template-params';

/** Notices to the applicant while the request is open (acknowledgement, clarification, extension, fee). */
export const requestAcknowledged: TemplateDef<M['request_acknowledged']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber} received`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `${p.agencyName ?? 'The agency'} has received your request. The answer is due by ${formatCivilDate(p.dueOn, 'en')}.`,
      },
      requestFacts(p, 'en'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `您的政府信息公开申请（${p.trackingNumber}）已收到`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      {
        kind: 'p',
        text: `${p.agencyName ?? '行政机关'}已收到您的政府信息公开申请，答复期限为${formatCivilDate(p.dueOn, 'zh-CN')}。`,
      },
      requestFacts(p, 'zh-CN'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};

export const clarificationRequested: TemplateDef<M['clarification_requested']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber}: please clarify your request`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: 'The agency needs more detail before it can answer your request. The clock is paused until you reply.',
      },
      ...optionalQuote('What the agency asks:', p.message),
      requestFacts(p, 'en', 'Reply by'),
      openRequest(link, 'en', 'Reply to the agency'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber}：请补正申请内容`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: '行政机关需要您补正申请内容后才能答复。答复期限自收到补正之日起重新计算。' },
      ...optionalQuote('补正要求：', p.message),
      requestFacts(p, 'zh-CN', '补正期限'),
      openRequest(link, 'zh-CN', '提交补正'),
    ],
  }),
};

export const extensionGranted: TemplateDef<M['extension_granted']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber}: the deadline was extended to ${formatCivilDate(p.dueOn, 'en')}`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `The agency extended the time to answer your request. The new due date is ${formatCivilDate(p.dueOn, 'en')}.`,
      },
      ...optionalQuote('Reason:', p.reason),
      requestFacts(p, 'en', 'New due date'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber}：答复期限延长至${formatCivilDate(p.dueOn, 'zh-CN')}`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: `行政机关已延长答复期限，新的答复期限为${formatCivilDate(p.dueOn, 'zh-CN')}。` },
      ...optionalQuote('延期理由：', p.reason),
      requestFacts(p, 'zh-CN', '新的答复期限'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};

export const feeNotice: TemplateDef<M['fee_notice']> = {
  en: (p, link) => ({
    subject: `Request ${p.trackingNumber}: fee notice`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text: `The agency charges a fee to process your request${p.amount ? `: ${p.amount}` : ''}.`,
      },
      ...optionalQuote('Details:', p.message),
      requestFacts(p, 'en', 'Pay by'),
      openRequest(link, 'en'),
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: `申请 ${p.trackingNumber}：信息处理费缴纳通知`,
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: `行政机关将收取信息处理费${p.amount ? `（${p.amount}）` : ''}。` },
      ...optionalQuote('说明：', p.message),
      requestFacts(p, 'zh-CN', '缴费期限'),
      openRequest(link, 'zh-CN'),
    ],
  }),
};
