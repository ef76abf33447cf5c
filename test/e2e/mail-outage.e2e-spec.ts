import { Client } from 'pg';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  newRunId,
  testProcessEnv,
} from '@disclose/testing';

const ROWS = 200;

/**
 * The SMTP server is down (nothing listens on its port) while the built worker has 200 emails to send:
 * they wait as pending rows, retried with backoff and the connection error recorded, none given up; when
 * the server comes back on the same port, every one goes out, exactly once.
 */
describe('mail delivery through an SMTP outage (built worker process)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  const batch = `e2e-outage-${newRunId()}`;
  let port: number;
  let worker: AppProcess | undefined;

  const rows = async () =>
    (
      await db.query(`SELECT id, status, attempts, last_error FROM outbox WHERE dedupe_key LIKE $1`, [
        `${batch}:%`,
      ])
    ).rows as Array<{ id: string; status: string; attempts: number; last_error: string | null }>;

  async function until(what: string, predicate: (r: Awaited<ReturnType<typeof rows>>) => boolean) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await rows();
      if (predicate(r)) return r;
      if (Date.now() > deadline)
        throw new Error(`${what}: ${JSON.stringify(r.slice(0, 3))}\n${worker?.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    port = await freePort();
    await db.connect();
  });

  afterAll(async () => {
    await worker?.stop();
    await db.end();
    await smtp.stop();
  });

  it('keeps every email while SMTP is down and sends each once when it is back', async () => {
    await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params)
       SELECT $1 || ':' || n, 'outage' || n || '@example.org', CASE WHEN n % 2 = 0 THEN 'en' ELSE 'zh-CN' END,
              'request_acknowledged',
              jsonb_build_object('trackingNumber', 'OUT-2025-' || lpad(n::text, 6, '0'),
                                 'requestId', gen_random_uuid(), 'dueOn', '2025-10-30', 'agencyName', 'Agency')
         FROM generate_series(1, $2::int) AS n`,
      [batch, ROWS],
    );
    worker = new AppProcess(
      'worker',
      testProcessEnv({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_RETRY_BASE_MS: '200',
        MAIL_MAX_ATTEMPTS: '30',
      }),
    ).start();

    // Down: every row tried at least twice, none sent, none given up, the connection error recorded.
    const during = await until(
      'every row tried twice',
      (r) => r.length === ROWS && r.every((x) => x.attempts >= 2),
    );
    expect(during.filter((x) => x.status === 'sent' || x.status === 'failed')).toEqual([]);
    expect(during.every((x) => /ECONNREFUSED|connect/i.test(x.last_error ?? ''))).toBe(true);

    // Back on the same port: everything goes out, once.
    await smtp.start(port);
    await until('every row sent', (r) => r.every((x) => x.status === 'sent'));
    const ids = new Set(during.map((x) => x.id));
    const mine = smtp.messages
      .map((m) => String(m.headers.get('x-disclose-outbox-id') ?? ''))
      .filter((id) => ids.has(id));
    expect(mine).toHaveLength(ROWS);
    expect(new Set(mine).size).toBe(ROWS);
  }, 180_000);
});
