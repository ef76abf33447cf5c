import type { DojDayBand, DojPending, DojTimes, DojTrack } from './doj-tracks';

/**
 * The core tables of the US DOJ/OIP annual FOIA report (us.md E.7) over a fiscal year (1 October of
 * FY−1 to 30 September of FY): V.A, V.B(1), VII.A–E (by simple / complex / expedited track) and XII.A.
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
   * VII.A: response times of all processed requests by track (median, average, lowest, highest). Working
   * days of each request's rule set calendar (5 U.S.C. 6103 holidays) with its agency's calendar
   * overrides, as its due date was computed: from the day of receipt to the decision (the closing day when
   * no decision is recorded). A request without a track set by staff counts as simple.
   */
  responseTimes: { unit: 'working_days' } & Record<DojTrack, DojTimes>;
  /** VII.B: the same for the requests where information was granted (full and partial grants). */
  grantedResponseTimes: { unit: 'working_days' } & Record<DojTrack, DojTimes>;
  /** VII.C: the number of processed requests in each day band, by track. */
  responseTimeBands: { unit: 'working_days' } & Record<DojTrack, Record<DojDayBand, number>>;
  /**
   * VII.D: requests pending at the end of the fiscal year by track, with the median and average days
   * pending (working days after receipt up to and including 30 September). The request record has no
   * perfection date: every pending request is counted.
   */
  pendingByTrack: { unit: 'working_days' } & Record<DojTrack, DojPending>;
  /** VII.E: the 10 oldest requests pending at the end of the fiscal year, oldest first. */
  oldestPending: { trackingNumber: string; agency: string; receivedOn: string; daysPending: number }[];
  /** XII.A: requests pending at the end of the year past their due date. */
  backlog: { backloggedRequests: number };
}
