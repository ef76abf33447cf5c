import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import {
  MailDeliveryModule,
  MailModule,
  OUTBOX,
  OutboxDispatcherService,
  OutboxService,
} from '@disclose/mail';
import { QUEUES, QueuesModule, buildJobId } from '@disclose/queues';
import { testProcessEnv } from '@disclose/testing';

/** A sweep pages through every due row of the suite's database: allow for it on a busy machine. */
const SWEEP_TEST_TIMEOUT_MS = 30_000;

/** The dispatcher against the run's PostgreSQL and Redis (no processor runs here: jobs stay waiting). */
describe(OutboxDispatcherService.name, () => {
  let moduleRef: TestingModule;
  let sut: OutboxDispatcherService;
  let outbox: OutboxService;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    const config = loadConfig({ ...testProcessEnv(), MAIL_SENDING_TIMEOUT_MS: '60000' });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('test'),
        QueuesModule.forRoot([QUEUES.mail]),
        MailModule,
        MailDeliveryModule,
      ],
    }).compile();
    sut = moduleRef.get(OutboxDispatcherService);
    outbox = moduleRef.get(OUTBOX);
    db = moduleRef.get(getDataSourceToken());
    queue = moduleRef.get(getQueueToken(QUEUES.mail));
  }, SWEEP_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await moduleRef?.close();
  }, SWEEP_TEST_TIMEOUT_MS);

  /** A row written without the outbox service (as by a process whose hand-off was lost): only a sweep queues it. */
  async function insertRow(): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params)
       VALUES ($1, 'a@example.org', 'en', 'verify_email', '{"link":"https://x.test/v"}') RETURNING id`,
      [`test:${randomUUID()}`],
    );
    return id;
  }

  it(
    'is not needed for a row written through the outbox: its job is queued after the commit',
    async () => {
      const dedupeKey = `test:${randomUUID()}`;
      await db.transaction((manager) =>
        outbox.enqueue(manager, [
          {
            dedupeKey,
            to: 'a@example.org',
            locale: 'en',
            template: 'verify_email',
            params: { link: 'https://x.test/v' },
          },
        ]),
      );
      await outbox.handOffsSettled();
      const [{ id }] = await db.query(`SELECT id FROM outbox WHERE dedupe_key = $1`, [dedupeKey]);
      expect((await queue.getJob(buildJobId('mail', id)))?.data).toEqual({ outboxId: id });
    },
    SWEEP_TEST_TIMEOUT_MS,
  );

  it(
    'queues one job per due row, with the job id derived from the row id, however often it sweeps',
    async () => {
      const id = await insertRow();
      expect(await queue.getJob(buildJobId('mail', id))).toBeUndefined();
      await sut.sweep();
      await sut.sweep();
      const job = await queue.getJob(buildJobId('mail', id));
      expect(job?.data).toEqual({ outboxId: id });
      const waiting = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(waiting.filter((j) => j.data.outboxId === id)).toHaveLength(1);
    },
    SWEEP_TEST_TIMEOUT_MS,
  );

  it(
    'queues a backlog larger than one page whose rows share one instant to the microsecond',
    async () => {
      // One statement, one now(): 2,500 rows with the same next_attempt_at (microseconds included), more
      // than one page of the sweep; a cursor that lost the microseconds read the first page again.
      const rows = (await db.query(
        `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, next_attempt_at)
         SELECT 'test:same-instant:' || $1 || ':' || n, 'a@example.org', 'en', 'verify_email',
                '{"link":"https://x.test/v"}', '2020-01-01 00:00:00.123456+00'
           FROM generate_series(1, 2500) AS n RETURNING id`,
        [randomUUID()],
      )) as Array<{ id: string }>;
      expect(await sut.sweep()).toBeGreaterThanOrEqual(2500);
      const queued = await Promise.all(rows.map(({ id }) => queue.getJob(buildJobId('mail', id))));
      expect(queued.filter((job) => job === undefined)).toHaveLength(0);
      await db.query(`UPDATE outbox SET status = 'failed' WHERE id = ANY($1::uuid[])`, [
        rows.map(({ id }) => id),
      ]);
    },
    SWEEP_TEST_TIMEOUT_MS,
  );

  it(
    'leaves rows that are not due yet alone',
    async () => {
      const id = await insertRow();
      await db.query(`UPDATE outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [id]);
      await sut.sweep();
      expect(await queue.getJob(buildJobId('mail', id))).toBeUndefined();
    },
    SWEEP_TEST_TIMEOUT_MS,
  );

  it(
    'puts a row abandoned in sending (worker died mid-send) back to pending after the timeout',
    async () => {
      const [stale, fresh] = [await insertRow(), await insertRow()];
      await db.query(
        `UPDATE outbox SET status = 'sending', updated_at = now() - interval '2 minutes' WHERE id = $1`,
        [stale],
      );
      await db.query(`UPDATE outbox SET status = 'sending', updated_at = now() WHERE id = $1`, [fresh]);
      await sut.sweep();
      const rows = await db.query(
        `SELECT id, status, last_error FROM outbox WHERE id = ANY($1) ORDER BY id`,
        [[stale, fresh]],
      );
      const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
      expect(byId[stale]).toMatchObject({
        status: 'pending',
        last_error: expect.stringContaining('interrupted'),
      });
      expect(byId[fresh].status).toBe('sending');
      expect(await queue.getJob(buildJobId('mail', stale))).toBeDefined();
    },
    SWEEP_TEST_TIMEOUT_MS,
  );
});
