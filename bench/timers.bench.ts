/**
 * Timers at national scale (issue 5 point 6). Own database `disclose_bench_<id>` and Redis prefix:
 *  1. 300,000 open requests with five milestones each (generate_series); reconcile from an empty Redis with
 *     the built CLI (`disclose reconcile`): time, and Redis memory of the prefix (MEMORY USAGE per key, and
 *     INFO used_memory before/after, which other users of the Redis disturb);
 *  2. baseline: raw BullMQ addBulk of the same number of delayed jobs (same ids, same delays);
 *  3. the built worker with an in-process SMTP server: 10,000 milestones due within BENCH_BURST_WINDOW_MS,
 *     lateness = SMTP end-of-data minus due instant (and outbox row written minus due instant).
 * Run: npm run build && npm run bench:timers. Goals: reconcile < 60 s, Redis < 200 MB, p99 lateness < 2 s.
 * The last stdout line is the JSON of the shared bench contract (`rows`), with the load average.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { fireJob } from '../libs/milestones/src/scheduling/milestone-jobs';
import { seed } from './timers/bench-data';
import { burst } from './timers/bench-burst';
import { deletePrefix, prefixStats, usedMemory } from './timers/bench-redis';

const ROOT = join(__dirname, '..');
/** The built apps; BENCH_DIST lets a long run use a copy while the tree is rebuilt. */
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300_000);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
const BURST_WINDOW_MS = Number(process.env.BENCH_BURST_WINDOW_MS ?? 10_000);
const GOAL = { reconcileS: 60, redisMb: 200, p99LatenessS: 2 };

const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const dbName = `disclose_bench_${runId}`;
const prefix = `disclose-bench-${runId}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  DATABASE_URL: dbUrl,
  DATABASE_POOL_SIZE: '20',
  REDIS_URL,
  REDIS_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  ...extra,
});
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(DIST, 'apps/cli/src/main.js'), ...args], {
    env: env(),
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();

async function reconcileFromEmpty(db: Client) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n, min(due_at) AS first FROM milestones WHERE status = 'pending' AND due_at <= now() + interval '168 hours'`,
  );
  const before = await usedMemory(REDIS_URL);
  const t0 = performance.now();
  const out = cli('reconcile');
  const seconds = (performance.now() - t0) / 1000;
  // The reconciler's own time (the CLI's wall time above also counts starting Node and Nest).
  const own = Number(/ in ([\d.]+) s\./.exec(out)?.[1] ?? NaN);
  const stats = await prefixStats(REDIS_URL, prefix);
  return {
    jobs: rows[0].n as number,
    seconds,
    reconcilerS: own,
    prefixMb: mb(stats.bytes),
    infoDeltaMb: mb((await usedMemory(REDIS_URL)) - before),
  };
}

