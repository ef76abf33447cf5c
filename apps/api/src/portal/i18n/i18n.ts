import { formatCivilDate, localDateTime } from '@disclose/domain';
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

/** A civil date 'YYYY-MM-DD' written the local way: 2025年10月30日 / 30 October 2025 (empty when absent). */
export function formatDate(date: string | null | undefined, locale: PortalLocale): string {
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? formatCivilDate(date, locale) : '';
}

/** An instant as a local date and time in the agency's zone (timeline entries). */
export function formatDateTime(value: string | Date, locale: PortalLocale, timeZone: string): string {
  const { date, time } = localDateTime(new Date(value), timeZone);
  return `${formatDate(date, locale)} ${time}`;
}
