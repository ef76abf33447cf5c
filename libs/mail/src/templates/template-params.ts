import type { MailTemplate } from '../contract';

/**
 * The parameters of every template, in one place. Dates are civil dates `YYYY-MM-DD` in the agency's time
 * zone (the deadline engine's output); the templates write them the local way. `link` overrides the
 * default `${PUBLIC_URL}/requests/<requestId>`.
 */
export interface RequestRefParams {
  trackingNumber: string;
  requestId: string;
  agencyName?: string;
  /** The recipient's name, for the greeting. */
  name?: string;
  link?: string;
}

export interface DigestItem {
  trackingNumber: string;
  dueOn: string;
  /** Working days left; 0 = due today, negative = overdue by that many. */
  daysLeft: number;
  link?: string;
  requestId?: string;
}

export interface MailTemplateParams {
  verify_email: { name?: string; link: string };
  password_reset: { name?: string; link: string; expiresInMinutes?: number };
  request_acknowledged: RequestRefParams & { dueOn: string };
  clarification_requested: RequestRefParams & { message?: string; dueOn?: string };
  extension_granted: RequestRefParams & { dueOn: string; reason?: string };
  fee_notice: RequestRefParams & { amount?: string; dueOn?: string; message?: string };
  decision_made: RequestRefParams & { outcome?: string; message?: string };
  request_withdrawn: RequestRefParams & { reason?: string };
  request_reopened: RequestRefParams & { dueOn: string; reason?: string };
  reminder_due: RequestRefParams & { dueOn: string; daysLeft: number };
  overdue_escalation: RequestRefParams & { dueOn: string; daysOverdue?: number; assigneeName?: string };
  clerk_digest: { name?: string; date?: string; items: DigestItem[] };
  case_reminder: {
    caseNumber?: string;
    caseKind?: string;
    trackingNumber?: string;
    requestId?: string;
    dueOn: string;
    daysLeft?: number;
    /** A hearing reminder: local date and time ('YYYY-MM-DD HH:MM') and place. */
    hearingAt?: string;
    hearingPlace?: string;
    name?: string;
    link?: string;
  };
}

/** The parameters of one template. */
export type MailParams<T extends MailTemplate> = MailTemplateParams[T];

/** Parameters every template needs at render time; a row missing one fails at once (not retried). */
export const REQUIRED_PARAMS: { readonly [T in MailTemplate]: ReadonlyArray<keyof MailTemplateParams[T]> } = {
  verify_email: ['link'],
  password_reset: ['link'],
  request_acknowledged: ['trackingNumber', 'requestId', 'dueOn'],
  clarification_requested: ['trackingNumber', 'requestId'],
  extension_granted: ['trackingNumber', 'requestId', 'dueOn'],
  fee_notice: ['trackingNumber', 'requestId'],
  decision_made: ['trackingNumber', 'requestId'],
  request_withdrawn: ['trackingNumber', 'requestId'],
  request_reopened: ['trackingNumber', 'requestId', 'dueOn'],
  reminder_due: ['trackingNumber', 'requestId', 'dueOn', 'daysLeft'],
  overdue_escalation: ['trackingNumber', 'requestId', 'dueOn'],
  clerk_digest: ['items'],
  case_reminder: ['dueOn'],
};
