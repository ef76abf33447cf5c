import type { ErrorCode, ErrorParams } from './errors';

/** Locales the messages are written in. */
export type Locale = 'en' | 'zh-CN';

/** Message templates per error code; `{name}` is replaced by the matching param. */
export const MESSAGES: Readonly<Record<ErrorCode, Readonly<Record<Locale, string>>>> = {
  'REQUEST.INVALID_TRANSITION': {
    en: 'The action "{action}" is not allowed while the request is {from}.',
    'zh-CN': '申请处于“{from}”状态，不能执行“{action}”操作。',
  },
  'REQUEST.NOT_FOUND': { en: 'Request not found.', 'zh-CN': '未找到该申请。' },
  'REQUEST.VERSION_CONFLICT': {
    en: 'The request was changed by someone else; reload it and try again.',
    'zh-CN': '该申请已被他人修改，请刷新后重试。',
  },
  'REQUEST.DUPLICATE_IDEMPOTENCY_KEY': {
    en: 'This Idempotency-Key was already used for a different request.',
    'zh-CN': '该幂等键已用于其他请求。',
  },
  'AGENCY.NOT_FOUND': { en: 'Agency not found.', 'zh-CN': '未找到该行政机关。' },
  'USER.NOT_FOUND': { en: 'User not found.', 'zh-CN': '未找到该用户。' },
  'DOCUMENT.NOT_FOUND': { en: 'Document not found.', 'zh-CN': '未找到该文件。' },
  'CASE.NOT_FOUND': { en: 'Case not found.', 'zh-CN': '未找到该案件。' },
  'HEARING.NOT_FOUND': { en: 'Hearing not found.', 'zh-CN': '未找到该庭审或听证。' },
  'AUTH.INVALID_CREDENTIALS': { en: 'Wrong email or password.', 'zh-CN': '邮箱或密码错误。' },
  'AUTH.FORBIDDEN': { en: 'You are not allowed to do this.', 'zh-CN': '您无权执行此操作。' },
  'AUTH.EMAIL_TAKEN': { en: 'This email is already registered.', 'zh-CN': '该邮箱已被注册。' },
  'AUTH.UNAUTHENTICATED': { en: 'Please sign in.', 'zh-CN': '请先登录。' },
  'AUTH.RATE_LIMITED': {
    en: 'Too many attempts; try again in {seconds} seconds.',
    'zh-CN': '尝试次数过多，请在 {seconds} 秒后重试。',
  },
  'AUTH.TOKEN_INVALID': {
    en: 'This link is invalid or has expired.',
    'zh-CN': '该链接无效或已过期。',
  },
  'AGENCY.CODE_TAKEN': {
    en: 'An agency with the code {code} already exists.',
    'zh-CN': '代码为 {code} 的行政机关已存在。',
  },
  'VALIDATION.FAILED': { en: 'Invalid input: {fields}.', 'zh-CN': '输入有误：{fields}。' },
  'FEE.NOT_APPLICABLE': {
    en: 'No fee can be charged under rule set {ruleSet}.',
    'zh-CN': '规则集 {ruleSet} 不适用收费。',
  },
  'EXTENSION.PENDING': {
    en: 'An extension is already awaiting approval.',
    'zh-CN': '已有延期申请正在等待审批。',
  },
  'DEADLINE.RULE': {
    en: 'The deadline rules do not allow this ({rule}): {reason}',
    'zh-CN': '期限规则不允许此操作（{rule}）：{reason}',
  },
  'CASE.FILING_WINDOW_CLOSED': {
    en: 'It is too late to ask for a review or appeal of this reply online: the last day was {lastDay}. If you had a good reason for the delay, write to the agency, which may still accept it.',
    'zh-CN':
      '已超过对该答复在线申请复核或申诉的期限：最后一日为 {lastDay}。如因正当理由耽误期限，请书面联系该机关，机关仍可决定受理。',
  },
};

/**
 * Renders the message of `code` in `locale`, replacing `{name}` with `params[name]`. Placeholders without
 * a value are left as written, so a missing param is visible rather than silently blank.
 */
export function formatMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'en'): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? placeholder : String(value);
  });
}
