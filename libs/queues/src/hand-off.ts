import type { JobsOptions } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { afterCommit } from './after-commit';

/** A job as `Queue.addBulk` takes it; `jobId` is required: it is what makes a second offer harmless. */
export interface HandOffJob<T = unknown> {
  name: string;
  data: T;
  opts: JobsOptions & { jobId: string };
}

/** The part of a BullMQ Queue the hand-off uses. */
export interface BulkAdder {
  addBulk(jobs: HandOffJob[]): Promise<unknown>;
}

/** At most this many addBulk calls waiting for Redis at once; past it, jobs are left to the sweep. */
export const MAX_HAND_OFFS_IN_FLIGHT = 64;

/**
 * The post-commit hand-off of rows to a BullMQ queue (DESIGN.md decisions 1 and 2: PostgreSQL is the
 * truth, Redis holds the near-term work). A service that writes rows the worker must act on registers
 * their jobs with {@link QueueHandOff.afterCommit} inside its transaction; once that transaction commits,
 * the jobs are added. The committer never waits for Redis, and nothing is announced for a rollback.
 *
 * The jobs handed over during one turn of the event loop go out in one `addBulk` (one Redis round trip
 * for many concurrent commits). If Redis is down or slow, a bounded number of calls wait in ioredis's
 * offline queue; beyond that jobs are dropped and counted: the worker's periodic sweep (mail) and the
 * reconciler (milestones) find those rows in PostgreSQL, and the job ids make a second offer harmless.
 */
export class QueueHandOff {
  private pending: HandOffJob[] = [];
  private scheduled = false;
  private inFlight = new Set<Promise<void>>();
  /** Jobs not handed over (Redis failed or too many calls in flight): the sweep will find their rows. */
  dropped = 0;

  constructor(
    private readonly queue: BulkAdder,
    private readonly onFailure: (error: unknown, jobs: number) => void,
    private readonly maxInFlight = MAX_HAND_OFFS_IN_FLIGHT,
  ) {}

  /**
   * After the transaction of `manager` commits, puts the jobs on the queue (built then, so a delay is
   * counted from the commit). Outside a transaction, at once.
   */
  afterCommit(manager: EntityManager, jobs: () => HandOffJob[]): void {
    afterCommit(manager, () => this.offer(jobs()));
  }

  /** Offers jobs now (for rows already committed). */
  offer(jobs: HandOffJob[]): void {
    if (jobs.length === 0) return;
    for (const job of jobs) this.pending.push(job);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    if (this.inFlight.size >= this.maxInFlight) {
      this.dropped += batch.length;
      this.onFailure(
        new Error(`${this.inFlight.size} hand-offs already waiting for the queue`),
        batch.length,
      );
      return;
    }
    const call: Promise<void> = this.queue
      .addBulk(batch)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.dropped += batch.length;
        this.onFailure(error, batch.length);
      })
      .finally(() => this.inFlight.delete(call));
    this.inFlight.add(call);
  }

  /** Resolves once every job offered so far has been added (or dropped): for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.scheduled || this.pending.length || this.inFlight.size) {
      if (this.scheduled || this.pending.length) await new Promise((r) => setImmediate(r));
      else await Promise.all(this.inFlight);
    }
  }
}
