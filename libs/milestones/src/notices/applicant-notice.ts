import type { MailLocale, MailTemplate, OutboxEmail } from '@disclose/mail';
import type { ApplicantNoticeKind, RequestMilestoneSnapshot } from '../contract';

/** The template of each applicant notice (issue 5 point 1: the applicant hears of every step). */
export const NOTICE_TEMPLATES: Readonly<Record<ApplicantNoticeKind, MailTemplate>> = {
  acknowledged: 'request_acknowledged',
  clarification_requested: 'clarification_requested',
  extension_granted: 'extension_granted',
  fee_notice: 'fee_notice',
  decision_made: 'decision_made',
  withdrawn: 'request_withdrawn',
  reopened: 'request_reopened',
};

export const toMailLocale = (locale: string | null | undefined): MailLocale =>
  locale === 'en' ? 'en' : 'zh-CN';

export const requestLink = (publicUrl: string, requestId: string): string =>
  `${publicUrl}/requests/${requestId}`;

/**
 * The outbox row of one applicant notice. Deduplicated by the event id, so the caller retrying a
 * transaction (or calling twice for one event) sends one email. The caller's params win over defaults.
 */
export function noticeEmail(
  snapshot: RequestMilestoneSnapshot,
  kind: ApplicantNoticeKind,
  eventId: string,
  params: Record<string, unknown>,
  applicant: { email: string | null; locale: string; name: string },
  publicUrl: string,
): OutboxEmail {
  const dueOn = snapshot.dueOn ?? snapshot.clarificationReplyBy ?? snapshot.feePaymentDueOn;
  return {
    dedupeKey: `notice:${eventId}`,
    to: applicant.email!,
    locale: toMailLocale(applicant.locale),
    template: NOTICE_TEMPLATES[kind],
    params: {
      trackingNumber: snapshot.trackingNumber,
      requestId: snapshot.requestId,
      name: applicant.name,
      link: requestLink(publicUrl, snapshot.requestId),
      ...(dueOn ? { dueOn } : {}),
      ...params,
    },
    requestId: snapshot.requestId,
    recipientUserId: snapshot.applicantId,
  };
}
