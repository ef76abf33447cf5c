import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { hashPassword } from '@disclose/identity';
import { fireJob } from '@disclose/milestones';
import { QUEUES } from '@disclose/queues';
import { AppProcess, SmtpCapture, freePort, waitForHttp } from '@disclose/testing';
import { PrivatePostgres, PrivateRedis } from './services';

const ROOT = join(__dirname, '../..');
const PASSWORD = 'correct horse battery staple';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One line per step, so a CI log says what each scenario did and what it checked. */
export function say(scenario: string, line: string): void {
  process.stdout.write(`chaos ${scenario}: ${line}\n`);
}

export interface World {
  code: string;
  agencyId: string;
  clerkId: string;
  clerkEmail: string;
  tokens: string[];
}

export interface FilingOutcome {
  status: number | 'timeout' | 'network';
  ms: number;
  contentType?: string;
  retryAfter?: string | null;
  body?: string;
}

/**
 * The whole system on private services: PostgreSQL and Redis of our own (restartable), an in-process SMTP
 * server, the built api and worker as child processes. Nothing here touches the shared 5432 / 6379.
 */
export class ChaosSystem {
  readonly pg = new PrivatePostgres();
  readonly redis = new PrivateRedis();
  readonly smtp = new SmtpCapture();
  db!: Pool;
  env!: Record<string, string>;
  base = '';
  api?: AppProcess;
  worker?: AppProcess;

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.pg.init();
    const databaseUrl = await this.pg.createDatabase('disclose_chaos_test');
    await this.redis.start();
    const smtpUrl = await this.smtp.start();
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: 'disclose-chaos',
      QUEUE_BACKEND: 'redis',
      SMTP_URL: smtpUrl,
      PORT: String(port),
      PUBLIC_URL: this.base,
      STORAGE_DIR: join(this.pg.dir, 'documents'),
      LOG_LEVEL: 'warn',
      DEFAULT_TIMEZONE: 'Asia/Shanghai',
      MAIL_RETRY_BASE_MS: '500',
      MAIL_SENDING_TIMEOUT_MS: '4000',
      // The load comes from one address and a few accounts: the per-IP and per-account limits stay out of it.
      RATE_LIMIT_FILING_PER_IP: '1000000/1h',
      RATE_LIMIT_FILING_PER_ACCOUNT: '1000000/1h',
      ...extraEnv,
    };
    this.cli(['migrate']);
    this.cli(['schedules', 'register']);
    this.db = new Pool({ connectionString: databaseUrl, max: 4 });
    // Idle connections die with every PostgreSQL restart: the pool drops them, the next query reconnects.
    this.db.on('error', () => undefined);
    this.api = new AppProcess('api', this.env).start();
    this.worker = new AppProcess('worker', this.env).start();
    await waitForHttp(`${this.base}/health`, 200, 60_000);
  }

  async stop(): Promise<void> {
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
    await this.db?.end().catch(() => undefined);
    await this.smtp.stop();
    await this.redis.kill();
    this.pg.destroy();
  }

  /** The built CLI against the private services; returns its stdout (throws on a non-zero exit). */
  cli(args: string[]): string {
    return execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
      env: this.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** A query from the test, retried while PostgreSQL is coming back. */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.db.query(text, params)).rows as T[];
      } catch (error) {
        if (attempt >= 40) throw error;
        await sleep(250);
      }
    }
  }

  /**
   * Puts the fire jobs of these milestones on BullMQ, as the post-commit hand-off or the reconciler would
   * (same job ids and delays), straight from the test: `disclose reconcile` takes seconds to boot.
   */
  async schedule(ids: string[]): Promise<void> {
    const rows = await this.sql<{ id: string; due_at: Date }>(
      `SELECT id, due_at FROM milestones WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const queue = new Queue(QUEUES.milestones, {
      connection: { host: '127.0.0.1', port: this.redis.port, maxRetriesPerRequest: null },
      prefix: this.env.REDIS_PREFIX,
    });
    try {
      const now = Date.now();
      await queue.addBulk(rows.map((r) => fireJob(r.id, new Date(r.due_at), now)) as never);
    } finally {
      await queue.close();
    }
  }

  async restartWorker(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.worker?.kill(signal);
    await this.worker?.wait();
    this.worker = new AppProcess('worker', this.env).start();
  }

  /** An agency with one clerk (the reminders' recipient) and `applicants` applicants, logged in. */
  async world(prefix: string, applicants: number): Promise<World> {
    const code = `${prefix}${randomBytes(2).toString('hex').toUpperCase()}`;
    const [agency] = await this.sql<{ id: string }>(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `故障测试局 ${code}`],
    );
    const hash = await hashPassword(PASSWORD);
    const clerkEmail = `clerk-${code.toLowerCase()}@chaos.test`;
    const [clerk] = await this.sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, 'Clerk', 'clerk', $3, 'en', now()) RETURNING id`,
      [clerkEmail, hash, agency.id],
    );
    const emails = Array.from({ length: applicants }, (_, i) => `a${i}-${code.toLowerCase()}@chaos.test`);
    await this.sql(
      `INSERT INTO users (email, password_hash, name, role, applicant_type, locale, email_verified_at)
       SELECT e, $2, 'Applicant', 'applicant', 'natural_person', 'zh-CN', now() FROM unnest($1::text[]) e`,
      [emails, hash],
    );
    const tokens: string[] = [];
    for (const email of emails) {
      const response = await fetch(`${this.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (response.status !== 200)
        throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
      tokens.push(((await response.json()) as { accessToken: string }).accessToken);
    }
    return { code, agencyId: agency.id, clerkId: clerk.id, clerkEmail, tokens };
  }

  /** One online filing; never hangs (a request without an answer in 30 s counts as 'timeout'). */
  async file(world: World, token: string, n: number): Promise<FilingOutcome> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.base}/api/v1/requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          agencyCode: world.code,
          subject: `故障测试申请 ${n} ${randomBytes(4).toString('hex')}`,
          description: `请公开第 ${n} 号测试信息 ${randomBytes(8).toString('hex')}`,
        }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.text();
      return {
        status: response.status,
        ms: Date.now() - started,
        contentType: response.headers.get('content-type') ?? undefined,
        retryAfter: response.headers.get('retry-after'),
        body: response.status === 201 ? undefined : body.slice(0, 300),
      };
    } catch (error) {
      const name = (error as Error).name;
      return { status: name === 'TimeoutError' ? 'timeout' : 'network', ms: Date.now() - started };
    }
  }

  /** `concurrency` loops filing back to back until `stop()` resolves; returns every outcome. */
  load(world: World, concurrency: number): { stop: () => Promise<FilingOutcome[]> } {
    const outcomes: FilingOutcome[] = [];
    let running = true;
    let n = 0;
    const loops = Array.from({ length: concurrency }, async (_, i) => {
      while (running) {
        const outcome = await this.file(world, world.tokens[i % world.tokens.length], n++);
        outcomes.push(outcome);
        // A failed filing is retried by a client after a pause, not in a tight loop.
        if (outcome.status !== 201) await sleep(100);
      }
    });
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
        return outcomes;
      },
    };
  }

  /** Outbox rows of one agency's requests by status. */
  async outboxStatus(agencyId: string): Promise<Record<string, number>> {
    const rows = await this.sql<{ status: string; n: number }>(
      `SELECT o.status, count(*)::int AS n FROM outbox o JOIN requests r ON r.id = o.request_id
        WHERE r.agency_id = $1 GROUP BY o.status`,
      [agencyId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** Waits until `check` returns true (polling), or throws with `describe()` of the last state. */
  async until(
    what: string,
    check: () => Promise<boolean>,
    timeoutMs: number,
    describe?: () => Promise<string>,
  ) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        const state = describe ? await describe() : '';
        throw new Error(
          `${what}: not reached within ${timeoutMs} ms ${state}\n--- worker ---\n${this.worker?.output.slice(-3000)}\n--- api ---\n${this.api?.output.slice(-3000)}`,
        );
      }
      await sleep(250);
    }
  }

  /** SMTP messages per outbox row id (the worker stamps every message with its row's id). */
  deliveriesByOutboxId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.smtp.messages) {
      const id = String(m.headers.get('x-disclose-outbox-id') ?? '');
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Every request of the agency is whole: its 'filed' event, its planned milestones, its acknowledgement
   * in the outbox; and `disclose audit verify` finds every hash chain intact. Returns a summary line.
   */
  async assertWhole(world: World): Promise<string> {
    const broken = await this.sql<{
      tracking_number: string;
      events: number;
      milestones: number;
      outbox: number;
    }>(
      `SELECT r.tracking_number,
              (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id AND e.type = 'filed') AS events,
              (SELECT count(*)::int FROM milestones m WHERE m.subject_type = 'request' AND m.subject_id = r.id) AS milestones,
              (SELECT count(*)::int FROM outbox o WHERE o.request_id = r.id AND o.template = 'request_acknowledged') AS outbox
         FROM requests r WHERE r.agency_id = $1`,
      [world.agencyId],
    );
    const half = broken.filter((r) => r.events !== 1 || r.milestones < 1 || r.outbox !== 1);
    if (half.length > 0) throw new Error(`half-written requests: ${JSON.stringify(half.slice(0, 5))}`);
    const audit = this.cli(['audit', 'verify', '--agency', world.code]).trim();
    if (!audit.startsWith('OK:')) throw new Error(`audit verify: ${audit}`);
    return `${broken.length} requests whole (1 filed event, milestones, 1 acknowledgement each); ${audit}`;
  }
}

/** Counts outcomes by status: { '201': 40, '503': 3 }. */
export function tally(outcomes: readonly FilingOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[String(o.status)] = (counts[String(o.status)] ?? 0) + 1;
  return counts;
}
