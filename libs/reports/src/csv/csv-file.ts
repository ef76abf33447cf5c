import { parse } from 'csv-parse/sync';

/** One data record of a CSV file, with the (1-based) line it ends on, for error messages. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** A problem with one field of one line: `line 7: received_on "2025-13-01" is not a date`. */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

export const formatProblem = (p: CsvProblem): string => `line ${p.line}: ${p.message}`;

/**
 * Parses a CSV file (RFC 4180 quoting, a UTF-8 BOM, CRLF or LF) whose header must hold exactly
 * `columns` (in any order). Spreadsheet exports often pad cells with spaces: values are trimmed.
 */
export function readCsv(
  text: string,
  columns: readonly string[],
): { records: CsvRecord[]; problems: CsvProblem[]; dataLines: number } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return {
      records: [],
      dataLines: 0,
      problems: [{ line: e.lines ?? 1, field: '', message: `not a valid CSV file (${e.message})` }],
    };
  }
  if (rows.length === 0)
    return {
      records: [],
      dataLines: 0,
      problems: [{ line: 1, field: '', message: 'the file is empty (no header line)' }],
    };
  const header = rows[0].record.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  const extra = header.filter((h) => !columns.includes(h));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length ? `missing column(s) ${missing.join(', ')}` : '',
      extra.length ? `unknown column(s) ${extra.join(', ')}` : '',
    ].filter(Boolean);
    return {
      records: [],
      dataLines: rows.length - 1,
      problems: [
        {
          line: rows[0].info.lines,
          field: '',
          message: `header: ${parts.join('; ')} (expected ${columns.join(',')})`,
        },
      ],
    };
  }
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  for (const row of rows.slice(1)) {
    if (row.record.length !== header.length) {
      problems.push({
        line: row.info.lines,
        field: '',
        message: `has ${row.record.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    records.push({
      line: row.info.lines,
      values: Object.fromEntries(header.map((h, i) => [h, row.record[i].trim()])),
    });
  }
  return { records, problems, dataLines: rows.length - 1 };
}

/** A real calendar date written YYYY-MM-DD. */
export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document (UTF-8 BOM so spreadsheet programs read Chinese correctly, CRLF line ends). */
export function writeCsv(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return `\ufeff${[columns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
