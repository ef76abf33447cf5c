import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseImportRow, CASE_CSV_COLUMNS, validateCaseRecord } from './case-rows';
import { readCsv } from './csv-file';
import { ImportOptions, ImportResult, problemsByLine } from './import-result';

/**
 * The CSV carries only the table 3 column (upheld / corrected / other); the disposition the cases table
 * also requires is the plainest one of that column (cn-annual-report.md B.5 mapping; DOJ VI.B for US/UK).
 */
const DISPOSITION: Record<'cn' | 'us_uk', Record<string, string>> = {
  cn: { upheld: 'upheld', corrected: 'revoked', other: 'terminated' },
  us_uk: { upheld: 'affirmed', corrected: 'reversed', other: 'closed_other' },
};
const jurisdiction = (kind: string): 'cn' | 'us_uk' =>
  kind === 'us_appeal' || kind === 'internal_review' ? 'us_uk' : 'cn';

/**
 * `disclose import cases FILE.csv`: validated like the requests import; a case is identified by (request,
 * kind, filed_on), so re-importing the same file changes nothing. A lawsuit after reconsideration is
 * attached to the latest reconsideration of the same request filed on or before it (in the database or
 * earlier in the file).
 */
@Injectable()
export class ImportCasesService {
  constructor(private readonly db: DataSource) {}

  async import(csv: string, options: ImportOptions = {}): Promise<ImportResult> {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const { records, problems, dataLines } = readCsv(csv, CASE_CSV_COLUMNS);
    const rows: CaseImportRow[] = [];
    for (const rec of records) {
      const checked = validateCaseRecord(rec, today);
      problems.push(...checked.problems);
      if (checked.row) rows.push(checked.row);
    }
    const requests = new Map(
      (
        await this.db.query<{ id: string; agency_id: string; tracking_number: string }[]>(
          `SELECT id, agency_id, tracking_number FROM requests WHERE tracking_number = ANY($1::text[])`,
          [[...new Set(rows.map((r) => r.trackingNumber))]],
        )
      ).map((r) => [r.tracking_number, r]),
    );
    const existingReconsiderations = await this.db.query<{ request_id: string; filed_on: string }[]>(
      `SELECT request_id, filed_on::text AS filed_on FROM cases WHERE kind = 'reconsideration' AND request_id = ANY($1::uuid[])`,
      [[...requests.values()].map((r) => r.id)],
    );
    const valid = rows.filter((row, i) => {
      const request = requests.get(row.trackingNumber);
      if (!request) {
        problems.push({
          line: row.line,
          field: 'request_tracking_number',
          message: `request_tracking_number "${row.trackingNumber}" is not a known request`,
        });
        return false;
      }
      if (row.kind !== 'litigation_after_reconsideration') return true;
      const earlier = (r: { filedOn: string; kind: string; trackingNumber: string }): boolean =>
        r.kind === 'reconsideration' && r.trackingNumber === row.trackingNumber && r.filedOn <= row.filedOn;
      const found =
        existingReconsiderations.some((c) => c.request_id === request.id && c.filed_on <= row.filedOn) ||
        rows.slice(0, i).some(earlier);
      if (!found) {
        problems.push({
          line: row.line,
          field: 'kind',
          message: `kind "litigation_after_reconsideration" needs a reconsideration of request ${row.trackingNumber} filed on or before ${row.filedOn}`,
        });
      }
      return found;
    });
    const base = {
      lines: dataLines,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problems: problemsByLine(problems),
    };
    if (problems.length > 0 && !options.skipInvalid) return { ...base, skipped: 0, refused: true };
    return this.db.transaction(async (tx) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const [i, row] of valid.entries()) {
        const request = requests.get(row.trackingNumber) as { id: string; agency_id: string };
        const disposition = row.outcome ? DISPOSITION[jurisdiction(row.kind)][row.outcome] : null;
        const parent =
          row.kind === 'litigation_after_reconsideration'
            ? ((
                await tx.query<{ id: string }[]>(
                  `SELECT id FROM cases WHERE request_id = $1 AND kind = 'reconsideration' AND filed_on <= $2 ORDER BY filed_on DESC LIMIT 1`,
                  [request.id, row.filedOn],
                )
              )[0]?.id ?? null)
            : null;
        const existing = await tx.query<{ id: string; outcome: string | null; decided_on: string | null }[]>(
          `SELECT id, outcome, decided_on::text AS decided_on FROM cases WHERE request_id = $1 AND kind = $2 AND filed_on = $3 LIMIT 1`,
          [request.id, row.kind, row.filedOn],
        );
        if (!existing[0]) {
          await tx.query(
            `INSERT INTO cases (request_id, agency_id, kind, parent_case_id, filed_on, disposition, outcome, decided_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              request.id,
              request.agency_id,
              row.kind,
              parent,
              row.filedOn,
              disposition,
              row.outcome,
              row.closedOn,
            ],
          );
          counts.inserted++;
        } else if (existing[0].outcome !== row.outcome || existing[0].decided_on !== row.closedOn) {
          await tx.query(
            `UPDATE cases SET outcome = $2, decided_on = $3, disposition = $4, version = version + 1, updated_at = now() WHERE id = $1`,
            [existing[0].id, row.outcome, row.closedOn, disposition],
          );
          counts.updated++;
        } else counts.unchanged++;
        options.onProgress?.(i + 1, valid.length);
      }
      return { ...base, ...counts, skipped: dataLines - valid.length, refused: false };
    });
  }
}
