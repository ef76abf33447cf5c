import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MilestoneSchedulerService, RECONCILE_JOB } from '@disclose/milestones';
import { QUEUES } from '@disclose/queues';

/** A delayed job that never comes due: while Redis keeps its data, it is there. */
export const QUEUE_SENTINEL_JOB = 'queue-state-sentinel';
const SENTINEL_DELAY_MS = 10 * 365 * 86_400_000;
export const QUEUE_STATE_CHECK_MS = 5000;

/**
 * Notices a Redis that lost its data (restarted without persistence, flushed, failed over to an empty
 * replica) while the worker runs, and rebuilds what lived only there: the near-term milestone timers (a
 * reconcile from PostgreSQL, DESIGN.md decision 1) and the repeatable maintenance jobs, which are kept in
 * Redis too, so without this the periodic reconcile would be gone with them. The outbox needs nothing:
 * its sweep reads PostgreSQL every few seconds. Detection: a sentinel job planted at start; checked every
 * few seconds; a check that cannot reach Redis is simply tried again.
 */
@Injectable()
export class QueueStateWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueStateWatch.name);
  private timer?: NodeJS.Timeout;
  private checking = false;
  /** Whether the maintenance schedules were registered (`disclose schedules register`): restore them then. */
  private hadSchedules = false;
  /** How many times the state was rebuilt (for tests and logs). */
  rebuilds = 0;

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
    private readonly scheduler: MilestoneSchedulerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.plant().catch((e: Error) => this.logger.warn(`queue sentinel not planted yet: ${e.message}`));
    this.timer = setInterval(() => void this.check(), QUEUE_STATE_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async plant(): Promise<void> {
    this.hadSchedules ||= (await this.maintenance.getJobScheduler(RECONCILE_JOB)) !== undefined;
    await this.maintenance.add(
      QUEUE_SENTINEL_JOB,
      {},
      { jobId: QUEUE_SENTINEL_JOB, delay: SENTINEL_DELAY_MS, removeOnComplete: true, removeOnFail: true },
    );
  }

  async check(): Promise<boolean> {
    if (this.checking) return false;
    this.checking = true;
    try {
      if (await this.maintenance.getJob(QUEUE_SENTINEL_JOB)) {
        if (!this.hadSchedules)
          this.hadSchedules = (await this.maintenance.getJobScheduler(RECONCILE_JOB)) !== undefined;
        return false;
      }
      this.logger.warn(
        'Redis lost the queue state (restarted empty or flushed): rebuilding the milestone timers from PostgreSQL',
      );
      if (this.hadSchedules) await this.scheduler.registerSchedules();
      const report = await this.scheduler.reconcile();
      await this.plant();
      this.rebuilds++;
      this.logger.warn(`queue state rebuilt: ${report.scheduled} milestone timer(s) scheduled`);
      return true;
    } catch (e) {
      this.logger.warn(`queue state check failed (will retry): ${(e as Error).message}`);
      return false;
    } finally {
      this.checking = false;
    }
  }
}
