import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import {
  AnnualReport,
  APPLICANT_COLUMNS,
  emptyTable2,
  emptyTable3,
  fenToYuan,
  OnTimeFigures,
  ReportAgency,
  Table2,
  Table3,
} from './annual-report.types';
import { ANOMALIES_SQL, FEES_SQL, SCOPE_SQL, TABLE2_SQL, TABLE3_SQL } from './annual-report.sql';
import { verifyTables } from './annual-report.verify';
import { ReportInconsistencyError } from './report-inconsistency.error';
import { ReportTextsService } from './report-texts.service';
import { prefillSections } from './prefill';

export type ReportStep = 'querying' | 'verifying' | 'rendering';

export interface AnnualReportQuery {
  agencyCode: string;
  year: number;
  subordinates: boolean;
  onProgress?: (step: ReportStep) => void;
}

interface Table2Row {
  col: string;
  outcome: string | null;
  concluded_in_year: boolean | null;
  new_this_year: number;
  carried_from_last_year: number;
  total_processed: number;
  carried_to_next_year: number;
  answered: number;
  on_time: number;
}

const FLOW_ROWS = [
  'new_this_year',
  'carried_from_last_year',
  'total_processed',
  'carried_to_next_year',
] as const;

/**
 * The Chinese annual report (cn-annual-report.md B.4–B.6) of an agency and a year, aggregated in SQL and
 * verified before it is returned: a broken identity raises ReportInconsistencyError, never a wrong table.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly db: DataSource,
    private readonly texts: ReportTextsService,
  ) {}

  async compute(query: AnnualReportQuery): Promise<AnnualReport> {
    const { agency, ids } = await this.agency(query.agencyCode, query.subordinates);
    query.onProgress?.('querying');
    const params = [ids, `${query.year}-01-01`, `${query.year}-12-31`];
    const [t2rows, t3rows, feeRows, anomalies, stored] = await Promise.all([
      queryWithoutJit<Table2Row>(this.db, TABLE2_SQL, params),
      this.db.query<{ grp: string; col: string; n: number }[]>(TABLE3_SQL, params),
      this.db.query<{ notices: number; notices_fen: string; paid_fen: string }[]>(FEES_SQL, params),
      this.db.query<{ tracking_number: string }[]>(ANOMALIES_SQL, params),
      this.texts.get(agency.id, query.year),
    ]);
    query.onProgress?.('verifying');
    const { requests, onTime } = assembleTable2(t2rows);
    const reviews = assembleTable3(t3rows);
    const violations = verifyTables(requests, reviews);
    const offending = anomalies.map((a) => a.tracking_number);
    if (violations.length > 0 || offending.length > 0) {
      throw new ReportInconsistencyError(
        violations.length > 0 ? violations : ['requests with contradictory conclusion data'],
        offending,
      );
    }
    const fee = feeRows[0] ?? { notices: 0, notices_fen: '0', paid_fen: '0' };
    const fees = {
      noticesIssued: fee.notices,
      noticesAmountFen: Number(fee.notices_fen),
      paymentsReceivedFen: Number(fee.paid_fen),
      noticesAmountYuan: fenToYuan(Number(fee.notices_fen)),
      paymentsReceivedYuan: fenToYuan(Number(fee.paid_fen)),
    };
    const figures = {
      year: query.year,
      agency,
      requests,
      reviews,
      fees,
      onTime,
      table1: stored?.table1 ?? {},
    };
    return { ...figures, sections: prefillSections(figures, stored?.sections ?? {}) };
  }

  private async agency(
    code: string,
    subordinates: boolean,
  ): Promise<{ agency: ReportAgency; ids: string[] }> {
    const rows = await this.db.query<
      {
        id: string;
        code: string;
        name_zh: string;
        name_en: string | null;
        rule_set: string;
        ids: string[];
        included: string[];
      }[]
    >(SCOPE_SQL, [code, subordinates]);
    const row = rows[0];
    if (!row) throw new NotFoundError('AGENCY.NOT_FOUND', code);
    const agency = {
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      ruleSet: row.rule_set,
      subordinates,
      included: row.included,
    };
    return { agency, ids: row.ids };
  }
}

/**
 * Runs a report aggregate with PostgreSQL's JIT off: on a national year the plan's cost crosses the JIT
 * thresholds and compiling the many FILTER expressions (in every parallel worker) took longer than the scan
 * itself (bench/report.bench.ts). SET LOCAL keeps the setting inside this one transaction.
 */
export async function queryWithoutJit<T>(db: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  return db.transaction(async (m) => {
    await m.query('SET LOCAL jit = off');
    return m.query<T[]>(sql, params);
  });
}

/** Folds the grouped rows of TABLE2_SQL into table 2 (the total column summed here) and the on-time figures. */
export function assembleTable2(rows: readonly Table2Row[]): { requests: Table2; onTime: OnTimeFigures } {
  const requests = emptyTable2();
  let answered = 0;
  let onTime = 0;
  for (const r of rows) {
    for (const flow of FLOW_ROWS) requests[flow][r.col] += r[flow];
    // Concluded without an outcome: no outcome row, so total_processed exceeds Σ21 and verification fails.
    if (r.concluded_in_year && r.outcome !== null && requests[r.outcome]) {
      requests[r.outcome][r.col] += r.total_processed;
    }
    answered += r.answered;
    onTime += r.on_time;
  }
  for (const row of Object.values(requests))
    row.total = APPLICANT_COLUMNS.reduce((sum, c) => sum + row[c], 0);
  const rate = answered === 0 ? null : Math.round((onTime / answered) * 10_000) / 10_000;
  return { requests, onTime: { answered, onTime, late: answered - onTime, rate } };
}

/** Folds TABLE3_SQL rows into table 3 with each group's total. */
export function assembleTable3(rows: readonly { grp: string; col: string; n: number }[]): Table3 {
  const reviews = emptyTable3();
  for (const r of rows) {
    reviews[r.grp][r.col] += r.n;
    reviews[r.grp].total += r.n;
  }
  return reviews;
}
