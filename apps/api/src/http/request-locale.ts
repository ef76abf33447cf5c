/** The languages the API answers in. */
export type ApiLocale = 'zh-CN' | 'en';

interface LocaleSource {
  headers?: Record<string, string | string[] | undefined>;
  user?: { locale?: string };
}

/**
 * The caller's language: the signed-in user's preference, else the first language of Accept-Language
 * (any zh variant → zh-CN), else English.
 */
export function requestLocale(request: LocaleSource): ApiLocale {
  const preferred = request.user?.locale;
  if (preferred === 'zh-CN' || preferred === 'en') return preferred;
  const header = request.headers?.['accept-language'];
  const value = (Array.isArray(header) ? header[0] : header) ?? '';
  const ranked = value
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find(
    (entry) => entry.tag === 'en' || entry.tag.startsWith('en-') || entry.tag.startsWith('zh'),
  );
  return first?.tag.startsWith('zh') ? 'zh-CN' : 'en';
}
