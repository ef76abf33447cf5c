/**
 * Annual report speed on a national year: 2,000,000 requests (generate_series) under a national agency with
 * 31 provinces and 310 cities, plus 100,000 carried over from the previous year and 20,000 cases. Times
 * AnnualReportService.compute (tables 2 and 3, fees, on-time, identities and anomaly check) for the
 * national agency with subordinates (every row) and for one province, against a baseline in the same run:
 * one hand-written GROUP BY (applicant type × outcome) over the same rows.
 * Own database `disclose_bench_<id>` (created, migrated with the built CLI, dropped).
 * Run: npm run build && npm run bench:report. Goal: < 2 s and within 2× of the baseline.
 * BENCH_QUICK=1: 200,000 requests (a tenth of the national year; same goals, but the one-province slice
 * is then so small that the report's fixed per-query overhead dominates its ratio).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '@disclose/database';
import { AnnualReportService, ReportTextsService } from '@disclose/reports';

const ROOT = join(__dirname, '..');
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_N ?? (process.env.BENCH_QUICK ? 200_000 : 2_000_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GOAL = { seconds: 2, ratio: 2 };
const dbName = `disclose_bench_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();

const TYPES = `ARRAY['natural_person','natural_person','natural_person','commercial','research','social_welfare','legal_services','other_org']`;
const OUTCOMES = `ARRAY['disclosed','disclosed','disclosed','partially_disclosed','withheld.state_secret','withheld.third_party_rights','withheld.process_information','unavailable.not_held','unavailable.would_need_creation','not_processed.duplicate','other.clarification_lapsed','other.fee_unpaid','other.other']`;

async function load(db: Client): Promise<{ nationalCode: string; provinceCode: string }> {
  await db.query(`SET synchronous_commit = off`);
  await db.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ('CN', '全国', 'cn-ogi-2019', 'Asia/Shanghai')`,
  );
  await db.query(`INSERT INTO agencies (code, name_zh, parent_id, rule_set, timezone)
    SELECT 'P' || p, '省' || p, (SELECT id FROM agencies WHERE code = 'CN'), 'cn-ogi-2019', 'Asia/Shanghai' FROM generate_series(1, 31) p`);
  await db.query(`INSERT INTO agencies (code, name_zh, parent_id, rule_set, timezone)
    SELECT 'P' || p || '-C' || c, '市' || p || '-' || c, (SELECT id FROM agencies WHERE code = 'P' || p), 'cn-ogi-2019', 'Asia/Shanghai'
      FROM generate_series(1, 31) p, generate_series(1, 10) c`);
  await db.query(
    `INSERT INTO users (email, name, role, applicant_type) VALUES ('bench@bench.test', '申请人', 'applicant', 'natural_person')`,
  );
  // The trigram search indexes are irrelevant to the report and only slow the load down; the other
  // secondary indexes are dropped for the load and built again afterwards (much faster than row by row).
  await db.query(`DROP INDEX IF EXISTS requests_subject_trgm, requests_description_trgm`);
  const secondary = (
    await db.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE tablename = 'requests' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    )
  ).rows;
  for (const i of secondary) await db.query(`DROP INDEX ${i.name}`);
  const insert = (from: number, to: number, receivedBase: string) => `
    INSERT INTO requests (tracking_number, agency_id, applicant_id, created_by, subject, description, delivery_method, channel,
                          received_on, rule_set, status, due_on, outcome, decided_on, closed_on, applicant_type)
    SELECT 'B' || g, a.ids[1 + g % array_length(a.ids, 1)], u.id, u.id, '申请', '内容', 'electronic', 'online',
           d.received, 'cn-ogi-2019', CASE WHEN d.closed IS NULL THEN 'in_progress' ELSE 'closed' END, d.received + 28,
           CASE WHEN d.closed IS NULL THEN NULL ELSE (${OUTCOMES})[1 + g % 13] END, d.closed, d.closed,
           (${TYPES})[1 + (g / 7) % 8]
      FROM generate_series(${from}, ${to}) g
      CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM agencies WHERE code LIKE 'P%-C%') a
      CROSS JOIN (SELECT id FROM users WHERE email = 'bench@bench.test') u
      CROSS JOIN LATERAL (SELECT '${receivedBase}'::date + (g % 365) AS received) r
      CROSS JOIN LATERAL (SELECT r.received, CASE WHEN g % 10 = 0 THEN NULL ELSE r.received + (g % 45) END AS closed) d`;
  const chunk = 250_000;
  for (let from = 1; from <= N; from += chunk) {
    await db.query(insert(from, Math.min(N, from + chunk - 1), '2025-01-01'));
    process.stderr.write(`loaded ${Math.min(N, from + chunk - 1)}/${N} requests of 2025\n`);
  }
  await db.query(insert(N + 1, N + Math.round(N / 20), '2024-01-01'));
  await db.query(`INSERT INTO cases (request_id, agency_id, kind, filed_on, disposition, outcome, decided_on)
    SELECT r.id, r.agency_id, (ARRAY['reconsideration','litigation_direct'])[1 + n % 2], r.closed_on + 20,
           CASE WHEN n % 3 = 0 THEN NULL ELSE 'upheld' END, CASE WHEN n % 3 = 0 THEN NULL ELSE 'upheld' END,
           CASE WHEN n % 3 = 0 THEN NULL ELSE r.closed_on + 80 END
      FROM (SELECT id, agency_id, closed_on, row_number() OVER () AS n FROM requests WHERE closed_on IS NOT NULL LIMIT ${Math.round(N / 100)}) r`);
  for (const i of secondary) await db.query(i.def);
  await db.query(`VACUUM ANALYZE agencies`);
  await db.query(`VACUUM ANALYZE requests`);
  await db.query(`VACUUM ANALYZE cases`);
  return { nationalCode: 'CN', provinceCode: 'P7' };
}

const BASELINE_SQL = `
  SELECT r.applicant_type, CASE WHEN r.closed_on BETWEEN '2025-01-01' AND '2025-12-31' THEN r.outcome END AS outcome, count(*)
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= '2025-12-31' AND (r.closed_on IS NULL OR r.closed_on >= '2025-01-01')
   GROUP BY 1, 2`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const db = new Client({ connectionString: dbUrl });
  const ds = createDataSource({ databaseUrl: dbUrl, databasePoolSize: 8 }, 'bench-report');
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'migrate'], {
      env: { PATH: process.env.PATH, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await db.connect();
    const started = Date.now();
    const codes = await load(db);
    process.stderr.write(`load done in ${Date.now() - started} ms\n`);
    const loadSeconds = (Date.now() - started) / 1000;
    await ds.initialize();
    const sut = new AnnualReportService(ds, new ReportTextsService(ds));
    const rows: { scope: string; rows: number; reportMs: number; baselineMs: number; ratio: number }[] = [];
    for (const [scope, code] of [
      ['national, with subordinates', codes.nationalCode],
      ['one province, with subordinates', codes.provinceCode],
    ]) {
      const ids = (
        await db.query(
          `WITH RECURSIVE s AS (SELECT id FROM agencies WHERE code = $1 UNION ALL SELECT a.id FROM agencies a JOIN s ON a.parent_id = s.id) SELECT array_agg(id) AS ids FROM s`,
          [code],
        )
      ).rows[0].ids as string[];
      const report = await sut.compute({ agencyCode: code, year: 2025, subordinates: true }); // warm-up, and the figure
      const reportTimes: number[] = [];
      const baselineTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        reportTimes.push(await time(() => sut.compute({ agencyCode: code, year: 2025, subordinates: true })));
        baselineTimes.push(await time(() => db.query(BASELINE_SQL, [ids])));
      }
      const reportMs = median(reportTimes);
      const baselineMs = median(baselineTimes);
      const touched = report.requests.new_this_year.total + report.requests.carried_from_last_year.total;
      rows.push({
        scope,
        rows: touched,
        reportMs: Math.round(reportMs),
        baselineMs: Math.round(baselineMs),
        ratio: Math.round((reportMs / baselineMs) * 100) / 100,
      });
    }
    console.log(
      `\nannual report, ${N.toLocaleString('en')} requests of 2025 (+${Math.round(N / 20).toLocaleString('en')} of 2024), median of ${ROUNDS} rounds; load ${loadSeconds.toFixed(0)} s\n`,
    );
    console.log('scope                              rows in year   report ms   baseline ms   ratio');
    for (const r of rows) {
      console.log(
        `${r.scope.padEnd(34)} ${String(r.rows).padStart(12)} ${String(r.reportMs).padStart(11)} ${String(r.baselineMs).padStart(13)} ${String(r.ratio).padStart(7)}`,
      );
    }
    const headline = rows[0];
    const pass = rows.every((r) => r.reportMs < GOAL.seconds * 1000 && r.ratio <= GOAL.ratio);
    console.log(`\ngoal: < ${GOAL.seconds} s and <= ${GOAL.ratio}x baseline: ${pass ? 'PASS' : 'FAIL'}`);
    const tableRows = rows.map((r) => ({
      figure: `annual report, ${r.scope} (${r.rows.toLocaleString('en')} requests)`,
      value: r.reportMs,
      unit: 'ms',
      baseline: r.baselineMs,
      baselineLabel: 'one GROUP BY applicant type x outcome, same rows',
      ratio: r.ratio,
      goal: `< ${GOAL.seconds * 1000} ms, ratio <= ${GOAL.ratio}`,
      pass: r.reportMs < GOAL.seconds * 1000 && r.ratio <= GOAL.ratio,
    }));
    console.log(
      JSON.stringify({
        bench: 'report',
        requests: N,
        rounds: ROUNDS,
        results: rows,
        headline,
        goal: GOAL,
        pass,
        rows: tableRows,
      }),
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (process.env.BENCH_KEEP) console.error(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
