import { CASE_FIELD_MESSAGES } from '@disclose/cases';
import type { FieldMessage } from '@disclose/domain';
import type { FieldError } from './problem';
import type { ApiLocale } from './request-locale';

/**
 * zh-CN texts of class-validator's common constraints. `{n}` is the constraint's value, taken from the
 * English message (class-validator does not pass the arguments on once the message is built).
 */
const ZH_CONSTRAINTS: Readonly<Record<string, string>> = {
  isNotEmpty: '{field} 不能为空',
  isDefined: '{field} 为必填项',
  isEmail: '{field} 必须是有效的电子邮箱地址',
  minLength: '{field} 长度不能少于 {n} 个字符',
  maxLength: '{field} 长度不能超过 {n} 个字符',
  isIn: '{field} 必须是以下值之一：{n}',
  isEnum: '{field} 必须是以下值之一：{n}',
  isString: '{field} 必须是字符串',
  isUUID: '{field} 必须是 UUID',
  isDateString: '{field} 必须是 ISO 8601 日期',
  isISO8601: '{field} 必须是 ISO 8601 日期',
  whitelistValidation: '不允许的字段 {field}',
  isInt: '{field} 必须是整数',
  min: '{field} 不能小于 {n}',
  max: '{field} 不能大于 {n}',
  matches: '{field} 格式不正确',
  isBoolean: '{field} 必须是布尔值',
  isNumber: '{field} 必须是数字',
  isArray: '{field} 必须是数组',
  isObject: '{field} 必须是对象',
  isTimeZone: '{field} 必须是 IANA 时区，如 Asia/Shanghai',
};

/** The value class-validator put at the end of its English message ("... than or equal to 10 characters"). */
const VALUE_IN_MESSAGE: Readonly<Record<string, RegExp>> = {
  minLength: /equal to (\S+) characters/,
  maxLength: /equal to (\S+) characters/,
  min: /less than (\S+)$/,
  max: /greater than (\S+)$/,
  isIn: /following values: (.+)$/,
  isEnum: /following values: (.+)$/,
};

/** One class-validator field error in the caller's language (English messages are class-validator's own). */
export function localizeFieldError(error: FieldError, locale: ApiLocale): FieldError {
  if (locale !== 'zh-CN' || !error.constraint) return error;
  const template = ZH_CONSTRAINTS[error.constraint];
  if (!template) return error;
  const value = VALUE_IN_MESSAGE[error.constraint]?.exec(error.message)?.[1] ?? '';
  return { ...error, message: template.replace('{field}', error.field).replace('{n}', value) };
}

/** Messages of the field codes the domain and the libraries raise (ValidationError.fields). */
const FIELD_CODES: Readonly<Record<string, Readonly<Record<ApiLocale, string>>>> = {
  ...CASE_FIELD_MESSAGES,
  required: { en: '{field} is required', 'zh-CN': '{field} 为必填项' },
  invalid_email: { en: '{field} must be an email address', 'zh-CN': '{field} 必须是有效的电子邮箱地址' },
  invalid_choice: { en: '{field} is not one of the allowed values', 'zh-CN': '{field} 不是允许的取值' },
  password_too_short: {
    en: '{field} must have at least {min} characters',
    'zh-CN': '{field} 至少需要 {min} 个字符',
  },
  password_too_long: {
    en: '{field} must have at most {max} characters',
    'zh-CN': '{field} 最多 {max} 个字符',
  },
  invalid_agency_code: {
    en: '{field} must be upper-case letters and digits, optionally joined by hyphens (e.g. PLGT)',
    'zh-CN': '{field} 只能由大写字母和数字组成，可用连字符连接（如 PLGT）',
  },
  unknown_rule_set: { en: '{field} must be one of {allowed}', 'zh-CN': '{field} 必须是以下之一：{allowed}' },
  invalid_time_zone: {
    en: '{field} must be an IANA time zone such as Asia/Shanghai',
    'zh-CN': '{field} 必须是 IANA 时区，如 Asia/Shanghai',
  },
  invalid_time_hh_mm: { en: '{field} must be a time HH:MM', 'zh-CN': '{field} 必须是 HH:MM 格式的时间' },
  invalid_hour: { en: '{field} must be an hour from 0 to 23', 'zh-CN': '{field} 必须是 0 到 23 之间的小时' },
  too_deeply_nested: {
    en: '{field} nests objects or arrays more than {max} levels deep',
    'zh-CN': '{field} 的对象或数组嵌套超过 {max} 层',
  },
  invalid_character: {
    en: '{field} contains a NUL character, which is not allowed',
    'zh-CN': '{field} 含有不允许的 NUL 字符',
  },
  us_foia_only: {
    en: '{field} applies to US FOIA requests only',
    'zh-CN': '{field} 仅适用于美国 FOIA 申请',
  },
  wrong_password: { en: '{field} is not the current password', 'zh-CN': '{field} 与当前密码不符' },
  cannot_disable_self: {
    en: '{field}: administrators cannot disable their own account',
    'zh-CN': '{field}：管理员不能停用自己的账户',
  },
};

/** A domain ValidationError field as a problem+json field error, in the caller's language. */
export function domainFieldError(field: FieldMessage, locale: ApiLocale): FieldError {
  const template = FIELD_CODES[field.code]?.[locale] ?? `{field}: ${field.code}`;
  const params: Record<string, unknown> = { field: field.field, ...(field.params ?? {}) };
  const message = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined || params[name] === null ? whole : String(params[name]),
  );
  return { field: field.field, message, constraint: field.code };
}
