/**
 * Dispositions of legal cases (reconsideration, litigation, US appeal, UK internal review) and how each
 * counts in table 3 of the Chinese annual report (rules/cn-annual-report.md B.5). The B.5 mapping is itself
 * an implementation proposal [I]; confirm it against local guidance.
 */

/** Table 3 leaf columns a decided case can fall in (`pending` is for undecided cases). */
export type CaseReportColumn = 'upheld' | 'corrected' | 'other';

/** One disposition: stored code, labels, B.5 column and whether it sends the request back to the agency. */
export interface CaseDispositionDefinition {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Which legal system uses it: Chinese 复议/诉讼, or US appeal / UK internal review. */
  readonly jurisdiction: 'cn' | 'us_uk';
  readonly reportColumn: CaseReportColumn;
  /** True when the agency must answer the request again (the request is reopened). */
  readonly reopensRequest: boolean;
}

/** All dispositions; Chinese ones cite 行政复议法 (2023) / 行政诉讼法. */
// prettier-ignore
export const CASE_DISPOSITIONS = [
  { code: 'upheld', zh: '维持', en: 'Upheld', jurisdiction: 'cn', reportColumn: 'upheld', reopensRequest: false }, // 复议法 Art. 68
  { code: 'claim_rejected', zh: '驳回', en: 'Claim rejected', jurisdiction: 'cn', reportColumn: 'upheld', reopensRequest: false }, // Art. 69; 诉讼法 Art. 69
  { code: 'varied', zh: '变更', en: 'Varied', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: false }, // Art. 63
  { code: 'revoked', zh: '撤销', en: 'Revoked', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: false }, // Art. 64
  { code: 'revoked_re_reply', zh: '撤销并责令重新答复', en: 'Revoked, new reply ordered', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: true }, // Art. 64
  { code: 'confirmed_unlawful', zh: '确认违法', en: 'Confirmed unlawful', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: false }, // Art. 65
  { code: 'ordered_to_perform', zh: '责令履行', en: 'Ordered to perform', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: true }, // Art. 66
  { code: 'confirmed_void', zh: '确认无效', en: 'Confirmed void', jurisdiction: 'cn', reportColumn: 'corrected', reopensRequest: false }, // Art. 67
  { code: 'not_accepted', zh: '不予受理', en: 'Not accepted', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false },
  { code: 'terminated', zh: '终止', en: 'Terminated', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false }, // Art. 41
  { code: 'withdrawn', zh: '撤回/撤诉', en: 'Withdrawn', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false },
  { code: 'mediated', zh: '调解', en: 'Mediated', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false }, // Art. 73
  { code: 'settled', zh: '和解', en: 'Settled', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false }, // Art. 74
  { code: 'suit_dismissed', zh: '驳回起诉', en: 'Suit dismissed (procedural)', jurisdiction: 'cn', reportColumn: 'other', reopensRequest: false },
  { code: 'affirmed', zh: '维持原决定', en: 'Affirmed', jurisdiction: 'us_uk', reportColumn: 'upheld', reopensRequest: false },
  { code: 'partly_reversed', zh: '部分撤销', en: 'Partly reversed', jurisdiction: 'us_uk', reportColumn: 'corrected', reopensRequest: true },
  { code: 'reversed', zh: '撤销原决定', en: 'Reversed', jurisdiction: 'us_uk', reportColumn: 'corrected', reopensRequest: true },
  { code: 'closed_other', zh: '其他方式结案', en: 'Closed otherwise', jurisdiction: 'us_uk', reportColumn: 'other', reopensRequest: false },
] as const satisfies readonly CaseDispositionDefinition[];

/** A stored case disposition code. */
export type CaseDisposition = (typeof CASE_DISPOSITIONS)[number]['code'];

const BY_CODE: ReadonlyMap<string, CaseDispositionDefinition> = new Map(
  CASE_DISPOSITIONS.map((d) => [d.code, d]),
);

/** Type guard for case disposition codes. */
export function isCaseDisposition(value: unknown): value is CaseDisposition {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The table 3 column (B.5) a disposition counts in. */
export function caseReportColumn(disposition: CaseDisposition): CaseReportColumn {
  return (BY_CODE.get(disposition) as CaseDispositionDefinition).reportColumn;
}

/** Whether a disposition sends the request back to the agency (责令履行, 撤销 with re-reply, US/UK reversal). */
export function reopensRequest(disposition: CaseDisposition): boolean {
  return (BY_CODE.get(disposition) as CaseDispositionDefinition).reopensRequest;
}
