import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import { RequestsWorld, createRequestsWorld } from './requests.fixtures';

/**
 * The outbox as admins see it, against the built api and worker: an email the SMTP server keeps refusing
 * fails after MAIL_MAX_ATTEMPTS and shows up with its error in /api/v1/admin/mail, /health and /metrics;
 * an admin retries it once SMTP accepts again. Bull Board at /admin/queues is for admins only.
 */
describe('mail operations (built api + worker)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let world: RequestsWorld;
  let id: string;

  const call = (path: string, who?: 'admin' | 'clerk', method = 'GET') =>
    fetch(`${base}${path}`, { method, headers: who ? { authorization: `Bearer ${world.tokens[who]}` } : {} });
  const statusOf = async () =>
    (await db.query(`SELECT status FROM outbox WHERE id = $1`, [id])).rows[0]?.status;
  async function until(status: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await statusOf()) !== status) {
      if (Date.now() > deadline)
        throw new Error(`row never became ${status}: ${await statusOf()}\n${worker.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    smtp.refuseWith = 451;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = testProcessEnv({
      SMTP_URL: smtpUrl,
      PORT: String(port),
      PUBLIC_URL: base,
      MAIL_MAX_ATTEMPTS: '2',
      MAIL_RETRY_BASE_MS: '100',
    });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await db.connect();
    await waitForHttp(`${base}/health`, 200, 60_000);
    world = await createRequestsWorld(db, base);
    const { rows } = await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params)
       VALUES ($1, 'ops@example.org', 'en', 'reminder_due', $2) RETURNING id`,
      [
        `e2e-ops:${randomUUID()}`,
        { trackingNumber: 'OPS-2025-000001', requestId: randomUUID(), dueOn: '2025-10-30', daysLeft: 1 },
      ],
    );
    id = rows[0].id;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
    await smtp.stop();
  });

  it('fails an email SMTP keeps refusing and shows it to admins only, with the SMTP error', async () => {
    await until('failed');
    const response = await call('/api/v1/admin/mail?status=failed&limit=500', 'admin');
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Array<Record<string, unknown>>; total: number };
    const mine = page.items.find((item) => item.id === id);
    expect(mine).toMatchObject({
      status: 'failed',
      attempts: 2,
      template: 'reminder_due',
      to: 'ops@example.org',
      // The subject line as sent, rendered from the row's params (not the template's name).
      subject: 'Request OPS-2025-000001 is due tomorrow (30 October 2025)',
    });
    expect(mine!.lastError).toContain('451');
    expect((await call('/api/v1/admin/mail', 'clerk')).status).toBe(403);
    expect((await call('/api/v1/admin/mail')).status).toBe(401);
    expect((await call('/api/v1/admin/mail?status=lost', 'admin')).status).toBe(400);
  }, 90_000);

  it('reports outbox counts in /health (still 200) and in /metrics', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const details = ((await health.json()) as { details: Record<string, Record<string, unknown>> }).details;
    expect(details.mail).toMatchObject({
      status: 'up',
      failed: expect.any(Number),
      pending: expect.any(Number),
    });
    expect(details.mail.failed).toBeGreaterThanOrEqual(1);
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('# TYPE disclose_outbox_emails gauge');
    const failed = Number(/disclose_outbox_emails\{status="failed"\} (\d+)/.exec(text)?.[1]);
    expect(failed).toBeGreaterThanOrEqual(1);
    for (const status of ['pending', 'sending', 'sent'])
      expect(text).toContain(`disclose_outbox_emails{status="${status}"}`);
  });

  it('lets an admin retry a failed email once SMTP accepts again; sent ones are not retriable', async () => {
    smtp.refuseWith = undefined;
    expect((await call(`/api/v1/admin/mail/${id}/retry`, 'clerk', 'POST')).status).toBe(403);
    const retried = await call(`/api/v1/admin/mail/${id}/retry`, 'admin', 'POST');
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual({ id, status: 'pending' });
    await until('sent');
    expect(smtp.messages.filter((m) => m.messageId === `<outbox-${id}@disclose>`)).toHaveLength(1);
    expect((await call(`/api/v1/admin/mail/${id}/retry`, 'admin', 'POST')).status).toBe(409);
    expect((await call(`/api/v1/admin/mail/${randomUUID()}/retry`, 'admin', 'POST')).status).toBe(404);
    expect((await call(`/api/v1/admin/mail/not-a-uuid/retry`, 'admin', 'POST')).status).toBe(400);
  }, 90_000);

  it('serves Bull Board at /admin/queues to admins only', async () => {
    expect((await call('/admin/queues')).status).toBe(401);
    expect((await call('/admin/queues', 'clerk')).status).toBe(403);
    const page = await call('/admin/queues', 'admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await call('/admin/queues/api/queues', 'admin');
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['mail', 'milestones', 'diagnostics', 'maintenance']));
    expect((await call('/admin/queues/api/queues', 'clerk')).status).toBe(403);
  });

  it('lists the admin mail endpoints and /metrics in the OpenAPI document', async () => {
    const document = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin/mail', '/api/v1/admin/mail/{id}/retry', '/metrics']),
    );
  });
});
