import type { MailLocale } from '../contract';
import { Block, EmailContent } from './blocks';
import { formatCivilDate } from './format';
import type { RequestRefParams } from './template-params';

/** One template: a renderer per language. `link` is the request's page (or the param `link`). */
export type TemplateDef<P> = Record<MailLocale, (params: P, link: string) => EmailContent>;

const LABELS = {
  en: { tracking: 'Tracking number', agency: 'Agency', due: 'Due date', open: 'View the request' },
  'zh-CN': { tracking: '申请编号', agency: '行政机关', due: '答复期限', open: '查看申请' },
} as const;

/** The facts every request email repeats: tracking number, agency and (when given) the due date. */
export function requestFacts(
  p: RequestRefParams & { dueOn?: string },
  locale: MailLocale,
  dueLabel?: string,
): Block {
  const l = LABELS[locale];
  const rows: Array<[string, string]> = [[l.tracking, p.trackingNumber]];
  if (p.agencyName) rows.push([l.agency, p.agencyName]);
  if (p.dueOn) rows.push([dueLabel ?? l.due, formatCivilDate(p.dueOn, locale)]);
  return { kind: 'facts', rows };
}

export function openRequest(link: string, locale: MailLocale, label?: string): Block {
  return { kind: 'button', label: label ?? LABELS[locale].open, href: link };
}

/** A quoted free text (clerk's message, reason) only when there is one. */
export function optionalQuote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text }] : [];
}
