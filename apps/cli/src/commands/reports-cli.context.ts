import { DataSource } from 'typeorm';
import { AppConfig } from '@disclose/config';
import { createDataSource } from '@disclose/database';
import { AgenciesService, UsersService } from '@disclose/identity';
import {
  AnnualReportOutputService,
  AnnualReportService,
  DojReportService,
  ExportService,
  ImportCasesService,
  ImportRequestsService,
  ReportTextsService,
} from '@disclose/reports';

/** The report, import and export services over one data source, for the lifetime of one command. */
export interface ReportsCli {
  output: AnnualReportOutputService;
  importRequests: ImportRequestsService;
  importCases: ImportCasesService;
  exports: ExportService;
}

export async function withReports<T>(
  config: AppConfig,
  fn: (services: ReportsCli) => Promise<T>,
): Promise<T> {
  const db: DataSource = createDataSource(config, 'disclose-reports-cli');
  await db.initialize();
  try {
    const annual = new AnnualReportService(db, new ReportTextsService(db));
    return await fn({
      output: new AnnualReportOutputService(db, annual, new DojReportService(db)),
      importRequests: new ImportRequestsService(db, new UsersService(db, new AgenciesService(db))),
      importCases: new ImportCasesService(db),
      exports: new ExportService(db),
    });
  } finally {
    await db.destroy();
  }
}

/** A progress bar on stderr (redrawn in place on a terminal, one line per step otherwise). */
export function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  return (done, total) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * 30);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(share * 100)}% ${done}/${total}`;
    process.stderr.write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}
