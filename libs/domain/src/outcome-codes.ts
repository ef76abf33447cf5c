/**
 * Outcome codes of a decided request: exactly the 21 outcome rows of table 2 of the Chinese annual report
 * (国办公开办函〔2021〕30号, see rules/cn-annual-report.md B.4), in report row order. US/UK agencies use the
 * same codes (a FOIA exemption maps to `withheld.*`, the exemption named in the reasons).
 */

/** The six row groups 三(一)…(六) of table 2. */
export const OUTCOME_GROUPS = [
  { code: 'disclosed', zh: '（一）予以公开', en: 'Disclosed' },
  { code: 'partially_disclosed', zh: '（二）部分公开', en: 'Partially disclosed' },
  { code: 'withheld', zh: '（三）不予公开', en: 'Withheld' },
  { code: 'unavailable', zh: '（四）无法提供', en: 'Cannot be provided' },
  { code: 'not_processed', zh: '（五）不予处理', en: 'Not processed' },
  { code: 'other', zh: '（六）其他处理', en: 'Other handling' },
] as const;

/** Group code of an outcome row. */
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]['code'];

/** One outcome row: stored code, exact report label (zh), English label and its group. */
export interface OutcomeDefinition {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly group: OutcomeGroup;
}

/** The 21 outcome rows, in report row order; `zh` is the exact row label of the 2021 format. */
// prettier-ignore
export const OUTCOME_CODES = [
  { code: 'disclosed', group: 'disclosed', zh: '（一）予以公开', en: 'Disclosed' },
  { code: 'partially_disclosed', group: 'partially_disclosed', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'Partially disclosed' },
  { code: 'withheld.state_secret', group: 'withheld', zh: '1.属于国家秘密', en: 'State secret' },
  { code: 'withheld.prohibited_by_law', group: 'withheld', zh: '2.其他法律行政法规禁止公开', en: 'Disclosure prohibited by other laws or regulations' },
  { code: 'withheld.security_stability', group: 'withheld', zh: '3.危及“三安全一稳定”', en: 'Would endanger national, public or economic security or social stability' },
  { code: 'withheld.third_party_rights', group: 'withheld', zh: '4.保护第三方合法权益', en: "Protects a third party's lawful rights" },
  { code: 'withheld.internal_affairs', group: 'withheld', zh: '5.属于三类内部事务信息', en: 'Internal affairs information' },
  { code: 'withheld.process_information', group: 'withheld', zh: '6.属于四类过程性信息', en: 'Process (deliberative) information' },
  { code: 'withheld.enforcement_files', group: 'withheld', zh: '7.属于行政执法案卷', en: 'Administrative enforcement case files' },
  { code: 'withheld.administrative_query', group: 'withheld', zh: '8.属于行政查询事项', en: 'Administrative query matter' },
  { code: 'unavailable.not_held', group: 'unavailable', zh: '1.本机关不掌握相关政府信息', en: 'Information not held by this agency' },
  { code: 'unavailable.would_need_creation', group: 'unavailable', zh: '2.没有现成信息需要另行制作', en: 'Information would have to be created' },
  { code: 'unavailable.unclear_after_clarification', group: 'unavailable', zh: '3.补正后申请内容仍不明确', en: 'Still unclear after clarification' },
  { code: 'not_processed.petition_complaint', group: 'not_processed', zh: '1.信访举报投诉类申请', en: 'Petition, report or complaint' },
  { code: 'not_processed.duplicate', group: 'not_processed', zh: '2.重复申请', en: 'Repeat request' },
  { code: 'not_processed.publication', group: 'not_processed', zh: '3.要求提供公开出版物', en: 'Request for published works' },
  { code: 'not_processed.excessive', group: 'not_processed', zh: '4.无正当理由大量反复申请', en: 'Unreasonable volume or frequency of requests' },
  { code: 'not_processed.confirm_existing', group: 'not_processed', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Asks the agency to confirm or re-issue information already obtained' },
  { code: 'other.clarification_lapsed', group: 'other', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'Clarification not supplied in time; request no longer processed' },
  { code: 'other.fee_unpaid', group: 'other', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Fee not paid in time; request no longer processed' },
  { code: 'other.other', group: 'other', zh: '3.其他', en: 'Other' },
] as const satisfies readonly OutcomeDefinition[];

/** A stored outcome code, e.g. `'withheld.state_secret'`. */
export type OutcomeCode = (typeof OUTCOME_CODES)[number]['code'];

const OUTCOME_BY_CODE: ReadonlyMap<string, OutcomeDefinition> = new Map(
  OUTCOME_CODES.map((o) => [o.code, o]),
);

/** Type guard: is `value` one of the 21 outcome codes? */
export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && OUTCOME_BY_CODE.has(value);
}

/** The definition (labels, group) of an outcome code. */
export function outcomeDefinition(code: OutcomeCode): OutcomeDefinition {
  return OUTCOME_BY_CODE.get(code) as OutcomeDefinition;
}

/** Outcome recorded when the applicant misses the 补正 deadline (Art. 30) — row 三(六)1. */
export const CLARIFICATION_LAPSED_OUTCOME: OutcomeCode = 'other.clarification_lapsed';
/** Outcome recorded when the fee is not paid in time — row 三(六)2. */
export const FEE_UNPAID_OUTCOME: OutcomeCode = 'other.fee_unpaid';
/** Outcome recorded for a request withdrawn by the applicant — row 三(六)3 (B.4 mapping). */
export const WITHDRAWN_OUTCOME: OutcomeCode = 'other.other';
