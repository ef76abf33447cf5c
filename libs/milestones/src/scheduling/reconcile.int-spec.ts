import { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@disclose/config';
import { bullConnection, QUEUES } from '@disclose/queues';
import { MilestoneFiringService } from '../firing/milestone-firing.service';
import type { RequestMilestoneSnapshot } from '../contract';
import { MilestonesService } from '../milestones.service';
import {
  createAgency,
  createUser,
  flushPrefix,
  insertRequest,
  milestonesTestingModule,
} from '../testing/milestones-fixture';
import { FIRE_WORKER_OPTIONS, FireJobData } from './milestone-jobs';
import { MilestoneSchedulerService } from './milestone-scheduler.service';

const REQUESTS = 500;

/**
 * Redis is a schedule cache (DESIGN.md decision 1): wipe it with 500 open requests, reconcile, and every
 * milestone still fires exactly once. Time is injected: the milestones are planned as of a moment in the
 * past, so all of them are due now and fire as soon as a worker takes them.
 */
describe('reconcile after a Redis wipe', () => {
  let module: TestingModule;
  let config: AppConfig;
  let ds: DataSource;
  let scheduler: MilestoneSchedulerService;
  let worker: Worker | undefined;
  let ids: string[];
  let stale: string;

  beforeAll(async () => {
    ({ module, config } = await milestonesTestingModule());
    ds = module.get(DataSource);
    scheduler = module.get(MilestoneSchedulerService);
    const sync = module.get(MilestonesService);
    const agencyId = await createAgency(ds);
    const applicant = await createUser(ds, 'applicant', null, 'en');
    const clerk = await createUser(ds, 'clerk', agencyId, 'zh-CN');
    await createUser(ds, 'supervisor', agencyId, 'en');
    const planAt = new Date('2026-03-02T00:00:00Z');
    const snapshots: RequestMilestoneSnapshot[] = [];
    for (let i = 0; i < REQUESTS; i++)
      snapshots.push(
        await insertRequest(ds, {
          agencyId,
          applicantId: applicant.id,
          assigneeId: clerk.id,
          dueOn: '2026-03-16',
        }),
      );
    for (let i = 0; i < REQUESTS; i += 50)
      await ds.transaction(async (m) => {
        for (const s of snapshots.slice(i, i + 50)) await sync.syncRequest(m, s, planAt);
      });
    // The post-commit hand-off queued the near-term ones already: let it finish before the wipe below.
    await sync.handOffsSettled();
    const rows: Array<{ id: string }> = await ds.query(
      `SELECT id FROM milestones WHERE subject_id = ANY($1::uuid[])`,
      [snapshots.map((s) => s.requestId)],
    );
    ids = rows.map((r) => r.id);
    // One milestone cancelled after its job was queued: the reconciler must drop that job.
    stale = ids.pop()!;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await flushPrefix(config);
    await module?.close();
  }, 60_000);

  it('puts every due milestone back after the wipe, removes the stale job, and fires each exactly once', async () => {
    expect(ids.length).toBe(REQUESTS * 5 - 1);
    await scheduler.reconcile();
    await ds.query(`UPDATE milestones SET status = 'cancelled' WHERE id = $1`, [stale]);
    expect(await flushPrefix(config)).toBeGreaterThan(0);
    const queue = module.get<Queue>(getQueueToken(QUEUES.milestones));
    expect(await queue.getJobCountByTypes('delayed', 'wait')).toBe(0);

    // Reconcile twice: adding a job twice is harmless (stable job ids).
    const first = await scheduler.reconcile(new Date());
    const second = await scheduler.reconcile(new Date());
    expect(first.scheduled).toBeGreaterThanOrEqual(ids.length);
    // The second finds every job queued (ids read first): it adds nothing.
    expect(second).toMatchObject({ scheduled: 0, queued: first.scheduled + first.queued });
    expect(await queue.getJob(`milestone-${stale}`)).toBeUndefined();

    const firing = module.get(MilestoneFiringService);
    worker = new Worker<FireJobData>(
      QUEUES.milestones,
      // What MilestonesProcessor does: fire every due milestone in batches, then the job's own.
      async (job) => {
        const { next, ...report } = await firing.runJob(job.data.milestoneId);
        await scheduler.scheduleIds(next.map((n) => n.id));
        return report;
      },
      {
        connection: bullConnection(config) as never,
        prefix: config.redisPrefix,
        concurrency: 16,
        ...FIRE_WORKER_OPTIONS,
      },
    );
    // Wait for the worker; like the periodic reconciler in production, re-reconcile now and then so a job
    // that failed under load (removed on failure) is put back.
    const deadline = Date.now() + 300_000;
    let pending = ids.length;
    for (let round = 1; pending > 0 && Date.now() < deadline; round++) {
      await new Promise((r) => setTimeout(r, 500));
      if (round % 40 === 0) await scheduler.reconcile(new Date());
      [{ pending }] = await ds.query(
        `SELECT count(*)::int AS pending FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
        [ids],
      );
    }
    expect(pending).toBe(0);
    // A reconcile after the firing (a late duplicate of every job) changes nothing.
    await scheduler.reconcile(new Date());
    await new Promise((r) => setTimeout(r, 1000));

    const stats = await ds.query(
      `SELECT m.kind, count(DISTINCT m.id)::int AS milestones, count(o.id)::int AS emails,
              count(DISTINCT o.dedupe_key)::int AS keys, bool_and(m.status = 'fired') AS all_fired
         FROM milestones m LEFT JOIN outbox o ON o.dedupe_key LIKE 'milestone:' || m.id || ':%'
        WHERE m.id = ANY($1::uuid[]) GROUP BY m.kind ORDER BY m.kind`,
      [ids],
    );
    // Clerk + supervisor for the four reminders, the supervisor for the escalation: no more, no less.
    expect(stats).toEqual([
      { kind: 'due_in_2', milestones: REQUESTS, emails: REQUESTS * 2, keys: REQUESTS * 2, all_fired: true },
      { kind: 'due_in_5', milestones: REQUESTS, emails: REQUESTS * 2, keys: REQUESTS * 2, all_fired: true },
      { kind: 'due_today', milestones: REQUESTS, emails: REQUESTS * 2, keys: REQUESTS * 2, all_fired: true },
      {
        kind: 'due_tomorrow',
        milestones: REQUESTS,
        emails: REQUESTS * 2,
        keys: REQUESTS * 2,
        all_fired: true,
      },
      {
        kind: 'overdue',
        milestones: REQUESTS - 1,
        emails: REQUESTS - 1,
        keys: REQUESTS - 1,
        all_fired: true,
      },
    ]);
    const [{ status }] = await ds.query(`SELECT status FROM milestones WHERE id = $1`, [stale]);
    expect(status).toBe('cancelled');
  }, 420_000);
});
