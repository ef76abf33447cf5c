import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DIGEST_JOB, DigestService, MilestoneSchedulerService, RECONCILE_JOB } from '@disclose/milestones';
import { QUEUES } from '@disclose/queues';

/** Repeatable maintenance jobs registered by `disclose schedules register`. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly scheduler: MilestoneSchedulerService,
    private readonly digest: DigestService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case RECONCILE_JOB:
        return this.scheduler.reconcile();
      case DIGEST_JOB:
        return { digests: await this.digest.run() };
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  }
}
