import type { MailTemplate } from '../contract';

/** Every template of the contract, as a runtime list (the compiler checks it stays complete). */
const NAMES: Record<MailTemplate, true> = {
  verify_email: true,
  password_reset: true,
  request_acknowledged: true,
  clarification_requested: true,
  extension_granted: true,
  fee_notice: true,
  decision_made: true,
  request_withdrawn: true,
  request_reopened: true,
  reminder_due: true,
  overdue_escalation: true,
  clerk_digest: true,
  case_reminder: true,
};

export const MAIL_TEMPLATES = Object.keys(NAMES) as MailTemplate[];

export function isMailTemplate(value: unknown): value is MailTemplate {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NAMES, value);
}
