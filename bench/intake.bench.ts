/**
 * Intake throughput: filings over HTTP (built api, 50 connections, 20 s, autocannon) against a baseline of
 * the same writes (tracking counter bumped with an asynchronous commit, then request row, first event, five
 * reminders and the acknowledgement email in one transaction, as FileRequestService does) issued straight
 * to PostgreSQL with pg at the same
 * concurrency and duration. Own database `disclose_bench_<id>` (created, migrated, dropped).
 * Run: npm run build && npm run bench:intake. Goal: >= 1,000 filings/s, >= 35% of baseline, p99 < 100 ms.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');

const ROOT = join(__dirname, '..');
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** api processes (API_PROCESSES, Node cluster): one per core by default, as a deployment would run it. */
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? cpus().length);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const APPLICANTS = 1000;
const GOAL = { filingsPerSecond: 1000, ratio: 0.35, p99Ms: 100 };

const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const dbName = `disclose_bench_${runId}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function setup(): Promise<{ agencyId: string; tokens: string[]; applicantIds: string[] }> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const { rows } = await db.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ('BENCH', '基准测试局', 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
  );
  // One statement each for all applicants and their sessions (tokens stored hashed, as the api expects).
  const tokens = Array.from({ length: APPLICANTS }, () => randomBytes(32).toString('base64url'));
  const users = await db.query(
    `INSERT INTO users (email, name, role, applicant_type)
     SELECT 'bench-' || i || '@bench.test', '申请人' || i, 'applicant', 'natural_person' FROM generate_series(1, $1) AS i
     RETURNING id`,
    [APPLICANTS],
  );
  const applicantIds: string[] = users.rows.map((r: { id: string }) => r.id);
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at)
     SELECT u, decode(h, 'hex'), now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
    [applicantIds, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  await db.end();
  return { agencyId: rows[0].id, tokens, applicantIds };
}

/** CPU seconds (user + system) a process and its children (the cluster's api processes) have used, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = (p: string) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = stat(entry);
      // fields[1] is the parent pid; 11 and 12 are user and system ticks.
      if (entry === String(pid) || fields[1] === String(pid))
        total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      /* the process ended while we read */
    }
  }
  return total;
}

async function startApi(port: number): Promise<{ pid: number; stop: () => Promise<void> }> {
  // BENCH_API_NODE_ARGS: extra node flags for the api, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: String(Math.max(5, Math.ceil(20 / API_PROCESSES))),
      API_PROCESSES: String(API_PROCESSES),
      REDIS_PREFIX: `disclose-bench-${runId}`,
      LOG_LEVEL: 'warn',
      STORAGE_DIR: `/tmp/${dbName}`,
      // Every bench filing comes from one IP and 1,000 accounts: lift the per-IP and per-account filing
      // limits out of reach (the limiter still counts each filing in Redis, as in production).
      RATE_LIMIT_FILING_PER_ACCOUNT: '999999999/1h',
      RATE_LIMIT_FILING_PER_IP: '999999999/1h',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/docs-json`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  return { pid: child.pid!, stop };
}

