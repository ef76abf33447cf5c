import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual/annual-report.service';
import { ReportTextsService } from './annual/report-texts.service';
import { ExportService } from './csv/export.service';
import { AnnualReportOutputService } from './render/annual-report-output.service';
import { StatsService } from './stats/stats.service';
import { DojReportService } from './us/doj-report.service';

const SERVICES = [
  AnnualReportService,
  ReportTextsService,
  AnnualReportOutputService,
  DojReportService,
  StatsService,
  ExportService,
];

/** Annual reports, statistics and export. Needs the TypeORM data source (DatabaseModule) of the app. */
@Module({ providers: SERVICES, exports: SERVICES })
export class ReportsModule {}
