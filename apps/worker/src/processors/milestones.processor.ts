import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  FireJobData,
  FireResult,
  MilestoneFiringService,
  MilestoneSchedulerService,
} from '@disclose/milestones';
import { QUEUES } from '@disclose/queues';

/** Fires milestone timers; all the logic (lock, re-check, outbox) is in MilestoneFiringService. */
@Processor(QUEUES.milestones, { concurrency: 32 })
export class MilestonesProcessor extends WorkerHost {
  constructor(
    private readonly firing: MilestoneFiringService,
    private readonly scheduler: MilestoneSchedulerService,
  ) {
    super();
  }

  async process(job: Job<FireJobData>): Promise<FireResult> {
    const result = await this.firing.fire(job.data.milestoneId);
    // After the commit: the next daily escalation, if it falls within the horizon.
    if (result.next) await this.scheduler.scheduleIds([result.next.id]);
    return result;
  }
}
