import { ValidationError } from '@disclose/domain';
import type { AgencyInfo } from '@disclose/identity';
import { localDateTime } from '../lifecycle/receipt-date';
import type { RequestRow } from '../lifecycle/request-row';
import type { FilingInput, FilingResult, StaffFilingInput } from './filing.types';

const STAFF_FIELDS = ['channel', 'receivedOn', 'applicant'] as const;

/** An applicant files online: the receipt date is the system's to establish, not the applicant's. */
export function checkApplicantInput(input: FilingInput): void {
  const s = input as Partial<StaffFilingInput>;
  const extra = STAFF_FIELDS.filter((f) => s[f] !== undefined);
  if (extra.length) throw new ValidationError(extra.map((field) => ({ field, code: 'staff_only' })));
}

/** Staff enter paper requests for agencies they see, with the channel, receipt date (not in the future) and applicant. */
export function checkStaffInput(visible: readonly string[], agency: AgencyInfo, input: FilingInput): void {
  if (!visible.includes(agency.id))
    throw new ValidationError([{ field: 'agencyCode', code: 'unknown_agency' }]);
  const s = input as Partial<StaffFilingInput>;
  const missing = STAFF_FIELDS.filter((f) => s[f] === undefined);
  if (missing.length)
    throw new ValidationError(missing.map((field) => ({ field, code: 'required_for_staff' })));
  if (s.receivedOn! > localDateTime(new Date(), agency.timezone).date) {
    throw new ValidationError([{ field: 'receivedOn', code: 'must_not_be_in_the_future' }]);
  }
}

/** The filing's answer; staff also see the repeat flag and the applicant's count this month. */
export function filingResult(row: RequestRow, staff: boolean): FilingResult {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    status: row.status,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    ruleSet: row.rule_set,
    provisional: row.provisional,
    version: row.version,
    clarificationNoticeDueOn: row.clarification_notice_due_on,
    ...(staff ? { repeatOf: row.repeat_of, applicantMonthCount: row.applicant_month_count } : {}),
  };
}
