import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobType, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { QUEUES } from '@disclose/queues';
import { DIGEST_JOB, fireJob, milestoneIdOfJob, milestoneJobId, RECONCILE_JOB } from './milestone-jobs';

export interface ReconcileReport {
  pending: number;
  /** Jobs added (the near-term pending milestones that had none). */
  scheduled: number;
  /** Near-term pending milestones whose job was already queued. */
  queued: number;
  removed: number;
  ms: number;
}
export type Progress = (done: number, total: number) => void;

/** Milestones read per query (keyset pages on the (status, due_at) index). */
const PAGE = 20_000;
/** Jobs per addBulk (one MULTI, one round trip) and addBulk calls in flight. */
const CHUNK = 5_000;
const IN_FLIGHT = 2;
/** Job ids read per getRanges call, and stale jobs removed concurrently. */
const ID_PAGE = 50_000;
const REMOVE_CHUNK = 500;
/** The states in which a fire job counts as queued (a job in any other state is gone or finished). */
const QUEUED_STATES: JobType[] = ['delayed', 'wait', 'active', 'prioritized'];

/**
 * Puts the near-term pending milestones on BullMQ (DESIGN.md decision 1). PostgreSQL is the truth: the
 * reconciler adds whatever Redis lost (job ids are stable) and drops the delayed jobs of milestones that
 * are no longer pending. It reads the queued job ids first (ids only, no job hashes), so from a full
 * Redis it adds nothing and from an empty one it adds everything without a per-job existence check; the
 * milestones are read in big keyset pages while the previous page's jobs are being added.
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
    // A few chunks in flight: the cost is round trips and Redis's Lua time, and Redis pipelines them.
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
    const { queued, delayed } = await this.queuedMilestones();
    const removed = await this.removeStale(delayed, queued);
    const until = this.horizon(now);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM milestones WHERE status = 'pending' AND due_at <= $1`,
      [until],
    );
    let done = 0;
    let scheduled = 0;
    progress?.(0, count);
    const page = (after: { due_at: Date; id: string } | null): Promise<Array<{ id: string; due_at: Date }>> =>
      this.dataSource.query(
        `SELECT id, due_at FROM milestones
          WHERE status = 'pending' AND due_at <= $1 AND ($2::timestamptz IS NULL OR (due_at, id) > ($2, $3::uuid))
          ORDER BY due_at, id LIMIT ${PAGE}`,
        [until, after?.due_at ?? null, after?.id ?? null],
      );
    let rows = await page(null);
    while (rows.length > 0) {
      // The next page is read from PostgreSQL while this one goes to Redis.
      const next = rows.length === PAGE ? page(rows[rows.length - 1]) : Promise.resolve([]);
      const missing = rows.filter((r) => !queued.has(r.id));
      await this.add(missing);
      scheduled += missing.length;
      done += rows.length;
      progress?.(done, Math.max(count, done));
      rows = await next;
    }
    const report = {
      pending: count,
      scheduled,
      queued: done - scheduled,
      removed,
      ms: Date.now() - started,
    };
    this.logger.log(`reconciled milestones: ${JSON.stringify(report)}`);
    return report;
  }

  /** The milestone ids that have a fire job waiting, delayed or running (ids only: cheap for 200,000 jobs). */
  private async queuedMilestones(): Promise<{ queued: Set<string>; delayed: string[] }> {
    const queued = new Set<string>();
    const delayed: string[] = [];
    for (const state of QUEUED_STATES)
      for (let start = 0; ; start += ID_PAGE) {
        const ids = await this.queue.getRanges([state], start, start + ID_PAGE - 1, true);
        for (const jobId of ids) {
          const id = milestoneIdOfJob(jobId);
          if (!id) continue;
          queued.add(id);
          if (state === 'delayed') delayed.push(id);
        }
        if (ids.length < ID_PAGE) break;
      }
    return { queued, delayed };
  }

  /** Removes delayed fire jobs whose milestone was cancelled, fired or skipped meanwhile. */
  private async removeStale(delayed: readonly string[], queued: Set<string>): Promise<number> {
    let removed = 0;
    for (let i = 0; i < delayed.length; i += PAGE) {
      const ids = delayed.slice(i, i + PAGE);
      const live: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
        [ids],
      );
      const keep = new Set(live.map((r) => r.id));
      const stale = ids.filter((id) => !keep.has(id));
      for (let j = 0; j < stale.length; j += REMOVE_CHUNK)
        await Promise.all(
          stale.slice(j, j + REMOVE_CHUNK).map((id) => this.queue.remove(milestoneJobId(id)).catch(() => 0)),
        );
      for (const id of stale) queued.delete(id);
      removed += stale.length;
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
