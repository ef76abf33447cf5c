import { CsvProblem } from './csv-file';

/** What an import did: counts, and every problem found (nothing is written when `refused`). */
export interface ImportResult {
  /** Data lines in the file. */
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines left out because of their problems (--skip-invalid). */
  skipped: number;
  /** True when the file had problems and --skip-invalid was not given: nothing was written. */
  refused: boolean;
  problems: CsvProblem[];
}

export interface ImportOptions {
  skipInvalid?: boolean;
  /** Called after each batch: rows done of rows to write. */
  onProgress?: (done: number, total: number) => void;
  /** 'YYYY-MM-DD' of today (dates after it are refused); injected so tests do not read the clock. */
  today?: string;
}

export function problemsByLine(problems: readonly CsvProblem[]): CsvProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}
