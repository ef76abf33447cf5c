import { Inject } from '@nestjs/common';
import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { formatProblem, ImportResult } from '@disclose/reports';
import { progressBar, withReports } from './reports-cli.context';

function report(kind: string, file: string, r: ImportResult): void {
  for (const p of r.problems) process.stderr.write(`${file}: ${formatProblem(p)}\n`);
  if (r.refused) {
    process.stderr.write(
      `${file}: ${r.problems.length} problem(s); nothing imported (fix them, or use --skip-invalid to import the valid lines)\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `${kind}: ${r.lines} line(s): ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped\n`,
  );
}

abstract class ImportCommandBase extends CommandRunner {
  protected abstract readonly kind: 'requests' | 'cases';
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(params: string[], o: { skipInvalid?: boolean } = {}): Promise<void> {
    const file = params[0];
    if (!file) {
      process.stderr.write(`disclose: import ${this.kind}: missing FILE.csv\n`);
      process.exitCode = 2;
      return;
    }
    const csv = await readFile(file, 'utf8');
    const options = {
      skipInvalid: o.skipInvalid === true,
      onProgress: progressBar(`importing ${this.kind}`),
    };
    const result = await withReports(this.config, (s) =>
      this.kind === 'requests' ? s.importRequests.import(csv, options) : s.importCases.import(csv, options),
    );
    report(this.kind, file, result);
  }

  @Option({ flags: '--skip-invalid', description: 'import the valid lines of a file that has problems' })
  parseSkipInvalid(): boolean {
    return true;
  }
}

/** `disclose import requests FILE.csv [--skip-invalid]`. */
@SubCommand({
  name: 'requests',
  arguments: '<file>',
  description:
    'Import requests (tracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on)',
})
export class ImportRequestsCommand extends ImportCommandBase {
  protected readonly kind = 'requests' as const;
}

/** `disclose import cases FILE.csv [--skip-invalid]`. */
@SubCommand({
  name: 'cases',
  arguments: '<file>',
  description: 'Import cases (request_tracking_number,kind,filed_on,outcome,closed_on)',
})
export class ImportCasesCommand extends ImportCommandBase {
  protected readonly kind = 'cases' as const;
}

@Command({
  name: 'import',
  description: 'Import history from CSV',
  subCommands: [ImportRequestsCommand, ImportCasesCommand],
})
export class ImportCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write('disclose: import: missing subcommand; try `disclose import requests FILE.csv`\n');
    process.exitCode = 2;
  }
}

abstract class ExportCommandBase extends CommandRunner {
  protected abstract readonly kind: 'requests' | 'cases';
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(
    _params: string[],
    o: { agency?: string; year?: number; out?: string; subordinates?: boolean } = {},
  ): Promise<void> {
    if (!o.agency || !o.year || !Number.isInteger(o.year)) {
      process.stderr.write(`disclose: export ${this.kind}: --agency CODE and --year YYYY are required\n`);
      process.exitCode = 2;
      return;
    }
    const { agency, year } = o;
    const { csv, rows } = await withReports(this.config, (s) =>
      s.exports[this.kind](agency, year, o.subordinates === true),
    );
    if (o.out) {
      await writeFile(o.out, csv);
      process.stderr.write(`exported ${rows} ${this.kind} to ${o.out}\n`);
    } else process.stdout.write(csv);
  }

  @Option({ flags: '--agency <code>', description: 'agency code' })
  parseAgency(v: string): string {
    return v;
  }

  @Option({ flags: '--year <yyyy>', description: 'year of receipt (requests) or filing (cases)' })
  parseYear(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--subordinates', description: 'include the agencies below this one' })
  parseSubordinates(): boolean {
    return true;
  }

  @Option({ flags: '--out <file>', description: 'write to FILE (default: stdout)' })
  parseOut(v: string): string {
    return v;
  }
}

/** `disclose export requests --agency PLGT --year 2025 --out FILE`. */
@SubCommand({ name: 'requests', description: 'Export the requests received in a year to CSV' })
export class ExportRequestsCommand extends ExportCommandBase {
  protected readonly kind = 'requests' as const;
}

/** `disclose export cases --agency PLGT --year 2025 --out FILE`. */
@SubCommand({ name: 'cases', description: 'Export the cases filed in a year to CSV' })
export class ExportCasesCommand extends ExportCommandBase {
  protected readonly kind = 'cases' as const;
}

@Command({
  name: 'export',
  description: 'Export requests or cases to CSV',
  subCommands: [ExportRequestsCommand, ExportCasesCommand],
})
export class ExportCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write(
      'disclose: export: missing subcommand; try `disclose export requests --agency PLGT --year 2025`\n',
    );
    process.exitCode = 2;
  }
}
