import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { createDataSource } from '@disclose/database';
import { verifyAuditChains } from '@disclose/requests';

/** `disclose audit verify`: checks every request's hash chain; exit 1 naming each break. */
@SubCommand({ name: 'verify', description: "Verify every request's audit hash chain (exit 1 on a break)" })
export class AuditVerifyCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  @Option({ flags: '--agency <code>', description: 'Only this agency and the agencies below it' })
  parseAgency(code: string): string {
    return code;
  }

  async run(_args: string[], options: { agency?: string } = {}): Promise<void> {
    const dataSource = createDataSource(this.config, 'disclose-audit');
    await dataSource.initialize();
    try {
      let agencyIds: string[] | undefined;
      if (options.agency) {
        const rows: Array<{ id: string }> = await dataSource.query(
          `WITH RECURSIVE scope AS (SELECT id FROM agencies WHERE code = $1
             UNION ALL SELECT a.id FROM agencies a JOIN scope s ON a.parent_id = s.id)
           SELECT id FROM scope`,
          [options.agency],
        );
        if (rows.length === 0) {
          process.stderr.write(`disclose: no agency with code ${options.agency}\n`);
          process.exitCode = 2;
          return;
        }
        agencyIds = rows.map((r) => r.id);
      }
      const { requests, events, breaks } = await verifyAuditChains(dataSource, 500, agencyIds);
      for (const b of breaks) {
        process.stdout.write(
          `BROKEN ${b.trackingNumber} (request ${b.requestId}): first bad event seq ${b.seq}\n`,
        );
      }
      if (breaks.length > 0) {
        process.stdout.write(
          `${breaks.length} broken chain(s) among ${requests} request(s), ${events} event(s)\n`,
        );
        process.exitCode = 1;
      } else {
        process.stdout.write(`OK: ${requests} request(s), ${events} event(s), every chain intact\n`);
      }
    } finally {
      await dataSource.destroy();
    }
  }
}

/** `disclose audit <subcommand>`. */
@Command({ name: 'audit', description: 'Audit log checks', subCommands: [AuditVerifyCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write('disclose: audit: missing subcommand; try `disclose audit verify`\n');
    process.exitCode = 2;
  }
}
