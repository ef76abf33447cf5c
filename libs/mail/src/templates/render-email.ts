import type { MailLocale, MailTemplate } from '../contract';
import { passwordReset, verifyEmail } from './account.templates';
import { renderHtml, renderText } from './blocks';
import { clerkDigest } from './digest.templates';
import { caseReminder, overdueEscalation, reminderDue } from './reminder.templates';
import { decisionMade, requestReopened, requestWithdrawn } from './request-outcome.templates';
import {
  clarificationRequested,
  extensionGranted,
  feeNotice,
  requestAcknowledged,
} from './request-notice.templates';
import type { TemplateDef } from './template-def';
import { DigestItem, MailTemplateParams, REQUIRED_PARAMS } from './template-params';

const TEMPLATES: { [T in MailTemplate]: TemplateDef<MailTemplateParams[T]> } = {
  verify_email: verifyEmail,
  password_reset: passwordReset,
  request_acknowledged: requestAcknowledged,
  clarification_requested: clarificationRequested,
  extension_granted: extensionGranted,
  fee_notice: feeNotice,
  decision_made: decisionMade,
  request_withdrawn: requestWithdrawn,
  request_reopened: requestReopened,
  reminder_due: reminderDue,
  overdue_escalation: overdueEscalation,
  clerk_digest: clerkDigest,
  case_reminder: caseReminder,
};

/** A row that can never render (unknown template, missing parameter): retrying cannot help. */
export class MailTemplateError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'MailTemplateError';
  }
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The page a request email points to: `${PUBLIC_URL}/requests/<id>`. */
export function requestLink(publicUrl: string, requestId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/requests/${encodeURIComponent(requestId)}`;
}

function linkOf(params: Record<string, unknown>, publicUrl: string): string {
  if (typeof params.link === 'string' && params.link) return params.link;
  if (typeof params.requestId === 'string' && params.requestId)
    return requestLink(publicUrl, params.requestId);
  return publicUrl;
}

function checkParams(template: MailTemplate, params: Record<string, unknown>): void {
  for (const key of REQUIRED_PARAMS[template] as readonly string[]) {
    const value = params[key];
    if (value === undefined || value === null || value === '') {
      throw new MailTemplateError(`template ${template} needs the parameter "${key}"`);
    }
  }
  if (template === 'clerk_digest' && !Array.isArray(params.items)) {
    throw new MailTemplateError('template clerk_digest needs "items" to be a list');
  }
}

/** Renders one outbox row: subject, HTML (every parameter escaped) and plain text, in the row's language. */
export function renderEmail(
  template: MailTemplate,
  locale: MailLocale,
  params: Record<string, unknown>,
  publicUrl: string,
): RenderedEmail {
  const def = TEMPLATES[template] as TemplateDef<unknown> | undefined;
  if (!def) throw new MailTemplateError(`unknown mail template ${String(template)}`);
  const render = def[locale];
  if (!render) throw new MailTemplateError(`unknown mail locale ${String(locale)}`);
  checkParams(template, params);
  const prepared: Record<string, unknown> = { ...params };
  if (template === 'clerk_digest') {
    prepared.items = (params.items as DigestItem[]).map((item) => ({
      ...item,
      daysLeft: Number(item.daysLeft),
      link: item.link ?? (item.requestId ? requestLink(publicUrl, item.requestId) : undefined),
    }));
  }
  const content = render(prepared, linkOf(params, publicUrl));
  // A header never spans lines, whatever a parameter holds.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return { subject, html: renderHtml({ ...content, subject }, locale), text: renderText(content, locale) };
}
