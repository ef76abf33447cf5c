/**
 * @disclose/reports — the statutory annual report (CN 国办公开办函〔2021〕30号 tables; US DOJ core tables),
 * dashboard statistics, and CSV import/export of requests and cases.
 */
export * from './annual/annual-report.types';
export { AnnualReportService } from './annual/annual-report.service';
export type { AnnualReportQuery, ReportStep } from './annual/annual-report.service';
export { ReportTextsService } from './annual/report-texts.service';
export type { StoredReportTexts } from './annual/report-texts.service';
export { ReportInconsistencyError } from './annual/report-inconsistency.error';
export { verifyTables } from './annual/annual-report.verify';
export { prefillSections, requestsSentence, reviewsSentence, feesSentence } from './annual/prefill';
export { TABLE1_LAYOUT, TABLE1_CELLS } from './render/annual-report.layout';
export { AnnualReportOutputService, ANNUAL_REPORT_FORMATS } from './render/annual-report-output.service';
export type { AnnualReportFormat, RenderedReport } from './render/annual-report-output.service';
export { renderAnnualReportHtml } from './render/annual-report.html';
export { renderAnnualReportDocx } from './render/annual-report.docx';
export { renderAnnualReportXlsx } from './render/annual-report.xlsx';
export { DojReportService } from './us/doj-report.service';
export { DOJ_DISPOSITIONS, DOJ_DISPOSITION_OF } from './us/doj-report';
export type { DojAnnualReport, DojDisposition } from './us/doj-report';
export { DOJ_TRACKS, DOJ_DAY_BANDS, type DojTrack, type DojDayBand } from './us/doj-tracks';
export { StatsService } from './stats/stats.service';
export type { DashboardStats, StatsFigures } from './stats/stats.service';
export { ExportService } from './csv/export.service';
export { ImportRequestsService } from './csv/import-requests.service';
export { ImportCasesService } from './csv/import-cases.service';
export { ReportsImportModule } from './csv/reports-import.module';
export type { ImportResult, ImportOptions } from './csv/import-result';
export { formatProblem, isCivilDate, readCsv, writeCsv } from './csv/csv-file';
export type { CsvProblem } from './csv/csv-file';
export { REQUEST_CSV_COLUMNS } from './csv/request-rows';
export { CASE_CSV_COLUMNS } from './csv/case-rows';
export { ReportsModule } from './reports.module';
export { Reports1764400600000 } from './migrations/1764400600000-Reports';
