import {
  APPLICANT_COLUMNS,
  OUTCOME_ROWS,
  REPORT_COLUMNS,
  REPORT_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  Table2,
  Table3,
} from './annual-report.types';

/**
 * The identities every annual report must satisfy (cn-annual-report.md B.4 "勾稽关系 and totals", B.5).
 * Returns one human-readable line per broken identity; empty when the tables add up.
 */
export function verifyTables(requests: Table2, reviews: Table3): string[] {
  const broken: string[] = [];
  for (const col of REPORT_COLUMNS) {
    const cell = (row: string): number => requests[row]?.[col] ?? 0;
    // 一 + 二 = 三(七) + 四, in every column (the caption of the left header cell).
    const inflow = cell('new_this_year') + cell('carried_from_last_year');
    const outflow = cell('total_processed') + cell('carried_to_next_year');
    if (inflow !== outflow) {
      broken.push(
        `${col}: new_this_year + carried_from_last_year = ${inflow} ≠ total_processed + carried_to_next_year = ${outflow}`,
      );
    }
    const sum21 = OUTCOME_ROWS.reduce((s, row) => s + cell(row), 0);
    if (sum21 !== cell('total_processed')) {
      broken.push(
        `${col}: total_processed = ${cell('total_processed')} ≠ sum of the 21 outcome rows = ${sum21}`,
      );
    }
  }
  for (const row of REPORT_ROWS) {
    const sum6 = APPLICANT_COLUMNS.reduce((s, col) => s + (requests[row]?.[col] ?? 0), 0);
    if (sum6 !== (requests[row]?.total ?? 0)) {
      broken.push(
        `${row}: total = ${requests[row]?.total ?? 0} ≠ sum of the six applicant columns = ${sum6}`,
      );
    }
  }
  for (const group of REVIEW_GROUPS) {
    const g = reviews[group] ?? {};
    const sum = REVIEW_COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + (g[c] ?? 0), 0);
    if (sum !== (g.total ?? 0))
      broken.push(`${group}: total = ${g.total ?? 0} ≠ upheld + corrected + other + pending = ${sum}`);
  }
  return broken;
}
