import type { ApplicantTypeCode, Locale } from '@disclose/identity';

/** A filing as the applicant submits it online. */
export interface OnlineFilingInput {
  agencyCode: string;
  subject: string;
  description: string;
  deliveryMethod?: string;
}

/** A filing entered by staff from a letter, a visit, a fax or an email (cn.md A.2). */
export interface StaffFilingInput extends OnlineFilingInput {
  channel: string;
  /** The legal date of receipt, established by the office (Art. 31). */
  receivedOn: string;
  applicant: {
    name: string;
    applicantType: ApplicantTypeCode;
    email?: string;
    phone?: string;
    address?: string;
    locale?: Locale;
  };
}

export type FilingInput = OnlineFilingInput | Partial<StaffFilingInput>;

/** The answer to a filing (also replayed for a retried Idempotency-Key). */
export interface FilingResult {
  id: string;
  trackingNumber: string;
  status: string;
  receivedOn: string;
  dueOn: string | null;
  ruleSet: string;
  provisional: boolean;
  version: number;
  clarificationNoticeDueOn: string | null;
  /** Staff only (Art. 35 / 36(6)): an earlier, similar request by the same applicant. */
  repeatOf?: string | null;
  applicantMonthCount?: number;
}
