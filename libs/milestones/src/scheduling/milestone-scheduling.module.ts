import { Module } from '@nestjs/common';
import { DigestService } from '../digest/digest.service';
import { MilestoneFiringService } from '../firing/milestone-firing.service';
import { MilestoneSchedulerService } from './milestone-scheduler.service';

/**
 * Timers: scheduler (reconcile, schedules), firing and digest. For the worker and the CLI, which register
 * the milestones and maintenance queues (QueuesModule). The worker adds MilestoneStartupService (reconcile at start) itself.
 */
@Module({
  providers: [MilestoneSchedulerService, MilestoneFiringService, DigestService],
  exports: [MilestoneSchedulerService, MilestoneFiringService, DigestService],
})
export class MilestoneSchedulingModule {}
