import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  FIRE_WORKER_OPTIONS,
  FireJobData,
  FireJobReport,
  MilestoneFiringService,
  MilestoneSchedulerService,
} from '@disclose/milestones';
import { QUEUES } from '@disclose/queues';

/**
 * Fires milestone timers; all the logic (batches of due milestones under lock, re-check, outbox) is in
 * MilestoneFiringService.runJob. A few jobs at once: each one fires every milestone due by then.
 */
@Processor(QUEUES.milestones, { concurrency: 8, ...FIRE_WORKER_OPTIONS })
export class MilestonesProcessor extends WorkerHost {
  constructor(
    private readonly firing: MilestoneFiringService,
    private readonly scheduler: MilestoneSchedulerService,
  ) {
    super();
  }

  async process(job: Job<FireJobData>): Promise<Omit<FireJobReport, 'next'>> {
    const { next, ...report } = await this.firing.runJob(job.data.milestoneId);
    // After the commit: the next daily escalations, if they fall within the horizon.
    if (next.length) await this.scheduler.scheduleIds(next.map((n) => n.id));
    return report;
  }
}
