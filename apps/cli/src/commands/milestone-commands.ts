import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { MilestoneSchedulerService } from '@disclose/milestones';
import { withMilestonesContext } from '../milestones/milestones-context.module';
import { progressBar } from '../milestones/progress-bar';

/** `disclose reconcile`: puts every near-term pending milestone back on BullMQ, drops stale jobs. */
@Command({
  name: 'reconcile',
  description: 'Rebuild the near-term milestone timers in Redis from PostgreSQL',
})
export class ReconcileCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const report = await withMilestonesContext(this.config, (get) =>
      get(MilestoneSchedulerService).reconcile(new Date(), progressBar('reconcile')),
    );
    process.stdout.write(
      `Scheduled ${report.scheduled} pending milestone(s) within ${this.config.milestoneHorizonHours} h, ` +
        `removed ${report.removed} stale job(s) in ${(report.ms / 1000).toFixed(1)} s.\n`,
    );
  }
}

/** `disclose schedules register`: the repeatable maintenance jobs (reconcile, digest); idempotent. */
@SubCommand({ name: 'register', description: 'Register the repeatable maintenance jobs (idempotent)' })
export class SchedulesRegisterCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const names = await withMilestonesContext(this.config, (get) =>
      get(MilestoneSchedulerService).registerSchedules(),
    );
    process.stdout.write(`Registered schedules: ${names.join(', ')}\n`);
  }
}

@Command({
  name: 'schedules',
  description: 'Repeatable maintenance jobs',
  subCommands: [SchedulesRegisterCommand],
})
export class SchedulesCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write('disclose: schedules: missing subcommand; try `disclose schedules register`\n');
    process.exitCode = 2;
  }
}

/** Providers for the CLI module. */
export const MILESTONE_COMMANDS = [ReconcileCommand, SchedulesCommand, SchedulesRegisterCommand];
