import { APPLICANT_TYPES, OUTCOME_CODES, RequestStatus, type RequestEventType } from '@disclose/domain';
import type { PortalLocale } from './i18n';

type Labels = Readonly<Record<PortalLocale, string>>;

/** Request statuses in plain words. */
export const STATUS_LABELS: Readonly<Record<RequestStatus, Labels>> = {
  [RequestStatus.Received]: { en: 'Received', 'zh-CN': '已收到' },
  [RequestStatus.InProgress]: { en: 'Being handled', 'zh-CN': '办理中' },
  [RequestStatus.AwaitingClarification]: { en: 'Waiting for your details', 'zh-CN': '待补正' },
  [RequestStatus.AwaitingConsultation]: { en: 'Consulting others', 'zh-CN': '征求意见中' },
  [RequestStatus.AwaitingFee]: { en: 'Waiting for a fee', 'zh-CN': '待缴费' },
  [RequestStatus.Decided]: { en: 'Answered', 'zh-CN': '已答复' },
  [RequestStatus.Closed]: { en: 'Closed', 'zh-CN': '已办结' },
  [RequestStatus.Withdrawn]: { en: 'Withdrawn', 'zh-CN': '已撤回' },
};

/** Timeline entries (one per audit event type). */
export const EVENT_LABELS: Readonly<Record<RequestEventType, Labels>> = {
  filed: { en: 'Request received', 'zh-CN': '收到申请' },
  assigned: { en: 'Assigned to a clerk', 'zh-CN': '分配承办人' },
  clarification_requested: { en: 'More details asked for', 'zh-CN': '要求补正' },
  clarification_received: { en: 'Details supplied', 'zh-CN': '收到补正' },
  consultation_started: { en: 'Consultation started', 'zh-CN': '开始征求意见' },
  consultation_replied: { en: 'Consultation answered', 'zh-CN': '收到征求意见回复' },
  extension_requested: { en: 'Extension asked for', 'zh-CN': '申请延期' },
  extension_approved: { en: 'Period extended', 'zh-CN': '延期已批准' },
  extension_rejected: { en: 'Extension refused', 'zh-CN': '延期未批准' },
  fee_notice_issued: { en: 'Fee notice sent', 'zh-CN': '发出收费通知' },
  fee_paid: { en: 'Fee paid', 'zh-CN': '已缴费' },
  fee_waived: { en: 'Fee waived', 'zh-CN': '费用减免' },
  decided: { en: 'Answer given', 'zh-CN': '作出答复' },
  document_uploaded: { en: 'Document added', 'zh-CN': '上传文件' },
  closed: { en: 'Closed', 'zh-CN': '办结' },
  withdrawn: { en: 'Withdrawn', 'zh-CN': '撤回' },
  lapsed: { en: 'Lapsed', 'zh-CN': '视为放弃' },
  reopened: { en: 'Reopened', 'zh-CN': '重新办理' },
  track_set: { en: 'Processing track set', 'zh-CN': '设定处理类别' },
};

export function statusLabel(status: string, locale: PortalLocale): string {
  return STATUS_LABELS[status as RequestStatus]?.[locale] ?? status;
}

export function eventLabel(type: string, locale: PortalLocale): string {
  return EVENT_LABELS[type as RequestEventType]?.[locale] ?? type;
}

export function outcomeLabel(code: string | null, locale: PortalLocale): string {
  const o = OUTCOME_CODES.find((x) => x.code === code);
  return o ? (locale === 'zh-CN' ? o.zh : o.en) : (code ?? '');
}

export function applicantTypeOptions(locale: PortalLocale): { value: string; text: string }[] {
  return APPLICANT_TYPES.map((a) => ({ value: a.code, text: locale === 'zh-CN' ? a.zh : a.en }));
}

export function outcomeOptions(locale: PortalLocale): { value: string; text: string }[] {
  return OUTCOME_CODES.map((o) => ({ value: o.code, text: locale === 'zh-CN' ? o.zh : o.en }));
}
