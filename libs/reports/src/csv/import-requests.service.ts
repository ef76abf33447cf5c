import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { computeDeadline, RuleSetId } from '@disclose/deadlines';
import { APPLICANT_DIRECTORY, ApplicantDirectory, ApplicantTypeCode } from '@disclose/identity';
import { appendEvent } from '@disclose/requests';
import { CsvProblem, readCsv } from './csv-file';
import { ImportOptions, ImportResult, problemsByLine } from './import-result';
import { REQUEST_CSV_COLUMNS, RequestImportRow, validateRequestRecord } from './request-rows';
import { UPSERT_REQUESTS_SQL } from './import.sql';

interface AgencyRow {
  id: string;
  code: string;
  rule_set: string;
  count_makeup_workdays: boolean;
}

/** The 2019 Regulation took effect on 2019-05-15; CN requests received before it run under the 2008 one. */
const CN_2019_IN_FORCE = '2019-05-15';
const BATCH = 500;

/**
 * `disclose import requests FILE.csv`: validates every line first, writes nothing from a file with
 * problems unless skipInvalid, computes each request's due date with the deadline engine, and upserts on
 * tracking_number so that importing the same file again changes nothing.
 */
@Injectable()
export class ImportRequestsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APPLICANT_DIRECTORY) private readonly applicants: ApplicantDirectory,
  ) {}

  async import(csv: string, options: ImportOptions = {}): Promise<ImportResult> {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const { records, problems, dataLines } = readCsv(csv, REQUEST_CSV_COLUMNS);
    const rows: RequestImportRow[] = [];
    const seen = new Map<string, number>();
    for (const rec of records) {
      const checked = validateRequestRecord(rec, today);
      problems.push(...checked.problems);
      if (!checked.row) continue;
      const first = seen.get(checked.row.trackingNumber);
      if (first !== undefined) {
        problems.push({
          line: rec.line,
          field: 'tracking_number',
          message: `tracking_number "${checked.row.trackingNumber}" already appears on line ${first}`,
        });
        continue;
      }
      seen.set(checked.row.trackingNumber, rec.line);
      rows.push(checked.row);
    }
    const agencies = await this.agencies([...new Set(rows.map((r) => r.agencyCode))]);
    const prepared = rows.flatMap((row) => {
      const agency = agencies.get(row.agencyCode);
      if (!agency) {
        problems.push({
          line: row.line,
          field: 'agency_code',
          message: `agency_code "${row.agencyCode}" is not a known agency`,
        });
        return [];
      }
      const ruleSet = agency.rule_set.startsWith('cn-')
        ? row.receivedOn < CN_2019_IN_FORCE
          ? 'cn-ogi-2008'
          : 'cn-ogi-2019'
        : agency.rule_set;
      try {
        const deadline = computeDeadline({
          ruleSet: ruleSet as RuleSetId,
          receivedOn: row.receivedOn,
          options: { countMakeupWorkdays: agency.count_makeup_workdays },
        });
        return [{ row, agency, ruleSet, dueOn: deadline.dueOn }];
      } catch (error) {
        problems.push({
          line: row.line,
          field: 'received_on',
          message: `received_on "${row.receivedOn}": no due date can be computed (${(error as Error).message})`,
        });
        return [];
      }
    });
    const base = {
      lines: dataLines,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problems: problemsByLine(problems),
    };
    if (problems.length > 0 && !options.skipInvalid) return { ...base, skipped: 0, refused: true };
    const skipped = base.lines - prepared.length;
    return this.db.transaction(async (tx) => {
      const importedAt = new Date();
      const placeholders = new Map<string, string>();
      let inserted = 0;
      let updated = 0;
      for (let i = 0; i < prepared.length; i += BATCH) {
        const batch = [];
        for (const p of prepared.slice(i, i + BATCH)) {
          const applicantId = await this.placeholder(tx, placeholders, p.agency.code, p.row.applicantType);
          batch.push({
            tracking_number: p.row.trackingNumber,
            agency_id: p.agency.id,
            applicant_id: applicantId,
            applicant_type: p.row.applicantType,
            channel: p.row.channel,
            received_on: p.row.receivedOn,
            rule_set: p.ruleSet,
            due_on: p.dueOn,
            outcome: p.row.outcome,
            closed_on: p.row.closedOn,
            status: p.row.closedOn ? 'closed' : 'received',
          });
        }
        const result = await tx.query<{ id: string; on: string; inserted: boolean }[]>(UPSERT_REQUESTS_SQL, [
          JSON.stringify(batch),
        ]);
        // Every request's audit chain starts with its filing; an imported one starts with its import.
        for (const row of result.filter((r) => r.inserted)) {
          await appendEvent(tx, null, {
            requestId: row.id,
            type: 'filed',
            actorId: null,
            occurredAt: importedAt,
            on: row.on,
            payload: { imported: true, source: 'csv' },
          });
        }
        inserted += result.filter((r) => r.inserted).length;
        updated += result.filter((r) => !r.inserted).length;
        options.onProgress?.(Math.min(i + BATCH, prepared.length), prepared.length);
      }
      return {
        ...base,
        inserted,
        updated,
        unchanged: prepared.length - inserted - updated,
        skipped,
        refused: false,
      };
    });
  }

  private async agencies(codes: string[]): Promise<Map<string, AgencyRow>> {
    const rows = await this.db.query<AgencyRow[]>(
      `SELECT id, upper(code::text) AS code, rule_set, count_makeup_workdays FROM agencies WHERE upper(code::text) = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** One placeholder applicant per agency and applicant type, found again by its email on re-import. */
  private async placeholder(
    tx: EntityManager,
    cache: Map<string, string>,
    agencyCode: string,
    type: string,
  ): Promise<string> {
    const key = `${agencyCode}/${type}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const { id } = await this.applicants.findOrCreateOfflineApplicant(tx, {
      name: `导入的申请人 (${type})`,
      applicantType: type as ApplicantTypeCode,
      email: `imported-${type.replace(/_/g, '-')}@${agencyCode.toLowerCase()}.import.invalid`,
    });
    cache.set(key, id);
    return id;
  }
}

export type { CsvProblem };