async function baseline(db: Client, jobs: number) {
  const basePrefix = `${prefix}-base`;
  const queue = new Queue('milestones', { connection: { url: REDIS_URL } as never, prefix: basePrefix });
  const { rows } = await db.query(
    `SELECT id, due_at FROM milestones WHERE status = 'pending' AND due_at <= now() + interval '168 hours' ORDER BY due_at LIMIT $1`,
    [jobs],
  );
  const before = await usedMemory(REDIS_URL);
  const t0 = performance.now();
  const now = Date.now();
  // The very jobs the reconciler adds (same ids, data, options and delays), one addBulk of 1,000 at a time.
  for (let i = 0; i < rows.length; i += 1000)
    await queue.addBulk(rows.slice(i, i + 1000).map((r) => fireJob(r.id, new Date(r.due_at), now)));
  const seconds = (performance.now() - t0) / 1000;
  const stats = await prefixStats(REDIS_URL, basePrefix);
  const infoDeltaMb = mb((await usedMemory(REDIS_URL)) - before);
  await queue.close();
  await deletePrefix(REDIS_URL, basePrefix);
  return { jobs: rows.length, seconds, prefixMb: mb(stats.bytes), infoDeltaMb };
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0];
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const db = new Client({ connectionString: dbUrl });
  try {
    cli('migrate');
    await db.connect();
    let t = performance.now();
    const { agencyId, clerkIds } = await seed(db, REQUESTS);
    process.stderr.write(
      `seeded ${REQUESTS} open requests in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
    const reconcile = await reconcileFromEmpty(db);
    const base = await baseline(db, reconcile.jobs);
    t = performance.now();
    const late = await burst({
      db,
      env: env(),
      agencyId,
      clerkIds,
      n: BURST,
      windowMs: BURST_WINDOW_MS,
      dist: DIST,
    });
    process.stderr.write(`burst done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    const smtp = late.smtp.sort((a, b) => a - b);
    const outbox = late.outbox.sort((a, b) => a - b);
    const figures = {
      requests: REQUESTS,
      jobsWithinHorizon: reconcile.jobs,
      reconcileS: +reconcile.seconds.toFixed(1),
      reconcilerS: reconcile.reconcilerS,
      baselineAddBulkS: +base.seconds.toFixed(1),
      redisMb: reconcile.prefixMb,
      redisInfoDeltaMb: reconcile.infoDeltaMb,
      baselineRedisMb: base.prefixMb,
      burst: BURST,
      burstWindowS: BURST_WINDOW_MS / 1000,
      delivered: smtp.length,
      latenessSmtpMedianS: +(pct(smtp, 50) / 1000).toFixed(2),
      latenessSmtpP99S: +(pct(smtp, 99) / 1000).toFixed(2),
      latenessOutboxMedianS: +(pct(outbox, 50) / 1000).toFixed(2),
      latenessOutboxP99S: +(pct(outbox, 99) / 1000).toFixed(2),
      loadAverageStart: +loadStart.toFixed(1),
      loadAverageEnd: +loadavg()[0].toFixed(1),
    };
    console.table({
      reconcile: {
        seconds: figures.reconcileS,
        redisMb: figures.redisMb,
        jobs: figures.jobsWithinHorizon,
        goal: `< ${GOAL.reconcileS} s, < ${GOAL.redisMb} MB`,
      },
      'baseline addBulk': {
        seconds: figures.baselineAddBulkS,
        redisMb: figures.baselineRedisMb,
        jobs: base.jobs,
        goal: '-',
      },
      'burst to SMTP': {
        median: figures.latenessSmtpMedianS,
        p99: figures.latenessSmtpP99S,
        delivered: smtp.length,
        goal: `p99 < ${GOAL.p99LatenessS} s`,
      },
      'burst to outbox': {
        median: figures.latenessOutboxMedianS,
        p99: figures.latenessOutboxP99S,
        delivered: outbox.length,
        goal: '-',
      },
    });
    const rows = benchRows(figures);
    const pass = rows.every((r) => r.pass);
    console.log(JSON.stringify({ bench: 'timers', ...figures, goal: GOAL, pass, rows }));
  } finally {
    await db.end().catch(() => undefined);
    await deletePrefix(REDIS_URL, prefix);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string | null;
  ratio: number | null;
  goal: string;
  pass: boolean;
}

/** The rows of the shared bench contract (see `npm run bench`); context rows pass by definition. */
function benchRows(f: {
  jobsWithinHorizon: number;
  reconcileS: number;
  reconcilerS: number;
  baselineAddBulkS: number;
  redisMb: number;
  baselineRedisMb: number;
  burst: number;
  delivered: number;
  latenessSmtpMedianS: number;
  latenessSmtpP99S: number;
  latenessOutboxMedianS: number;
  latenessOutboxP99S: number;
  loadAverageStart: number;
  loadAverageEnd: number;
}): Row[] {
  const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(2) : null);
  const base = { baseline: null, baselineLabel: null, ratio: null };
  const addBulk = `raw BullMQ addBulk of the same ${f.jobsWithinHorizon} jobs`;
  return [
    {
      figure: 'reconcile from an empty Redis (CLI wall time)',
      value: f.reconcileS,
      unit: 's',
      baseline: f.baselineAddBulkS,
      baselineLabel: addBulk,
      ratio: ratio(f.reconcileS, f.baselineAddBulkS),
      goal: `< ${GOAL.reconcileS} s`,
      pass: f.reconcileS < GOAL.reconcileS,
    },
    {
      figure: 'reconcile, the reconciler itself (without process start)',
      value: f.reconcilerS,
      unit: 's',
      baseline: f.baselineAddBulkS,
      baselineLabel: addBulk,
      ratio: ratio(f.reconcilerS, f.baselineAddBulkS),
      goal: '(context)',
      pass: true,
    },
    {
      figure: 'Redis memory of the reconciled jobs',
      value: f.redisMb,
      unit: 'MB',
      baseline: f.baselineRedisMb,
      baselineLabel: addBulk,
      ratio: ratio(f.redisMb, f.baselineRedisMb),
      goal: `< ${GOAL.redisMb} MB`,
      pass: f.redisMb < GOAL.redisMb,
    },
    {
      figure: `burst of ${f.burst}: p99 lateness, due -> handed to SMTP`,
      value: f.latenessSmtpP99S,
      unit: 's',
      ...base,
      goal: `< ${GOAL.p99LatenessS} s`,
      pass: f.latenessSmtpP99S < GOAL.p99LatenessS,
    },
    {
      figure: `burst of ${f.burst}: median lateness, due -> handed to SMTP`,
      value: f.latenessSmtpMedianS,
      unit: 's',
      ...base,
      goal: '(context)',
      pass: true,
    },
    {
      figure: `burst of ${f.burst}: p99 lateness, due -> outbox row written`,
      value: f.latenessOutboxP99S,
      unit: 's',
      ...base,
      goal: '(context)',
      pass: true,
    },
    {
      figure: `burst of ${f.burst}: emails delivered`,
      value: f.delivered,
      unit: 'emails',
      ...base,
      goal: `= ${f.burst}`,
      pass: f.delivered === f.burst,
    },
    {
      figure: 'load average (1 min) at start / end',
      value: f.loadAverageEnd,
      unit: `(start ${f.loadAverageStart})`,
      ...base,
      goal: '(context: 2 cores)',
      pass: true,
    },
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
