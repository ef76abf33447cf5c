import { Queue } from 'bullmq';
import { Client } from 'pg';
import { formatCivilDate } from '@disclose/mail';
import { FIRE_JOB, milestoneJobId } from '@disclose/milestones';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import { asUser, createRequestsWorld, type RequestsWorld } from './requests.fixtures';

/**
 * A milestone timer end to end: a request filed over HTTP (built api) gets its reminders planned; one of
 * them is brought forward to a few seconds from now (time cannot be moved for a child process), `disclose
 * reconcile` (built cli) puts its delayed job on BullMQ, and the built worker fires it when it comes due:
 * the clerk and the supervisor each get the reminder by SMTP, in their own language, with the tracking
 * number, the due date and the link to the request. A second run of the same job sends nothing more.
 */
describe('milestone timers (built api + worker + cli)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  let api: AppProcess;
  let worker: AppProcess;
  let env: Record<string, string>;
  let base: string;
  let world: RequestsWorld;
  let queue: Queue;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = testProcessEnv({ SMTP_URL: smtpUrl, PORT: String(port), PUBLIC_URL: base });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await waitForHttp(`${base}/health`, 200, 60_000);
    await db.connect();
    world = await createRequestsWorld(db, base);
    // The clerk reads Chinese, the supervisor English.
    await db.query(`UPDATE users SET locale = 'zh-CN' WHERE id = $1`, [world.ids.clerk]);
    queue = new Queue('milestones', {
      connection: { url: env.REDIS_URL } as never,
      prefix: env.REDIS_PREFIX,
    });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
    await smtp.stop();
  });

  const to = (m: SmtpCapture['messages'][number]) => JSON.stringify(m.to);
  /** The messages about this request to the staff (the applicant's acknowledgement left out). */
  const reminders = (trackingNumber: string) =>
    smtp.messages.filter(
      (m) =>
        m.subject?.includes(trackingNumber) &&
        [world.emails.clerk, world.emails.supervisor].some((a) => to(m).includes(a)),
    );

  async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${what} did not happen\n${worker.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('fires a reminder when it comes due and emails the clerk and the supervisor in their languages', async () => {
    const filed = await asUser(base, world)('applicantA', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '2024年财政预算执行情况',
      description: '请公开2024年本级财政预算执行情况的说明。',
    });
    expect(filed.status).toBe(201);
    const request: { id: string; trackingNumber: string; dueOn: string } = filed.body;

    // The planned "due in 5 working days" reminder (weeks ahead), brought forward to 3 s from now.
    const milestone = await until('the reminders being planned', async () => {
      const { rows } = await db.query(
        `SELECT id FROM milestones WHERE subject_id = $1 AND kind = 'due_in_5' AND status = 'pending'`,
        [request.id],
      );
      return rows[0] as { id: string } | undefined;
    });
    await queue.remove(milestoneJobId(milestone.id));
    const {
      rows: [{ due_at: dueAt }],
    } = await db.query(
      `UPDATE milestones SET due_at = now() + interval '3 seconds' WHERE id = $1 RETURNING due_at`,
      [milestone.id],
    );
    const cli = new AppProcess('cli', env, ['reconcile']).start();
    expect(await cli.wait()).toBe(0);

    const [clerkMail, supervisorMail] = await until('both reminders arriving by SMTP', () => {
      const mails = reminders(request.trackingNumber);
      const clerk = mails.find((m) => to(m).includes(world.emails.clerk));
      const supervisor = mails.find((m) => to(m).includes(world.emails.supervisor));
      return clerk && supervisor ? [clerk, supervisor] : undefined;
    });
    const link = `${base}/requests/${request.id}`;
    expect(clerkMail.subject).toContain(`申请 ${request.trackingNumber}`);
    expect(clerkMail.subject).toContain(formatCivilDate(request.dueOn, 'zh-CN'));
    expect(clerkMail.text).toContain(formatCivilDate(request.dueOn, 'zh-CN'));
    expect(clerkMail.text).toContain(link);
    expect(clerkMail.html || '').toContain(link);
    expect(supervisorMail.subject).toContain(`Request ${request.trackingNumber}`);
    expect(supervisorMail.subject).toContain(formatCivilDate(request.dueOn, 'en'));
    expect(supervisorMail.text).toContain(link);

    // Fired by its timer, not before it was due (BullMQ may run a job up to 2 s early: clock skew).
    const {
      rows: [fired],
    } = await db.query(`SELECT status, fired_at FROM milestones WHERE id = $1`, [milestone.id]);
    expect(fired.status).toBe('fired');
    expect(new Date(fired.fired_at).getTime()).toBeGreaterThanOrEqual(new Date(dueAt).getTime() - 2000);

    // The same job again (a duplicate offer, a retried job): it finds nothing to do.
    await queue.add(FIRE_JOB, { milestoneId: milestone.id }, { jobId: milestoneJobId(milestone.id) });
    await until('the second job finishing', async () =>
      (await queue.getJob(milestoneJobId(milestone.id))) ? undefined : true,
    );
    const { rows: outbox } = await db.query(`SELECT status FROM outbox WHERE dedupe_key LIKE $1`, [
      `milestone:${milestone.id}:%`,
    ]);
    expect(outbox).toHaveLength(2);
    await until('the outbox rows being sent', async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE $1 AND status = 'sent'`,
        [`milestone:${milestone.id}:%`],
      );
      return rows[0].n === 2 || undefined;
    });
    expect(reminders(request.trackingNumber)).toHaveLength(2);
  }, 120_000);
});
