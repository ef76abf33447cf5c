export * from './contract';
export { MilestonesModule } from './milestones.module';
export { MilestonesService } from './milestones.service';
export { OverdueStatsService } from './overdue-stats.service';
export { Milestones1764400300000 } from './migrations/1764400300000-Milestones';
export * from './planning/milestone-kinds';
export { planRequestMilestones, overdueOccurrences } from './planning/plan-request-milestones';
export { zonedDate, zonedInstant } from './planning/zoned-time';
export { MilestoneSchedulingModule } from './scheduling/milestone-scheduling.module';
export { MilestoneSchedulerService } from './scheduling/milestone-scheduler.service';
export type { ReconcileReport, Progress } from './scheduling/milestone-scheduler.service';
export { MilestoneStartupService } from './scheduling/milestone-startup.service';
export { MilestoneFiringService } from './firing/milestone-firing.service';
export { FIRE_BATCH } from './firing/milestone-firing.service';
export type { FireResult, FireOutcome, FireJobReport } from './firing/milestone-firing.service';
export { DigestService } from './digest/digest.service';
export {
  FIRE_JOB,
  RECONCILE_JOB,
  DIGEST_JOB,
  FIRE_WORKER_OPTIONS,
  milestoneJobId,
  milestoneIdOfJob,
  fireJob,
} from './scheduling/milestone-jobs';
export type { FireJobData } from './scheduling/milestone-jobs';
export { MilestonesOpsModule, MilestoneMetricsService } from './ops/milestones-ops.module';
