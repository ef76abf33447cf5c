import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '@disclose/domain';
import { AnnualReportService, ReportStep } from '../annual/annual-report.service';
import { DojReportService } from '../us/doj-report.service';
import { renderDojReportXlsx } from '../us/doj-report.xlsx';
import { renderAnnualReportDocx } from './annual-report.docx';
import { renderAnnualReportHtml } from './annual-report.html';
import { renderAnnualReportXlsx } from './annual-report.xlsx';

export const ANNUAL_REPORT_FORMATS = ['json', 'html', 'docx', 'xlsx'] as const;
export type AnnualReportFormat = (typeof ANNUAL_REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<AnnualReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedReport {
  contentType: string;
  filename: string;
  /** JSON: the report object; html: a string; docx/xlsx: bytes. */
  body: unknown;
}

/**
 * One entry point for every transport (API, CLI): computes the report of the agency's jurisdiction — the
 * Chinese annual report, or the DOJ core tables for a us-foia agency — and renders it in `format`.
 */
@Injectable()
export class AnnualReportOutputService {
  constructor(
    private readonly db: DataSource,
    private readonly cn: AnnualReportService,
    private readonly us: DojReportService,
  ) {}

  async render(
    q: { agencyCode: string; year: number; subordinates: boolean; onProgress?: (step: ReportStep) => void },
    format: AnnualReportFormat,
  ): Promise<RenderedReport> {
    const found = await this.db.query<{ rule_set: string; code: string }[]>(
      `SELECT rule_set, code::text AS code FROM agencies WHERE code = $1`,
      [q.agencyCode],
    );
    if (!found[0]) throw new NotFoundError('AGENCY.NOT_FOUND', q.agencyCode);
    const filename = `annual-report-${found[0].code}-${q.year}.${format}`;
    const out = (body: unknown): RenderedReport => ({ contentType: CONTENT_TYPES[format], filename, body });
    if (found[0].rule_set === 'us-foia') {
      if (format !== 'json' && format !== 'xlsx')
        throw new ValidationError([{ field: 'format', code: 'us_report_is_json_or_xlsx' }]);
      q.onProgress?.('querying');
      const report = await this.us.compute(q.agencyCode, q.year, q.subordinates);
      q.onProgress?.('rendering');
      return out(format === 'json' ? report : await renderDojReportXlsx(report));
    }
    const report = await this.cn.compute(q);
    q.onProgress?.('rendering');
    if (format === 'json') return out(report);
    if (format === 'html') return out(renderAnnualReportHtml(report));
    return out(
      format === 'docx' ? await renderAnnualReportDocx(report) : await renderAnnualReportXlsx(report),
    );
  }
}
