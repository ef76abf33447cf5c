import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { createDataSource } from '@disclose/database';
import { verifyAuditChains } from '@disclose/requests';

/** `disclose audit verify`: checks every request's hash chain; exit 1 naming each break. */
@SubCommand({ name: 'verify', description: "Verify every request's audit hash chain (exit 1 on a break)" })
export class AuditVerifyCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const dataSource = createDataSource(this.config, 'disclose-audit');
    await dataSource.initialize();
    try {
      const { requests, events, breaks } = await verifyAuditChains(dataSource);
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
