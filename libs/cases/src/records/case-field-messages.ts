import { MAX_DOCUMENT_BYTES } from '@disclose/requests';

const MB = MAX_DOCUMENT_BYTES / (1024 * 1024);

/**
 * Messages of the field codes the cases library (and its API adapter) raise in ValidationError.fields, in
 * both languages of the API; `{field}` and the error's params (`{ruleSet}`, `{kind}`, `{values}`) are
 * filled in by the API's problem+json renderer.
 */
export const CASE_FIELD_MESSAGES: Readonly<Record<string, Readonly<Record<'en' | 'zh-CN', string>>>> = {
  not_available_for_rule_set: {
    en: '{field}: this kind of case does not exist under the request’s rule set {ruleSet}',
    'zh-CN': '{field}：该申请适用的规则（{ruleSet}）下没有这类案件',
  },
  must_be_reconsideration_of_same_request: {
    en: '{field} must be a reconsideration case about the same request',
    'zh-CN': '{field} 必须是同一申请的行政复议案件',
  },
  only_for_litigation_after_reconsideration: {
    en: '{field} is only for a lawsuit after reconsideration',
    'zh-CN': '{field} 仅适用于复议后起诉的案件',
  },
  must_be_legal_staff_of_agency: {
    en: '{field} must be an active legal staff member or administrator of an agency you see',
    'zh-CN': '{field} 必须是您可见机关的在职法制人员或管理员',
  },
  not_before_filed_on: {
    en: '{field} cannot be before the filing date',
    'zh-CN': '{field} 不能早于立案（申请）日期',
  },
  max_30_days: {
    en: '{field}: the decision period can be extended by at most 30 days (Administrative Reconsideration Law Art. 62)',
    'zh-CN': '{field}：复议决定期限最多延长 30 日（《行政复议法》第六十二条）',
  },
  not_for_case_kind: {
    en: '{field} is not a disposition of a {kind} case',
    'zh-CN': '{field} 不是 {kind} 类案件的处理结果',
  },
  only_when_request_reopened: {
    en: '{field} is only for a decision that sends the request back to the agency',
    'zh-CN': '{field} 仅适用于责令重新答复或履行的决定',
  },
  after_decided_on: {
    en: '{field} must be after the decision date',
    'zh-CN': '{field} 必须晚于决定日期',
  },
  must_be_one_of: {
    en: '{field} must be one of: {values}',
    'zh-CN': '{field} 必须是以下之一：{values}',
  },
  empty: { en: '{field} is empty', 'zh-CN': '{field} 是空文件' },
  too_large: {
    en: `{field} is larger than the limit of ${MB} MB`,
    'zh-CN': `{field} 超过 ${MB} MB 的上限`,
  },
  type_not_allowed: {
    en: '{field} must be a PDF, PNG, JPEG, DOCX, XLSX or plain-text file',
    'zh-CN': '{field} 必须是 PDF、PNG、JPEG、DOCX、XLSX 或纯文本文件',
  },
  multipart_required: {
    en: '{field}: send the document as multipart/form-data',
    'zh-CN': '{field}：请以 multipart/form-data 方式上传文件',
  },
  not_allowed_for_applicant: {
    en: '{field} is recorded by the agency’s legal staff, not by the applicant',
    'zh-CN': '{field} 由机关法制人员填写，申请人不能提交',
  },
  not_filed_online: {
    en: '{field}: only an internal review (UK) or an appeal (US) can be filed online',
    'zh-CN': '{field}：只有内部复核（英国）或申诉（美国）可以在线提出',
  },
};
