import { DynamicModule, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { CasesModule } from '@disclose/cases';
import { APP_CONFIG, AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { IdentityModule } from '@disclose/identity';
import { MailModule } from '@disclose/mail';
import { MilestonesModule } from '@disclose/milestones';
import { CalendarOverridesService, RequestsModule } from '@disclose/requests';

/** The services `calendars load` needs, started only when it runs (other commands open no connection). */
@Module({})
class CalendarsContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CalendarsContextModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('cli'),
        MailModule,
        IdentityModule,
        MilestonesModule,
        RequestsModule,
        // Open legal cases follow the overrides too (they register with the requests' CalendarDependents).
        CasesModule,
      ],
    };
  }
}

interface LoadOptions {
  agency?: string;
  year?: string;
  holidays?: string;
  workdays?: string;
}

const list = (value?: string): string[] =>
  (value ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);

/**
 * `disclose calendars load --agency PLGT --year 2027 --holidays 2027-01-01,... --workdays ...`: replaces the
 * agency's overrides for the year and recomputes its open requests in the same transaction.
 */
@SubCommand({
  name: 'load',
  description: "Load an agency's holidays/workdays for a year and recompute its open requests",
})
export class CalendarsLoadCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_params: string[], options: LoadOptions = {}): Promise<void> {
    const year = Number(options.year);
    if (!options.agency || !Number.isInteger(year)) {
      process.stderr.write('disclose: calendars load: --agency CODE and --year YYYY are required\n');
      process.exitCode = 2;
      return;
    }
    const app = await NestFactory.createApplicationContext(CalendarsContextModule.forRoot(this.config), {
      logger: ['error'],
    });
    try {
      const { changed, dependents } = await app
        .get(CalendarOverridesService)
        .load(null, options.agency.toUpperCase(), year, {
          holidays: list(options.holidays),
          workdays: list(options.workdays),
        });
      for (const c of changed)
        process.stdout.write(`${c.trackingNumber}: ${c.from ?? '-'} -> ${c.to ?? '-'}\n`);
      for (const d of dependents)
        process.stdout.write(
          `${d.trackingNumber} ${d.subject} ${d.id} ${d.key}: ${d.from ?? '-'} -> ${d.to ?? '-'}\n`,
        );
      process.stdout.write(
        `Loaded overrides for ${options.agency.toUpperCase()} ${year}; ${changed.length} open request(s) changed due date; ${dependents.length} case deadline(s) moved\n`,
      );
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--agency <code>', description: 'agency code' })
  parseAgency(value: string): string {
    return value;
  }

  @Option({ flags: '--year <yyyy>', description: 'calendar year' })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '--holidays <dates>', description: 'comma-separated YYYY-MM-DD' })
  parseHolidays(value: string): string {
    return value;
  }

  @Option({ flags: '--workdays <dates>', description: 'comma-separated YYYY-MM-DD' })
  parseWorkdays(value: string): string {
    return value;
  }
}

/** `disclose calendars <subcommand>` (agency overrides; `calendar show` lists the official data). */
@Command({ name: 'calendars', description: 'Agency calendar overrides', subCommands: [CalendarsLoadCommand] })
export class CalendarsCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write(
      'disclose: calendars: missing subcommand; try `disclose calendars load --agency PLGT --year 2027`\n',
    );
    process.exitCode = 2;
  }
}
