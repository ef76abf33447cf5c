import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { QUEUES } from '@disclose/queues';
import { mailJob, type MailJobData } from '../outbox/mail-job';

/**
 * How often the worker looks for due rows in PostgreSQL. New rows normally reach the queue without it
 * (OutboxService hands their jobs over after the commit); the sweep is what queues retries when they come
 * due, rows whose hand-off was lost (Redis down at that moment, a process killed right after its commit,
 * the CLI), and a wiped Redis. So it bounds those delays, at the cost of two indexed queries per interval.
 */
export const SWEEP_INTERVAL_MS = 2000;
/** Bounds one sweep's work; the next sweep (seconds later) continues. */
const MAX_PAGES = 50;
const BATCH = 2000;

export type { MailJobData };

/**
 * Puts due outbox rows on the mail queue, one job per row with a job id derived from the row id, so a row
 * queued twice (by two sweeps, two workers, the hand-off after commit and a sweep) is one job. Runs every
 * SWEEP_INTERVAL_MS and at start; rows stuck in 'sending' past MAIL_SENDING_TIMEOUT_MS (the worker died
 * mid-send) go back to 'pending'. PostgreSQL stays the truth: a wiped Redis is refilled by the next sweep.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcherService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<MailJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), SWEEP_INTERVAL_MS);
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a sweep now, or right after the one in progress (wake-ups arriving meanwhile coalesce). */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`outbox sweep failed: ${String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** One pass: reclaim abandoned sends, then queue every due row. Returns how many jobs were offered. */
  async sweep(): Promise<number> {
    const [reclaimed] = (await this.dataSource.query(
      `UPDATE outbox SET status = 'pending', next_attempt_at = now(), updated_at = now(),
              last_error = 'sending interrupted (worker stopped before the send was recorded)'
        WHERE status = 'sending' AND updated_at < now() - ($1::bigint * interval '1 millisecond')
        RETURNING id`,
      [this.config.mailSendingTimeoutMs],
    )) as [Array<{ id: string }>, number];
    if (reclaimed.length)
      this.logger.warn(`${reclaimed.length} outbox rows reclaimed after an interrupted send`);
    // Page through every due row (keyset on next_attempt_at, id): a backlog larger than one batch is
    // queued in one sweep, not only its oldest rows. Re-offering a row already queued is harmless.
    let offered = 0;
    // The cursor's instant travels as PostgreSQL's text (microseconds kept): a JS Date drops them, and a
    // page whose rows share one instant below the microsecond was read again and again.
    let cursor: { at: string; id: string } | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const due = (await this.dataSource.query(
        `SELECT id, next_attempt_at::text AS at FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= now()
            AND ($1::timestamptz IS NULL OR (next_attempt_at, id) > ($1::timestamptz, $2::uuid))
          ORDER BY next_attempt_at, id LIMIT ${BATCH}`,
        [cursor?.at ?? null, cursor?.id ?? null],
      )) as Array<{ id: string; at: string }>;
      if (!due.length) break;
      await this.queue.addBulk(due.map(({ id }) => mailJob(id)));
      offered += due.length;
      if (due.length < BATCH) break;
      cursor = due[due.length - 1];
    }
    return offered;
  }
}
