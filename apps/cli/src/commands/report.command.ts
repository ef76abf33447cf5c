import { Inject } from '@nestjs/common';
import { writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { ANNUAL_REPORT_FORMATS, AnnualReportFormat } from '@disclose/reports';
import { withReports } from './reports-cli.context';

interface AnnualOptions {
  agency?: string;
  year?: number;
  subordinates?: boolean;
  format?: string;
  out?: string;
}

const STEPS = { querying: '1/3 querying', verifying: '2/3 verifying', rendering: '3/3 rendering' } as const;

/** `disclose report annual --agency PLGT --year 2025 [--subordinates] --format json|docx|xlsx|html --out FILE`. */
@SubCommand({
  name: 'annual',
  description: 'The annual report of an agency and year (CN tables; DOJ core tables for us-foia)',
})
export class ReportAnnualCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_params: string[], o: AnnualOptions = {}): Promise<void> {
    const format = (o.format ?? 'json') as AnnualReportFormat;
    const problems = [
      !o.agency ? '--agency is required' : '',
      !o.year || !Number.isInteger(o.year) || o.year < 2000 || o.year > 2200
        ? '--year must be a year such as 2025'
        : '',
      !ANNUAL_REPORT_FORMATS.includes(format)
        ? `--format must be one of ${ANNUAL_REPORT_FORMATS.join(', ')}`
        : '',
      format !== 'json' && format !== 'html' && !o.out ? `--out FILE is required for ${format}` : '',
    ].filter(Boolean);
    if (problems.length > 0) {
      process.stderr.write(`disclose: report annual: ${problems.join('; ')}\n`);
      process.exitCode = 2;
      return;
    }
    const rendered = await withReports(this.config, (s) =>
      s.output.render(
        {
          agencyCode: o.agency as string,
          year: o.year as number,
          subordinates: o.subordinates === true,
          onProgress: (step) => process.stderr.write(`${STEPS[step]}\n`),
        },
        format,
      ),
    );
    const body =
      format === 'json' ? `${JSON.stringify(rendered.body, null, 2)}\n` : (rendered.body as string | Buffer);
    if (o.out) {
      await writeFile(o.out, body);
      process.stderr.write(`wrote ${o.out}\n`);
    } else process.stdout.write(body);
  }

  @Option({ flags: '--agency <code>', description: 'agency code, e.g. PLGT' })
  parseAgency(v: string): string {
    return v;
  }

  @Option({ flags: '--year <yyyy>', description: 'calendar year (CN) or fiscal year (us-foia)' })
  parseYear(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--subordinates', description: 'include the agencies below this one' })
  parseSubordinates(): boolean {
    return true;
  }

  @Option({ flags: '--format <format>', description: 'json (default), html, docx or xlsx' })
  parseFormat(v: string): string {
    return v;
  }

  @Option({ flags: '--out <file>', description: 'write to FILE (default: stdout for json and html)' })
  parseOut(v: string): string {
    return v;
  }
}

/** `disclose report <subcommand>`. */
@Command({ name: 'report', description: 'Statutory reports', subCommands: [ReportAnnualCommand] })
export class ReportCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write(
      'disclose: report: missing subcommand; try `disclose report annual --agency PLGT --year 2025`\n',
    );
    process.exitCode = 2;
  }
}