function runAutocannon(port: number, tokens: string[], seconds: number): Promise<any> {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/requests',
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[i % tokens.length]}`,
            },
            body: JSON.stringify({
              agencyCode: 'BENCH',
              subject: `第${i}号申请：${i % 97}号地块出让收入`,
              description: `请公开编号${i}的国有土地使用权出让合同及收入明细（${randomUUID()}）。`,
            }),
          };
        },
      },
    ],
  });
}

/**
 * The writes a filing makes, straight through pg: the tracking counter (its own asynchronous commit, as
 * the api does), then one transaction with the request, its first event, its five reminders and its
 * acknowledgement email.
 */
async function baseline(
  agencyId: string,
  applicantIds: string[],
): Promise<{ perSecond: number; p99Ms: number }> {
  const pool = new Pool({ connectionString: dbUrl, max: CONNECTIONS });
  const latencies: number[] = [];
  let i = 0;
  const end = Date.now() + DURATION_S * 1000;
  const worker = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      while (Date.now() < end) {
        const started = performance.now();
        const k = i++;
        const id = randomUUID();
        const [, , counter] = (await client.query(
          `BEGIN; SET LOCAL synchronous_commit = off;
           INSERT INTO tracking_counters (agency_id, year, last) VALUES ('${agencyId}', 2099, 1)
           ON CONFLICT (agency_id, year) DO UPDATE SET last = tracking_counters.last + 1 RETURNING last; COMMIT;`,
        )) as unknown as Array<{ rows: Array<{ last: number }> }>;
        await client.query('BEGIN');
        const applicant = applicantIds[k % applicantIds.length];
        await client.query(
          `INSERT INTO requests (id, tracking_number, agency_id, applicant_id, subject, description, delivery_method,
             channel, received_on, rule_set, status, due_on, applicant_type, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 'electronic', 'online', '2099-01-05', 'cn-ogi-2019', 'received', '2099-02-02',
             'natural_person', $4)`,
          [
            id,
            `BASE-2099-${counter.rows[0].last}`,
            agencyId,
            applicant,
            `基线${k}`,
            `基线申请${k}（${randomUUID()}）`,
          ],
        );
        await client.query(
          `INSERT INTO request_events (request_id, seq, type, actor_id, occurred_at, on_date, payload, hash)
           VALUES ($1, 1, 'filed', $2, now(), '2099-01-05', '{}', $3)`,
          [id, applicant, randomUUID()],
        );
        // The filing's five reminders and its acknowledgement email, as the api writes them.
        await client.query(
          `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload, generation)
           SELECT 'request', $1, k, '2099-01-26 01:00+00'::timestamptz + n * interval '1 day', '[]', '{}', 1
             FROM unnest(ARRAY['due_in_5','due_in_2','due_tomorrow','due_today','overdue']) WITH ORDINALITY AS t(k, n)`,
          [id],
        );
        await client.query(
          `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, request_id, recipient_user_id)
           VALUES ($1, 'baseline@example.org', 'zh-CN', 'request_acknowledged', '{}', $2, $3)`,
          [`baseline:${id}`, id, applicant],
        );
        await client.query('COMMIT');
        latencies.push(performance.now() - started);
      }
    } finally {
      client.release();
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (Date.now() - t0) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

async function main(): Promise<void> {
  const { agencyId, tokens, applicantIds } = await setup();
  const port = 41000 + Math.floor(Math.random() * 2000);
  const api = await startApi(port);
  let http: any;
  let apiCpuMsPerFiling: number;
  try {
    await runAutocannon(port, tokens, 3); // warm-up: JIT, pools, plans
    const cpuBefore = cpuSeconds(api.pid);
    http = await runAutocannon(port, tokens, DURATION_S);
    apiCpuMsPerFiling = ((cpuSeconds(api.pid) - cpuBefore) * 1000) / Math.max(1, http['2xx']);
  } finally {
    await api.stop();
  }
  const base = await baseline(agencyId, applicantIds);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();

  const filings = http['2xx'] / DURATION_S;
  const p99 = http.latency.p99;
  const ratio = filings / base.perSecond;
  const pass =
    filings >= GOAL.filingsPerSecond && ratio >= GOAL.ratio && p99 < GOAL.p99Ms && http.non2xx === 0;
  console.table({
    'filings/s (HTTP, 2xx)': { value: filings.toFixed(0), goal: `>= ${GOAL.filingsPerSecond}` },
    'p99 latency ms': { value: p99, goal: `< ${GOAL.p99Ms}` },
    'non-2xx / errors': { value: `${http.non2xx} / ${http.errors}`, goal: '0' },
    'api CPU ms per filing': { value: apiCpuMsPerFiling.toFixed(2), goal: '' },
    'api processes (API_PROCESSES)': { value: API_PROCESSES, goal: '' },
    'load average (1 min)': { value: loadavg()[0].toFixed(1), goal: `${cpus().length} cores` },
    'baseline inserts/s (pg)': { value: base.perSecond.toFixed(0), goal: '' },
    'baseline p99 ms': { value: base.p99Ms.toFixed(1), goal: '' },
    'ratio HTTP / baseline': { value: `${(ratio * 100).toFixed(1)}%`, goal: `>= ${GOAL.ratio * 100}%` },
    result: { value: pass ? 'PASS' : 'FAIL', goal: '' },
  });
  console.log(
    JSON.stringify({
      bench: 'intake',
      connections: CONNECTIONS,
      apiProcesses: API_PROCESSES,
      durationS: DURATION_S,
      filingsPerSecond: Math.round(filings),
      p99Ms: p99,
      non2xx: http.non2xx,
      apiCpuMsPerFiling: Number(apiCpuMsPerFiling.toFixed(2)),
      loadAverage: Number(loadavg()[0].toFixed(1)),
      baselinePerSecond: Math.round(base.perSecond),
      baselineP99Ms: Number(base.p99Ms.toFixed(1)),
      ratio: Number(ratio.toFixed(3)),
      goal: GOAL,
      pass,
      rows: [
        {
          figure: 'filings/s over HTTP (2xx)',
          value: Math.round(filings),
          unit: 'filings/s',
          baseline: Math.round(base.perSecond),
          baselineLabel: 'the same writes straight to PostgreSQL with pg',
          ratio: Number(ratio.toFixed(3)),
          goal: `>= ${GOAL.filingsPerSecond} filings/s, ratio >= ${GOAL.ratio}`,
          pass: filings >= GOAL.filingsPerSecond && ratio >= GOAL.ratio && http.non2xx === 0,
        },
        {
          figure: 'filing p99 latency (HTTP)',
          value: p99,
          unit: 'ms',
          baseline: Number(base.p99Ms.toFixed(1)),
          baselineLabel: 'p99 of the same writes with pg',
          ratio: base.p99Ms > 0 ? Number((p99 / base.p99Ms).toFixed(3)) : null,
          goal: `< ${GOAL.p99Ms} ms`,
          pass: p99 < GOAL.p99Ms,
        },
        {
          figure: 'api CPU per filing',
          value: Number(apiCpuMsPerFiling.toFixed(2)),
          unit: 'ms',
          baseline: null,
          baselineLabel: null,
          ratio: null,
          goal: `informational (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
          pass: true,
        },
      ],
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
