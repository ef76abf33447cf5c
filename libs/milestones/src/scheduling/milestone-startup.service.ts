import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MilestoneSchedulerService } from './milestone-scheduler.service';

/**
 * The worker reconciles once at start: milestones whose post-commit hand-off was lost while no worker ran
 * or Redis was away (or a wiped Redis) are on the queue within seconds, not at the next periodic reconcile.
 * New milestones normally reach the queue from the process that wrote them (MilestonesService).
 */
@Injectable()
export class MilestoneStartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MilestoneStartupService.name);

  constructor(private readonly scheduler: MilestoneSchedulerService) {}

  onApplicationBootstrap(): void {
    this.scheduler
      .reconcile()
      .catch((e: Error) => this.logger.error(`start-up reconcile failed: ${e.message}`));
  }
}
