import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { QUEUES } from '@disclose/queues';
import { DIGEST_JOB, fireJob, FIRE_JOB, RECONCILE_JOB } from './milestone-jobs';

export interface ReconcileReport {
  pending: number;
  scheduled: number;
  removed: number;
  ms: number;
}
export type Progress = (done: number, total: number) => void;

const PAGE = 10_000;
const CHUNK = 1_000;
const IN_FLIGHT = 4;

/**
 * Puts the near-term pending milestones on BullMQ (DESIGN.md decision 1). PostgreSQL is the truth: the
 * reconciler re-adds whatever Redis lost (job ids are stable, so existing jobs are untouched) and drops
 * the delayed jobs of milestones that are no longer pending.
 */
@Injectable()
export class MilestoneSchedulerService {
  private readonly logger = new Logger(MilestoneSchedulerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.milestones) private readonly queue: Queue,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private horizon(now: Date): Date {
    return new Date(now.getTime() + this.config.milestoneHorizonHours * 3_600_000);
  }

  /** Adds fire jobs for these milestones if still pending and within the horizon (after a commit). */
  async scheduleIds(ids: readonly string[], now: Date = new Date()): Promise<number> {
    if (ids.length === 0) return 0;
    const rows: Array<{ id: string; due_at: Date }> = await this.dataSource.query(
      `SELECT id, due_at FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'pending' AND due_at <= $2`,
      [ids, this.horizon(now)],
    );
    await this.add(rows);
    return rows.length;
  }

  private async add(rows: ReadonlyArray<{ id: string; due_at: Date }>): Promise<void> {
    const nowMs = Date.now();
    // A few chunks in flight: the cost is round trips, and Redis pipelines them.
    const chunks: Array<Promise<unknown>> = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      chunks.push(
        this.queue.addBulk(rows.slice(i, i + CHUNK).map((r) => fireJob(r.id, new Date(r.due_at), nowMs))),
      );
      if (chunks.length === IN_FLIGHT) await Promise.all(chunks.splice(0));
    }
    await Promise.all(chunks);
  }

  async reconcile(now: Date = new Date(), progress?: Progress): Promise<ReconcileReport> {
    const started = Date.now();
    const removed = await this.removeStale();
    const until = this.horizon(now);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM milestones WHERE status = 'pending' AND due_at <= $1`,
      [until],
    );
    let scheduled = 0;
    let cursor: { due_at: Date; id: string } | null = null;
    progress?.(0, count);
    for (;;) {
      // Keyset pagination on the (status, due_at) index: constant cost per page however far in.
      const page: Array<{ id: string; due_at: Date }> = await this.dataSource.query(
        `SELECT id, due_at FROM milestones
          WHERE status = 'pending' AND due_at <= $1 AND ($2::timestamptz IS NULL OR (due_at, id) > ($2, $3::uuid))
          ORDER BY due_at, id LIMIT ${PAGE}`,
        [until, cursor?.due_at ?? null, cursor?.id ?? null],
      );
      if (page.length === 0) break;
      await this.add(page);
      scheduled += page.length;
      cursor = page[page.length - 1];
      progress?.(scheduled, Math.max(count, scheduled));
    }
    const report = { pending: count, scheduled, removed, ms: Date.now() - started };
    this.logger.log(`reconciled milestones: ${JSON.stringify(report)}`);
    return report;
  }

  /** Removes delayed fire jobs whose milestone was cancelled, fired or skipped meanwhile. */
  private async removeStale(): Promise<number> {
    let removed = 0;
    for (let start = 0; ;) {
      const raw = await this.queue.getDelayed(start, start + CHUNK - 1);
      if (raw.length === 0) break;
      const jobs = raw.filter((j) => j?.name === FIRE_JOB);
      const idOf = (j: (typeof jobs)[number]): string => (j.data as { milestoneId: string }).milestoneId;
      const live: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
        [jobs.map(idOf)],
      );
      const keep = new Set(live.map((r) => r.id));
      const stale = jobs.filter((j) => !keep.has(idOf(j)));
      for (const job of stale) await job.remove();
      removed += stale.length;
      // Removed jobs leave the sorted set: the next page starts after the kept ones only.
      start += raw.length - stale.length;
    }
    return removed;
  }

  /** Registers the repeatable maintenance jobs (idempotent: upsert by scheduler id). */
  async registerSchedules(): Promise<string[]> {
    await this.maintenance.upsertJobScheduler(RECONCILE_JOB, { every: 5 * 60_000 }, { name: RECONCILE_JOB });
    await this.maintenance.upsertJobScheduler(DIGEST_JOB, { every: 10 * 60_000 }, { name: DIGEST_JOB });
    return [RECONCILE_JOB, DIGEST_JOB];
  }
}
