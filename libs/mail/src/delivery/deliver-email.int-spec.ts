import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import {
  DeliverEmailService,
  MailDeliveryModule,
  MailModule,
  OUTBOX,
  Outbox,
  OutboxEmail,
} from '@disclose/mail';
import { QUEUES, QueuesModule } from '@disclose/queues';
import { SmtpCapture, testProcessEnv } from '@disclose/testing';
import { MailTransportService } from './mail-transport.service';

const BASE_MS = 60_000;
const MAX_ATTEMPTS = 3;

/** Delivery against the run's PostgreSQL and a real SMTP server; time is moved by editing next_attempt_at. */
describe(DeliverEmailService.name, () => {
  const smtp = new SmtpCapture();
  let moduleRef: TestingModule;
  let sut: DeliverEmailService;
  let outbox: Outbox;
  let db: DataSource;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const config = loadConfig({
      ...testProcessEnv({ SMTP_URL: smtpUrl }),
      MAIL_RETRY_BASE_MS: String(BASE_MS),
      MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('test'),
        QueuesModule.forRoot([QUEUES.mail]),
        MailModule,
        MailDeliveryModule,
      ],
    }).compile();
    sut = moduleRef.get(DeliverEmailService);
    outbox = moduleRef.get(OUTBOX);
    db = moduleRef.get(getDataSourceToken());
  });

  afterAll(async () => {
    await moduleRef?.close();
    await smtp.stop();
  });

  beforeEach(() => {
    smtp.refuseWith = undefined;
  });

  function email(overrides: Partial<OutboxEmail> = {}): OutboxEmail {
    const requestId = randomUUID();
    return {
      dedupeKey: `test:${randomUUID()}`,
      to: `clerk-${randomUUID().slice(0, 8)}@example.org`,
      locale: 'zh-CN',
      template: 'reminder_due',
      params: { trackingNumber: 'PLGT-2025-000042', requestId, dueOn: '2025-10-30', daysLeft: 2 },
      requestId,
      ...overrides,
    };
  }

  async function enqueue(e: OutboxEmail): Promise<string> {
    await db.transaction((manager) => outbox.enqueue(manager, [e]));
    const [row] = await db.query(`SELECT id FROM outbox WHERE dedupe_key = $1`, [e.dedupeKey]);
    return row.id as string;
  }

  const row = async (id: string) => (await db.query(`SELECT * FROM outbox WHERE id = $1`, [id]))[0];
  const received = (id: string) => smtp.messages.filter((m) => m.messageId === `<outbox-${id}@disclose>`);
  const makeDue = (id: string) => db.query(`UPDATE outbox SET next_attempt_at = now() WHERE id = $1`, [id]);

  it('writes nothing when the caller rolls back', async () => {
    const e = email();
    await expect(
      db.transaction(async (manager) => {
        await outbox.enqueue(manager, [e]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await db.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [e.dedupeKey])).toHaveLength(0);
  });

  it('keeps one row for the same dedupe key enqueued twice', async () => {
    const e = email();
    await db.transaction((manager) => outbox.enqueue(manager, [e, { ...e, to: 'other@example.org' }]));
    await db.transaction((manager) => outbox.enqueue(manager, [e]));
    const rows = await db.query(`SELECT to_address, status FROM outbox WHERE dedupe_key = $1`, [e.dedupeKey]);
    expect(rows).toEqual([{ to_address: e.to, status: 'pending' }]);
  });

  it('sends a row once, with the Message-ID derived from its id, however often it runs', async () => {
    const id = await enqueue(email());
    const outcomes = await Promise.all([sut.deliver(id), sut.deliver(id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(await sut.deliver(id)).toBe('skipped');
    const messages = received(id);
    expect(messages).toHaveLength(1);
    expect(messages[0].subject).toContain('PLGT-2025-000042');
    expect(messages[0].subject).toContain('2025年10月30日');
    expect(messages[0].html).toContain('/requests/');
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      message_id: `<outbox-${id}@disclose>`,
    });
    expect((await row(id)).sent_at).toBeInstanceOf(Date);
  });

  it('a mail job sends its own row and other due rows with it, each once, however many jobs run at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueue(email({ locale: i % 2 ? 'en' : 'zh-CN' })));
    // The oldest due rows of the shared database (batches take the oldest first), ahead of other suites'.
    await db.query(`UPDATE outbox SET next_attempt_at = '2000-01-01' WHERE id = ANY($1)`, [ids]);
    const reports = await Promise.all(
      [ids[0], ids[1], ids[0], ids[29]].map((id) => sut.deliverBatch(id, 40)),
    );
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(30);
    expect(reports.filter((r) => r.own === 'sent').length).toBeLessThanOrEqual(3);
    for (const id of ids) {
      expect(received(id)).toHaveLength(1);
      expect(await row(id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        message_id: `<outbox-${id}@disclose>`,
      });
    }
    // The jobs of the rows taken along find nothing left to do.
    expect(await sut.deliverBatch(ids[7])).toMatchObject({ own: 'skipped' });
    expect(received(ids[7])).toHaveLength(1);
  });

  it('keeps the email while SMTP refuses, backing off exponentially, and sends it when SMTP accepts', async () => {
    const id = await enqueue(email({ locale: 'en' }));
    smtp.refuseWith = 451;
    expect(await sut.deliver(id)).toBe('retry');
    let r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.last_error).toContain('451');
    expect(r.next_attempt_at.getTime() - r.updated_at.getTime()).toBe(BASE_MS);
    // Not due yet: a second job for the row does nothing.
    expect(await sut.deliver(id)).toBe('skipped');
    await makeDue(id);
    expect(await sut.deliver(id)).toBe('retry');
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.next_attempt_at.getTime() - r.updated_at.getTime()).toBe(2 * BASE_MS);
    smtp.refuseWith = undefined;
    await makeDue(id);
    expect(await sut.deliver(id)).toBe('sent');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(received(id)).toHaveLength(1);
    expect(received(id)[0].subject).toContain('30 October 2025');
  });

  it('gives up after MAIL_MAX_ATTEMPTS and marks the row failed with the last SMTP error', async () => {
    const id = await enqueue(email());
    smtp.refuseWith = 451;
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await makeDue(id);
      outcomes.push(await sut.deliver(id));
    }
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect((await row(id)).last_error).toMatch(/451/);
    smtp.refuseWith = undefined;
    await makeDue(id);
    expect(await sut.deliver(id)).toBe('skipped');
    expect(received(id)).toHaveLength(0);
  });

  it('records a send that outlived MAIL_SENDING_TIMEOUT_MS (reclaimed meanwhile), so it is not sent again', async () => {
    const id = await enqueue(email());
    const transport = moduleRef.get(MailTransportService);
    const send = transport.send.bind(transport);
    const spy = jest.spyOn(transport, 'send').mockImplementationOnce(async (message) => {
      // What the sweep does to a row whose send takes longer than the timeout.
      await db.query(`UPDATE outbox SET status = 'pending', next_attempt_at = now() WHERE id = $1`, [id]);
      await send(message);
    });
    try {
      expect(await sut.deliver(id)).toBe('sent');
    } finally {
      spy.mockRestore();
    }
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(await sut.deliver(id)).toBe('skipped');
    expect(received(id)).toHaveLength(1);
  });

  it('fails a row that cannot render at once, without sending or retrying', async () => {
    const id = await enqueue(email({ params: { trackingNumber: 'X' } }));
    expect(await sut.deliver(id)).toBe('failed');
    const r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r.last_error).toContain('requestId');
    expect(received(id)).toHaveLength(0);
  });
});
