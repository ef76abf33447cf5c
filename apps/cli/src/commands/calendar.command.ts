import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { CalendarCliOptions, processIo, runCalendarShowCli } from './deadline-cli.parsing';

/** `disclose calendar show --rule-set uk-foia --year 2026 [--json]`: holidays and make-up workdays. */
@SubCommand({
  name: 'show',
  description: 'List the non-working days (other than weekends) and CN make-up workdays of a year',
})
export class CalendarShowCommand extends CommandRunner {
  async run(_params: string[], options: CalendarCliOptions = {}): Promise<void> {
    const code = runCalendarShowCli(options, processIo);
    if (code !== 0) process.exitCode = code;
  }

  @Option({
    flags: '--rule-set <id>',
    description: 'cn-ogi-2019 (default), cn-ogi-2008, us-foia, uk-foia, uk-eir, scot-foisa',
  })
  parseRuleSet(value: string): string {
    return value;
  }

  @Option({ flags: '--year <yyyy>', description: 'calendar year' })
  parseYear(value: string): string {
    return value; // validated in runCalendarShowCli
  }

  @Option({ flags: '--json', description: 'print as JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** `disclose calendar <subcommand>`. */
@Command({
  name: 'calendar',
  description: 'Working-day calendars of the rule sets',
  subCommands: [CalendarShowCommand],
})
export class CalendarCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write(
      'disclose: calendar: missing subcommand; try `disclose calendar show --rule-set uk-foia --year 2026`\n',
    );
    process.exitCode = 2;
  }
}
