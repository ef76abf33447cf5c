import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { MailDeliveryModule, MailModule, OUTBOX, Outbox, OutboxDispatcherService } from '@disclose/mail';
import { QUEUES, QueuesModule, buildJobId } from '@disclose/queues';
import { currentTestRun, testProcessEnv } from '@disclose/testing';
import { OutboxListener } from './outbox-listener';

/** The dispatcher against the run's PostgreSQL and Redis (no processor runs here: jobs stay waiting). */
describe(OutboxDispatcherService.name, () => {
  let moduleRef: TestingModule;
  let sut: OutboxDispatcherService;
  let outbox: Outbox;
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
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  async function enqueue(): Promise<string> {
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
    return (await db.query(`SELECT id FROM outbox WHERE dedupe_key = $1`, [dedupeKey]))[0].id;
  }

  it('queues one job per due row, with the job id derived from the row id, however often it sweeps', async () => {
    const id = await enqueue();
    await sut.sweep();
    await sut.sweep();
    const job = await queue.getJob(buildJobId('mail', id));
    expect(job?.data).toEqual({ outboxId: id });
    const waiting = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(waiting.filter((j) => j.data.outboxId === id)).toHaveLength(1);
  });

  it('leaves rows that are not due yet alone', async () => {
    const id = await enqueue();
    await db.query(`UPDATE outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [id]);
    await sut.sweep();
    expect(await queue.getJob(buildJobId('mail', id))).toBeUndefined();
  });

  it('puts a row abandoned in sending (worker died mid-send) back to pending after the timeout', async () => {
    const [stale, fresh] = [await enqueue(), await enqueue()];
    await db.query(
      `UPDATE outbox SET status = 'sending', updated_at = now() - interval '2 minutes' WHERE id = $1`,
      [stale],
    );
    await db.query(`UPDATE outbox SET status = 'sending', updated_at = now() WHERE id = $1`, [fresh]);
    await sut.sweep();
    const rows = await db.query(`SELECT id, status, last_error FROM outbox WHERE id = ANY($1) ORDER BY id`, [
      [stale, fresh],
    ]);
    const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId[stale]).toMatchObject({
      status: 'pending',
      last_error: expect.stringContaining('interrupted'),
    });
    expect(byId[fresh].status).toBe('sending');
    expect(await queue.getJob(buildJobId('mail', stale))).toBeDefined();
  });
});

describe(OutboxListener.name, () => {
  it('hears NOTIFY on the outbox channel, and comes back after its connection is killed', async () => {
    const { databaseUrl } = currentTestRun();
    let wakes = 0;
    let onWake: () => void = () => undefined;
    const woken = () => new Promise<void>((resolve) => (onWake = resolve));
    const listener = new OutboxListener(databaseUrl, () => (wakes++, onWake()), { warn: () => undefined });
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const connected = woken();
      listener.start();
      await connected; // a (re)connect wakes the dispatcher once, to catch up
      const notified = woken();
      await admin.query(`SELECT pg_notify('disclose_outbox', '')`);
      await notified;
      const reconnected = woken();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'disclose-mail-listener'
           AND datname = current_database()`,
      );
      await reconnected;
      const again = woken();
      await admin.query(`SELECT pg_notify('disclose_outbox', '')`);
      await again;
      expect(wakes).toBeGreaterThanOrEqual(4);
    } finally {
      await listener.stop();
      await admin.end();
    }
  }, 20_000);
});
