import { Command, CommandRunner, Option } from 'nest-commander';
import { DeadlineCliOptions, processIo, runDeadlineCli } from './deadline-cli.parsing';

/**
 * `disclose deadline --rule-set cn-ogi-2019 --received 2025-09-26 [--event type:date[:n]]... [--extend N]
 * [--locale zh-CN|en] [--no-makeup-days] [--json]`: the due date and its trace. Needs no database.
 */
@Command({
  name: 'deadline',
  description: 'Compute a statutory reply deadline and explain it (no database needed)',
})
export class DeadlineCommand extends CommandRunner {
  async run(_params: string[], options: DeadlineCliOptions = {}): Promise<void> {
    const code = runDeadlineCli(options, processIo);
    if (code !== 0) process.exitCode = code;
  }

  @Option({
    flags: '--rule-set <id>',
    description: 'cn-ogi-2019 (default), cn-ogi-2008, us-foia, uk-foia, uk-eir, scot-foisa',
  })
  parseRuleSet(value: string): string {
    return value;
  }

  @Option({ flags: '--received <date>', description: 'legal date of receipt, YYYY-MM-DD' })
  parseReceived(value: string): string {
    return value;
  }

  @Option({
    flags: '--event <type:date[:n]>',
    description: 'repeatable, in date order: e.g. consultation_started:2025-10-09, extended:2025-10-10:5',
  })
  parseEvent(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--extend <n>', description: 'extension in working days, decided on the receipt day' })
  parseExtend(value: string): string {
    return value; // validated in runDeadlineCli, so bad input gets the one-line error and exit code 2
  }

  @Option({ flags: '--locale <locale>', description: 'trace language: en (default) or zh-CN' })
  parseLocale(value: string): string {
    return value;
  }

  @Option({
    flags: '--no-makeup-days',
    description: 'CN: do not count 调休 make-up weekend workdays (agency setting)',
  })
  parseNoMakeupDays(): boolean {
    return false;
  }

  @Option({ flags: '--json', description: 'print the result as JSON' })
  parseJson(): boolean {
    return true;
  }
}
