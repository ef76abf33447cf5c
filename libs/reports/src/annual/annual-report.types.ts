/**
 * The shape of the Chinese annual report (国办公开办函〔2021〕30号; rules/cn-annual-report.md B.4–B.6):
 * row and column codes of table 2, groups and columns of table 3, and the report object every output
 * (JSON, HTML, DOCX, XLSX) is rendered from.
 */
import { APPLICANT_TYPES, OUTCOME_CODES } from '@disclose/domain';

/** Columns of table 2: the six applicant types, then 总计 (B.4 "Columns"). */
export const REPORT_COLUMNS = [...APPLICANT_TYPES.map((a) => a.code), 'total'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export const APPLICANT_COLUMNS = APPLICANT_TYPES.map((a) => a.code);

/** The 21 outcome rows, in report order. */
export const OUTCOME_ROWS: readonly string[] = OUTCOME_CODES.map((o) => o.code);

/** Rows of table 2, in order: 一, 二, the 21 outcome rows of 三, 三(七), 四 (B.4 "Rows"). */
export const REPORT_ROWS: readonly string[] = [
  'new_this_year',
  'carried_from_last_year',
  ...OUTCOME_ROWS,
  'total_processed',
  'carried_to_next_year',
];

/** Groups of table 3 (B.5), in column order. */
export const REVIEW_GROUPS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
/** Leaf columns of each group of table 3 (B.5). */
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** Outcomes that end a request without a reply of the agency (the applicant's inaction, B.4 三(六)1–2). */
export const NOT_ANSWERED_OUTCOMES = ['other.clarification_lapsed', 'other.fee_unpaid'] as const;

export type Table2 = Record<string, Record<string, number>>;
export type Table3 = Record<string, Record<string, number>>;

/** Section 六: 信息处理费 (B.2 item 6; amounts in fen and in yuan for display). */
export interface FeeFigures {
  noticesIssued: number;
  noticesAmountFen: number;
  paymentsReceivedFen: number;
  noticesAmountYuan: string;
  paymentsReceivedYuan: string;
}

/** Requests concluded in the year with a reply, and how many by their due date (incl. extensions). */
export interface OnTimeFigures {
  answered: number;
  onTime: number;
  late: number;
  /** onTime / answered, 0..1, rounded to 4 places; null when nothing was answered. */
  rate: number | null;
}

/** Table 1 (B.3, 2021 layout), entered by staff: block → row → column → figure. */
export type Table1 = Record<string, Record<string, number | null>>;

/** The text sections of the report, entered by staff; the requests/reviews texts are prefilled. */
export interface ReportSections {
  overview?: string;
  proactive?: string;
  requests?: string;
  reviews?: string;
  problems?: string;
  other?: string;
}

export interface ReportAgency {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  ruleSet: string;
  subordinates: boolean;
  /** Codes of the agencies whose data is included (the agency and, with subordinates, those below it). */
  included: string[];
}

/** The computed annual report: the object behind every output format. */
export interface AnnualReport {
  year: number;
  agency: ReportAgency;
  requests: Table2;
  reviews: Table3;
  fees: FeeFigures;
  onTime: OnTimeFigures;
  table1: Table1;
  sections: ReportSections;
}

/** Blank table 2 (every cell 0). */
export function emptyTable2(): Table2 {
  return Object.fromEntries(
    REPORT_ROWS.map((r) => [r, Object.fromEntries(REPORT_COLUMNS.map((c) => [c, 0]))]),
  );
}

/** Blank table 3 (every cell 0). */
export function emptyTable3(): Table3 {
  return Object.fromEntries(
    REVIEW_GROUPS.map((g) => [g, Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, 0]))]),
  );
}

/** Fen → '12.34' (yuan), exact (integer arithmetic). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
