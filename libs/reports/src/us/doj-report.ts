/**
 * The core tables of the US DOJ/OIP annual FOIA report (us.md E.7) over a fiscal year (1 October of
 * FY−1 to 30 September of FY): V.A, V.B(1), VII (all processed requests) and XII.A.
 */

/** V.B(1) categories, in the order of the DOJ template. */
export const DOJ_DISPOSITIONS = [
  'full_grants',
  'partial_grants_partial_denials',
  'full_denials_based_on_exemptions',
  'no_records',
  'all_records_referred',
  'request_withdrawn',
  'fee_related_reason',
  'records_not_reasonably_described',
  'improper_foia_request_other_reason',
  'not_agency_record',
  'duplicate_request',
  'other',
] as const;
export type DojDisposition = (typeof DOJ_DISPOSITIONS)[number];

/**
 * Outcome code → V.B(1) category. Disclosure and the nine withholding grounds map directly; the rest:
 * - unavailable.would_need_creation → not_agency_record (FOIA reaches existing records only);
 * - unavailable.unclear_after_clarification, other.clarification_lapsed → records_not_reasonably_described;
 * - not_processed.{petition_complaint, publication, excessive, confirm_existing} → improper_foia_request_other_reason;
 * - other.other → request_withdrawn when the request's status is 'withdrawn', else other (decided in SQL).
 */
export const DOJ_DISPOSITION_OF: Readonly<Record<string, DojDisposition>> = {
  disclosed: 'full_grants',
  partially_disclosed: 'partial_grants_partial_denials',
  'withheld.state_secret': 'full_denials_based_on_exemptions',
  'withheld.prohibited_by_law': 'full_denials_based_on_exemptions',
  'withheld.security_stability': 'full_denials_based_on_exemptions',
  'withheld.third_party_rights': 'full_denials_based_on_exemptions',
  'withheld.internal_affairs': 'full_denials_based_on_exemptions',
  'withheld.process_information': 'full_denials_based_on_exemptions',
  'withheld.enforcement_files': 'full_denials_based_on_exemptions',
  'withheld.administrative_query': 'full_denials_based_on_exemptions',
  'unavailable.not_held': 'no_records',
  'unavailable.would_need_creation': 'not_agency_record',
  'unavailable.unclear_after_clarification': 'records_not_reasonably_described',
  'not_processed.petition_complaint': 'improper_foia_request_other_reason',
  'not_processed.duplicate': 'duplicate_request',
  'not_processed.publication': 'improper_foia_request_other_reason',
  'not_processed.excessive': 'improper_foia_request_other_reason',
  'not_processed.confirm_existing': 'improper_foia_request_other_reason',
  'other.clarification_lapsed': 'records_not_reasonably_described',
  'other.fee_unpaid': 'fee_related_reason',
  'other.other': 'other',
};

export interface DojAnnualReport {
  fiscalYear: number;
  period: { from: string; to: string };
  agency: { code: string; nameEn: string | null; nameZh: string; included: string[] };
  /** V.A; identity: pendingStart + received − processed = pendingEnd (verified). */
  requests: { pendingStart: number; received: number; processed: number; pendingEnd: number };
  /** V.B(1). */
  dispositions: Record<DojDisposition, number> & { total: number };
  /**
   * VII.A for all processed requests. The request record has no simple/complex/expedited track, so one
   * "all" track is reported. Working days of the rule set's calendar (5 U.S.C. 6103 holidays).
   */
  responseTimes: {
    track: 'all';
    unit: 'working_days';
    median: number | null;
    average: number | null;
    lowest: number | null;
    highest: number | null;
  };
  /** XII.A: requests pending at the end of the year past their due date. */
  backlog: { backloggedRequests: number };
}
