import { requestLocale } from '../../http/request-locale';
import { EN, type MessageKey } from './messages.en';
import { ZH_CN } from './messages.zh-cn';

export type PortalLocale = 'zh-CN' | 'en';
export type { MessageKey };
export const LANG_COOKIE = 'lang';

const TABLES: Readonly<Record<PortalLocale, Readonly<Record<MessageKey, string>>>> = {
  en: EN,
  'zh-CN': ZH_CN,
};

/** A page text in `locale`, with `{name}` placeholders filled. */
export function t(
  locale: PortalLocale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function isPortalLocale(value: unknown): value is PortalLocale {
  return value === 'zh-CN' || value === 'en';
}

interface LocaleRequest {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: { locale?: string };
}

/**
 * The page language: the `lang` cookie set by the switch link (an explicit choice on this browser, so it
 * must win or the switch would do nothing for a signed-in user), else the user's setting, else
 * Accept-Language (any zh → zh-CN), else English — the same negotiation as the JSON API's messages.
 */
export function pageLocale(request: LocaleRequest): PortalLocale {
  const chosen = request.cookies?.[LANG_COOKIE];
  if (isPortalLocale(chosen)) return chosen;
  return requestLocale(request);
}

const MONTHS = [
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

/** A civil date 'YYYY-MM-DD' written the local way: 2025年10月30日 / 30 October 2025. */
export function formatDate(date: string | null | undefined, locale: PortalLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** An instant as a local date and time in the agency's zone (timeline entries). */
export function formatDateTime(value: string | Date, locale: PortalLocale, timeZone: string): string {
  const d = new Date(value);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`, locale)} ${get('hour')}:${get('minute')}`;
}
