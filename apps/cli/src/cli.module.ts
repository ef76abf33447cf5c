import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@disclose/config';
import { MigrateCommand } from './commands/migrate.command';
import { IDENTITY_COMMANDS } from './commands/identity-commands';
import { MILESTONE_COMMANDS } from './commands/milestone-commands';
import { DEADLINE_COMMANDS } from './commands/deadline-commands';
import { REQUEST_COMMANDS } from './commands/request-commands';
import { REPORT_COMMANDS } from './commands/report-commands';
import { CASE_COMMANDS } from './commands/cases.command';

/**
 * Composition root of the `disclose` admin CLI. Commands that need no database (deadline, calendar) open
 * no connection; the others open the data source they need.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config)],
      providers: [
        MigrateCommand,
        ...IDENTITY_COMMANDS,
        ...DEADLINE_COMMANDS,
        ...REQUEST_COMMANDS,
        ...MILESTONE_COMMANDS,
        ...REPORT_COMMANDS,
        ...CASE_COMMANDS,
      ],
    };
  }
}
