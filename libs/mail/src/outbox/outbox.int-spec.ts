import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { OutboxEmail, OutboxService } from '@disclose/mail';
import { bullConnection, buildJobId, QUEUES } from '@disclose/queues';
import { currentTestRun } from '@disclose/testing';

/**
 * enqueue in the caller's transaction: the row exists exactly when the caller commits, and its mail job
 * is put on the queue after that commit (never for a rollback, never before the outermost commit).
 */
describe(OutboxService.name, () => {
  const run = currentTestRun();
  const queue = new Queue(QUEUES.mail, {
    connection: bullConnection({ queueBackend: 'redis', redisUrl: run.redisUrl, databaseUrl: '' }) as never,
    prefix: run.redisPrefix,
  });
  const sut = new OutboxService(queue);
  let db: DataSource;

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: run.databaseUrl, databasePoolSize: 2 }, 'outbox-test');
    await db.initialize();
  });

  afterAll(async () => {
    await sut.handOffsSettled();
    await queue.close();
    await db.destroy();
  });

  const email = (): OutboxEmail => ({
    dedupeKey: `test:${randomUUID()}`,
    to: 'someone@example.org',
    locale: 'en',
    template: 'verify_email',
    params: { link: 'https://example.org/verify?token=x' },
  });

  const idOf = async (manager: EntityManager, e: OutboxEmail): Promise<string> =>
    (await manager.query(`SELECT id FROM outbox WHERE dedupe_key = $1`, [e.dedupeKey]))[0].id;
  const jobOf = (id: string) => queue.getJob(buildJobId('mail', id));

  it('queues the mail job of each new row after the commit, and nothing for a rollback', async () => {
    const rolledBack = email();
    let rolledBackId = '';
    await db
      .transaction(async (manager) => {
        await sut.enqueue(manager, [rolledBack]);
        rolledBackId = await idOf(manager, rolledBack);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const [a, b] = [email(), email()];
    const ids = await db.transaction(async (manager) => {
      await sut.enqueue(manager, [a, b]);
      const inside = [await idOf(manager, a), await idOf(manager, b)];
      await sut.handOffsSettled();
      // Not before the commit: the worker would find no row (or a row it must not send yet).
      expect(await jobOf(inside[0])).toBeUndefined();
      return inside;
    });
    await sut.handOffsSettled();
    for (const id of ids) expect((await jobOf(id))?.data).toEqual({ outboxId: id });
    expect(rolledBackId).not.toBe('');
    expect(await jobOf(rolledBackId)).toBeUndefined();
    expect(await db.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [rolledBack.dedupeKey])).toHaveLength(
      0,
    );
  });

  it('waits for the outermost commit when enqueued in a nested transaction (savepoint)', async () => {
    const e = email();
    const id = await db.transaction(async (outer) => {
      await outer.transaction((inner) => sut.enqueue(inner, [e]));
      const inside = await idOf(outer, e);
      await sut.handOffsSettled();
      expect(await jobOf(inside)).toBeUndefined();
      return inside;
    });
    await sut.handOffsSettled();
    expect(await jobOf(id)).toBeDefined();
  });

  it('queues at once outside a transaction (the insert has already committed)', async () => {
    const e = email();
    await sut.enqueue(db.manager, [e]);
    await sut.handOffsSettled();
    expect(await jobOf(await idOf(db.manager, e))).toBeDefined();
  });

  it('does not queue a second job for a repeated dedupe key', async () => {
    const e = email();
    await db.transaction((manager) => sut.enqueue(manager, [e]));
    await sut.handOffsSettled();
    const id = await idOf(db.manager, e);
    await (await jobOf(id))!.remove();
    await db.transaction((manager) => sut.enqueue(manager, [e]));
    await sut.handOffsSettled();
    expect(await jobOf(id)).toBeUndefined();
  });

  it('refuses an email it could never send, so the caller finds out in its own transaction', async () => {
    await expect(
      db.transaction((manager) => sut.enqueue(manager, [{ ...email(), template: 'nope' as never }])),
    ).rejects.toThrow(/unknown mail template/);
    await expect(
      db.transaction((manager) => sut.enqueue(manager, [{ ...email(), to: 'not-an-address' }])),
    ).rejects.toThrow(/no valid address/);
  });
});
