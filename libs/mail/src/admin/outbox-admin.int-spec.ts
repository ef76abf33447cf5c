import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { OutboxAdminService, OutboxService, renderEmail } from '@disclose/mail';
import { bullConnection, QUEUES } from '@disclose/queues';
import { currentTestRun } from '@disclose/testing';

/**
 * The admin's failed list shows each email's real subject line: the row's template rendered with its
 * params in its locale, as the delivery renders it (not the template's name), and never the params.
 */
describe(OutboxAdminService.name, () => {
  const run = currentTestRun();
  const queue = new Queue(QUEUES.mail, {
    connection: bullConnection({ queueBackend: 'redis', redisUrl: run.redisUrl, databaseUrl: '' }) as never,
    prefix: run.redisPrefix,
  });
  const outbox = new OutboxService(queue);
  const publicUrl = 'https://foi.example.org';
  let db: DataSource;
  let sut: OutboxAdminService;

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: run.databaseUrl, databasePoolSize: 2 }, 'outbox-admin-test');
    await db.initialize();
    sut = new OutboxAdminService(db, outbox, { publicUrl });
  });

  afterAll(async () => {
    await outbox.handOffsSettled();
    await queue.close();
    await db.destroy();
  });

  const insertFailed = async (
    locale: string,
    template: string,
    params: Record<string, unknown>,
  ): Promise<string> => {
    const [{ id }] = (await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, status, attempts, last_error)
       VALUES ($1, 'admin-view@example.org', $2, $3, $4, 'failed', 5, '550 no such user') RETURNING id`,
      [`admin-view:${randomUUID()}`, locale, template, params],
    )) as Array<{ id: string }>;
    return id;
  };

  /** Every failed row, newest first, until the given ids are all found (other suites add rows too). */
  const viewsOf = async (ids: string[]) => {
    const { items } = await sut.list('failed', 500, 0);
    return ids.map((id) => items.find((item) => item.id === id));
  };

  it('carries the subject each recipient saw, rendered in the row’s own language', async () => {
    const tracking = `ADM-2025-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const params = { trackingNumber: tracking, requestId: randomUUID(), dueOn: '2025-10-30' };
    const en = await insertFailed('en', 'extension_granted', params);
    const zh = await insertFailed('zh-CN', 'extension_granted', params);
    const [enView, zhView] = await viewsOf([en, zh]);

    expect(enView?.subject).toBe(`Request ${tracking}: the deadline was extended to 30 October 2025`);
    expect(zhView?.subject).toBe(`申请 ${tracking}：答复期限延长至2025年10月30日`);
    // The same rendering path as the delivery: byte for byte what renderEmail gives.
    expect(enView?.subject).toBe(renderEmail('extension_granted', 'en', params, publicUrl).subject);
    expect(enView).toMatchObject({ template: 'extension_granted', locale: 'en', attempts: 5 });
    // The params are not part of the admin's view (addresses and texts of other people stay in the row).
    expect(Object.keys(enView ?? {})).not.toContain('params');
  });

  it('gives no subject (null) for a row that cannot render, and still lists it', async () => {
    const missing = await insertFailed('en', 'extension_granted', { trackingNumber: 'X' });
    const unknown = await insertFailed('en', 'no_such_template', {});
    const [missingView, unknownView] = await viewsOf([missing, unknown]);
    expect(missingView).toMatchObject({ subject: null, template: 'extension_granted' });
    expect(unknownView).toMatchObject({ subject: null, template: 'no_such_template' });
  });
});
