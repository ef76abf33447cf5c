import { Client } from 'pg';
import { AppProcess, SmtpCapture, currentTestRun, newRunId, testProcessEnv } from '@disclose/testing';

const ROWS = 1000;
const SENDING_TIMEOUT_MS = 5000;

/**
 * The built worker delivering 1,000 outbox rows is killed with SIGKILL mid-delivery and restarted: every
 * email arrives, and an email arrives twice only if its row was in 'sending' when the worker died (the
 * kill fell between the SMTP answer and the commit). Duplicates share the row's Message-ID.
 */
describe('mail delivery survives a killed worker (built worker process)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  const batch = `e2e-mail-${newRunId()}`;
  let env: Record<string, string>;
  let worker: AppProcess | undefined;

  const counts = async (): Promise<Record<string, number>> => {
    const rows = await db.query(
      `SELECT status, count(*)::int AS n FROM outbox WHERE dedupe_key LIKE $1 GROUP BY status`,
      [`${batch}:%`],
    );
    return Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
  };

  async function until(predicate: (c: Record<string, number>) => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(await counts())) {
      if (Date.now() > deadline)
        throw new Error(`outbox did not get there: ${JSON.stringify(await counts())}\n${worker?.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    env = testProcessEnv({
      SMTP_URL: smtpUrl,
      MAIL_SENDING_TIMEOUT_MS: String(SENDING_TIMEOUT_MS),
      MAIL_RETRY_BASE_MS: '200',
    });
    await db.connect();
  });

  afterAll(async () => {
    await worker?.stop();
    await db.end();
    await smtp.stop();
  });

  it('delivers all 1,000 emails after a SIGKILL, duplicating at most the rows caught in sending', async () => {
    await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params)
       SELECT $1 || ':' || n, 'user' || n || '@example.org', CASE WHEN n % 2 = 0 THEN 'en' ELSE 'zh-CN' END,
              'request_acknowledged',
              jsonb_build_object('trackingNumber', 'E2E-2025-' || lpad(n::text, 6, '0'),
                                 'requestId', gen_random_uuid(), 'dueOn', '2025-10-30', 'agencyName', 'Agency')
         FROM generate_series(1, $2::int) AS n`,
      [batch, ROWS],
    );
    const ids = new Set<string>(
      (await db.query(`SELECT id FROM outbox WHERE dedupe_key LIKE $1`, [`${batch}:%`])).rows.map(
        (r) => r.id,
      ),
    );
    expect(ids.size).toBe(ROWS);

    const started = Date.now();
    worker = new AppProcess('worker', env).start();
    await until((c) => (c.sent ?? 0) >= 1, 60_000);
    const firstSent = Date.now();
    await until((c) => (c.sent ?? 0) >= ROWS * 0.3, 60_000);
    worker.kill('SIGKILL');
    await worker.wait();
    const killedAt = Date.now();
    const atKill = await counts();
    const sendingAtKill = atKill.sending ?? 0;
    const sentBeforeKill = atKill.sent ?? 0;

    const restarted = Date.now();
    worker = new AppProcess('worker', env).start();
    await until((c) => c.sent === ROWS, 120_000);
    const finished = Date.now();

    const mine = smtp.messages
      .map((m) => String(m.headers.get('x-disclose-outbox-id') ?? ''))
      .filter((id) => ids.has(id));
    const delivered = new Set(mine);
    const duplicates = mine.length - delivered.size;
    const messageIds = smtp.messages.filter((m) => ids.has(String(m.headers.get('x-disclose-outbox-id'))));
    for (const m of messageIds)
      expect(m.messageId).toBe(`<outbox-${m.headers.get('x-disclose-outbox-id')}@disclose>`);

    console.log(
      [
        `mail e2e: ${ROWS} rows; worker start -> first email ${firstSent - started} ms`,
        `before the kill: ${sentBeforeKill} sent in ${killedAt - firstSent} ms ` +
          `(${Math.round((sentBeforeKill * 1000) / Math.max(1, killedAt - firstSent))} emails/s)`,
        `at the kill: ${sendingAtKill} rows in 'sending', ${atKill.pending ?? 0} pending`,
        `after restart: ${ROWS - sentBeforeKill} sent in ${finished - restarted} ms ` +
          `(includes MAIL_SENDING_TIMEOUT_MS=${SENDING_TIMEOUT_MS} and BullMQ stall recovery)`,
        `delivered ${delivered.size} distinct, ${mine.length} messages, duplicates ${duplicates} (bound ${sendingAtKill})`,
      ].join('\n'),
    );
    expect(delivered.size).toBe(ROWS);
    expect(duplicates).toBeLessThanOrEqual(sendingAtKill);
    expect(await counts()).toEqual({ sent: ROWS });
  }, 240_000);
});
