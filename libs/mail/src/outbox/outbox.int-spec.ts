import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { OUTBOX_CHANNEL, OutboxEmail, OutboxService } from '@disclose/mail';
import { currentTestRun } from '@disclose/testing';

/** enqueue in the caller's transaction: the row and the wake-up exist exactly when the caller commits. */
describe(OutboxService.name, () => {
  const sut = new OutboxService();
  let db: DataSource;
  const listener = new Client({ connectionString: currentTestRun().databaseUrl });
  const heard: Notification[] = [];

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 2 }, 'outbox-test');
    await db.initialize();
    await listener.connect();
    listener.on('notification', (n) => heard.push(n));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });

  afterAll(async () => {
    await listener.end();
    await db.destroy();
  });

  const email = (): OutboxEmail => ({
    dedupeKey: `test:${randomUUID()}`,
    to: 'someone@example.org',
    locale: 'en',
    template: 'verify_email',
    params: { link: 'https://example.org/verify?token=x' },
  });

  it('notifies the dispatcher on commit only', async () => {
    const rolledBack = email();
    await db
      .transaction(async (manager) => {
        await sut.enqueue(manager, [rolledBack]);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await db.transaction((manager) => sut.enqueue(manager, [email(), email()]));
    // Notifications arrive in commit order: once the marker is here, everything before it is too.
    const marker = new Promise<void>((resolve) =>
      listener.on('notification', (n) => n.payload === 'marker' && resolve()),
    );
    await db.query(`SELECT pg_notify($1, 'marker')`, [OUTBOX_CHANNEL]);
    await marker;
    expect(heard.map((n) => n.payload)).toEqual(['', 'marker']);
    expect(await db.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [rolledBack.dedupeKey])).toHaveLength(
      0,
    );
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
