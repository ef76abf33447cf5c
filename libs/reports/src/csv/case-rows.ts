import { CASE_KINDS, isCaseKind } from '@disclose/domain';
import { CsvProblem, CsvRecord, isCivilDate } from './csv-file';

/** Columns of the cases CSV (issue 7 item 4). */
export const CASE_CSV_COLUMNS = [
  'request_tracking_number',
  'kind',
  'filed_on',
  'outcome',
  'closed_on',
] as const;
export const CASE_OUTCOMES = ['upheld', 'corrected', 'other'] as const;

export interface CaseImportRow {
  line: number;
  trackingNumber: string;
  kind: string;
  filedOn: string;
  outcome: string | null;
  closedOn: string | null;
}

export function validateCaseRecord(
  rec: CsvRecord,
  today: string,
): { row?: CaseImportRow; problems: CsvProblem[] } {
  const v = rec.values;
  const problems: CsvProblem[] = [];
  const bad = (field: string, message: string): void =>
    void problems.push({ line: rec.line, field, message: `${field} ${JSON.stringify(v[field])} ${message}` });
  if (v.request_tracking_number === '') bad('request_tracking_number', 'is empty');
  if (!isCaseKind(v.kind)) bad('kind', `is not one of ${CASE_KINDS.join(', ')}`);
  if (!isCivilDate(v.filed_on)) bad('filed_on', 'is not a date (YYYY-MM-DD)');
  else if (v.filed_on > today) bad('filed_on', 'is in the future');
  if (v.outcome !== '' && !(CASE_OUTCOMES as readonly string[]).includes(v.outcome))
    bad('outcome', 'is not one of upheld, corrected, other');
  if (v.closed_on !== '' && !isCivilDate(v.closed_on)) bad('closed_on', 'is not a date (YYYY-MM-DD)');
  else if (v.closed_on !== '' && isCivilDate(v.filed_on) && v.closed_on < v.filed_on)
    bad('closed_on', `is before filed_on ${v.filed_on}`);
  if ((v.outcome === '') !== (v.closed_on === '')) {
    problems.push({
      line: rec.line,
      field: v.outcome === '' ? 'outcome' : 'closed_on',
      message: 'outcome and closed_on go together: both empty while pending, both set once decided',
    });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    row: {
      line: rec.line,
      trackingNumber: v.request_tracking_number,
      kind: v.kind,
      filedOn: v.filed_on,
      outcome: v.outcome || null,
      closedOn: v.closed_on || null,
    },
  };
}
