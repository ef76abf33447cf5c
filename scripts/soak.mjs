#!/usr/bin/env node
// `npm run soak`: the built api + worker under steady online filing (default 20 filings/s for 10 minutes)
// on a fresh database, sampling the memory of both processes every 10 s (RSS, and the live V8 heap: heap
// used right after a full garbage collection; read by a preloaded probe, scripts/soak-probe.cjs). Prints a table, an ASCII chart, writes an SVG chart
// (artifacts/soak-result.svg) and a verdict:
//   flat = for every series, the mean of the last third is within SOAK_MAX_GROWTH_PCT (10 %) of the mean
//          of the second third (the first third is warm-up: JIT, pools, caches), and the least-squares
//          slope over the last two thirds, extrapolated to one hour, stays under SOAK_MAX_SLOPE_PCT_PER_HOUR
//          (50 %) of its mean (no unbounded growth).
// Also checks that the system kept up: filings answered 201 (rate limits are lifted for the soak), the
// outbox drained (every acknowledgement delivered to an in-process SMTP server).
// Env: SOAK_MINUTES (10), SOAK_RATE (20 filings/s), SOAK_SAMPLE_SECONDS (10), SOAK_ADMIN_DATABASE_URL
// (postgres://postgres@127.0.0.1:5432/postgres; a database disclose_soak_test_<id> is created and dropped),
// SOAK_REDIS_URL (redis://127.0.0.1:6379; keys under a prefix of its own, deleted at the end).
// Needs `npm run build` first. Exit code 1 when memory is not flat or filings failed.
/* global setInterval, clearInterval, AbortSignal */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 20);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_SECONDS ?? 10);
const MAX_GROWTH_PCT = Number(process.env.SOAK_MAX_GROWTH_PCT ?? 10);
const MAX_SLOPE_PCT_PER_HOUR = Number(process.env.SOAK_MAX_SLOPE_PCT_PER_HOUR ?? 50);
const ADMIN_URL = process.env.SOAK_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.SOAK_REDIS_URL ?? 'redis://127.0.0.1:6379';
const APPLICANTS = 50;
const MAX_IN_FLIGHT = 200;
const PASSWORD = 'soak password 12345';
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const dbName = `disclose_soak_test_${runId}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const prefix = `disclose-soak-${runId}`;
const probeFile = path.join(os.tmpdir(), `disclose-soak-${runId}.jsonl`);
const MB = 1024 * 1024;

const say = (line) => process.stdout.write(`soak: ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    import('node:net').then(({ createServer }) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
  });
}

function startApp(name, env) {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      path.join(root, 'scripts/soak-probe.cjs'),
      path.join(root, 'dist/apps', name, 'src/main.js'),
    ],
    {
      env: {
        ...env,
        SOAK_PROBE_FILE: probeFile,
        SOAK_PROBE_NAME: name,
        SOAK_PROBE_MS: String(SAMPLE_S * 1000),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  const keep = (chunk) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.tail = () => tail;
  return child;
}

async function waitForHealth(base, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`${base}/health did not answer 200 within ${timeoutMs} ms`);
}

/** Least-squares slope of y over x. */
export function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The verdict of one memory series ({x: minutes, y: MB}). */
export function judge(points) {
  const third = Math.floor(points.length / 3);
  const second = points.slice(third, 2 * third);
  const last = points.slice(2 * third);
  const m2 = mean(second.map((p) => p.y));
  const m3 = mean(last.map((p) => p.y));
  const growthPct = m2 > 0 ? ((m3 - m2) / m2) * 100 : 0;
  const s = slope(points.slice(third)); // MB per minute over the last two thirds
  const slopePctPerHour = m3 > 0 ? ((s * 60) / m3) * 100 : 0;
  const flat = third >= 2 && growthPct <= MAX_GROWTH_PCT && slopePctPerHour <= MAX_SLOPE_PCT_PER_HOUR;
  return { m2, m3, growthPct, slopeMbPerMin: s, slopePctPerHour, flat };
}

function asciiChart(series, width = 60, height = 12) {
  const all = series.flatMap((s) => s.points.map((p) => p.y));
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all) * 1.05 || 1;
  const maxX = Math.max(...series.flatMap((s) => s.points.map((p) => p.x)), 1e-9);
  const grid = Array.from({ length: height }, () => Array(width).fill(' '));
  for (const s of series) {
    for (const p of s.points) {
      const col = Math.min(width - 1, Math.round((p.x / maxX) * (width - 1)));
      const row = height - 1 - Math.min(height - 1, Math.round(((p.y - lo) / (hi - lo)) * (height - 1)));
      grid[row][col] = s.mark;
    }
  }
  const lines = grid.map((cells, i) => {
    const value = hi - ((hi - lo) * i) / (height - 1);
    return `${value.toFixed(0).padStart(6)} MB |${cells.join('')}`;
  });
  lines.push(`${' '.repeat(9)} +${'-'.repeat(width)}`);
  lines.push(`${' '.repeat(11)}0 min${' '.repeat(Math.max(1, width - 12))}${maxX.toFixed(1)} min`);
  lines.push(`${' '.repeat(11)}${series.map((s) => `${s.mark} ${s.label}`).join('   ')}`);
  return lines.join('\n');
}

function svgChart(series, title) {
  const W = 800;
  const H = 400;
  const pad = { l: 60, r: 20, t: 60, b: 50 };
  const all = series.flatMap((s) => s.points.map((p) => p.y));
  const hi = Math.max(...all, 1) * 1.1;
  const maxX = Math.max(...series.flatMap((s) => s.points.map((p) => p.x)), 1e-9);
  const x = (v) => pad.l + (v / maxX) * (W - pad.l - pad.r);
  const y = (v) => H - pad.b - (v / hi) * (H - pad.t - pad.b);
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const ticks = [];
  for (let i = 0; i <= 5; i++) {
    const v = (hi * i) / 5;
    ticks.push(
      `<line x1="${pad.l}" y1="${y(v)}" x2="${W - pad.r}" y2="${y(v)}" stroke="#ddd"/>` +
        `<text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(0)}</text>`,
    );
    const t = (maxX * i) / 5;
    ticks.push(
      `<text x="${x(t)}" y="${H - pad.b + 16}" text-anchor="middle" font-size="11">${t.toFixed(1)}</text>`,
    );
  }
  const lines = series.map(
    (s) =>
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points
        .map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
        .join(' ')}"/>`,
  );
  const legend = series.map(
    (s, i) =>
      `<rect x="${pad.l + 10 + i * 170}" y="${pad.t - 22}" width="12" height="12" fill="${s.color}"/>` +
      `<text x="${pad.l + 28 + i * 170}" y="${pad.t - 12}" font-size="12">${esc(s.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...ticks,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/>`,
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`,
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="12">minutes</text>`,
    `<text x="16" y="${H / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${H / 2})">MB</text>`,
    ...lines,
    ...legend,
    '</svg>',
  ].join('\n');
}

async function setup(db, base) {
  const code = `SOAK${randomBytes(2).toString('hex').toUpperCase()}`;
  await db.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, '耐久测试局', 'cn-ogi-2019', 'Asia/Shanghai')`,
    [code],
  );
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  const emails = Array.from({ length: APPLICANTS }, (_, i) => `soak${i}-${runId}@soak.test`);
  await db.query(
    `INSERT INTO users (email, password_hash, name, role, applicant_type, locale, email_verified_at)
     SELECT e, $2, '耐久申请人', 'applicant', 'natural_person', 'zh-CN', now() FROM unnest($1::text[]) e`,
    [emails, hash],
  );
  const tokens = [];
  for (const email of emails) {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    tokens.push((await response.json()).accessToken);
  }
  return { code, tokens };
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/apps/api/src/main.js')))
    throw new Error('run `npm run build` first');
  say(
    `${MINUTES} min at ${RATE} filings/s, memory sampled every ${SAMPLE_S} s; database ${dbName}, Redis prefix ${prefix}`,
  );
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const db = new pg.Client({ connectionString: dbUrl });
  let delivered = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        delivered++;
        callback();
      });
    },
  });
  smtp.on('error', () => undefined);
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL: REDIS_URL,
    REDIS_PREFIX: prefix,
    QUEUE_BACKEND: 'redis',
    SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
    PORT: String(port),
    PUBLIC_URL: base,
    STORAGE_DIR: path.join(os.tmpdir(), `disclose-soak-${runId}-documents`),
    LOG_LEVEL: 'warn',
    // One api process: the probe names its readings by app, a cluster would mix several processes.
    API_PROCESSES: '1',
    RATE_LIMIT_FILING_PER_IP: '100000000/1h',
    RATE_LIMIT_FILING_PER_ACCOUNT: '100000000/1h',
  };
  const apps = [];
  const stats = { ok: 0, failed: 0, statuses: {}, inFlight: 0, skipped: 0, latencies: [] };
  let exitCode;
  try {
    execFileSync(process.execPath, [path.join(root, 'dist/apps/cli/src/main.js'), 'migrate'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await db.connect();
    const api = startApp('api', env);
    const worker = startApp('worker', env);
    apps.push(api, worker);
    for (const child of apps)
      child.on('exit', (code, signal) => {
        if (!stopping)
          say(`${child === api ? 'api' : 'worker'} exited (${signal ?? code})!\n${child.tail()}`);
      });
    await waitForHealth(base, 90_000);
    const world = await setup(db, base);
    say(
      `api pid ${api.pid}, worker pid ${worker.pid}; agency ${world.code}, ${APPLICANTS} applicants logged in`,
    );

    let n = 0;
    const fileOne = async () => {
      if (stats.inFlight >= MAX_IN_FLIGHT) {
        stats.skipped++;
        return;
      }
      stats.inFlight++;
      const i = n++;
      const started = Date.now();
      try {
        const response = await fetch(`${base}/api/v1/requests`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${world.tokens[i % world.tokens.length]}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            agencyCode: world.code,
            subject: `耐久测试 ${i} ${randomBytes(4).toString('hex')}`,
            description: `请公开第 ${i} 号信息：${randomBytes(12).toString('hex')}`,
          }),
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        stats.statuses[response.status] = (stats.statuses[response.status] ?? 0) + 1;
        if (response.status === 201) stats.ok++;
        else stats.failed++;
      } catch (error) {
        stats.statuses[error.name] = (stats.statuses[error.name] ?? 0) + 1;
        stats.failed++;
      } finally {
        stats.inFlight--;
        stats.latencies.push(Date.now() - started);
      }
    };
    // Open loop: one filing every 1/RATE s whatever the answers (a slow api queues up, as in production).
    const started = Date.now();
    let sent = 0;
    const ticker = setInterval(() => {
      const due = Math.floor(((Date.now() - started) / 1000) * RATE);
      while (sent < due) {
        sent++;
        void fileOne();
      }
    }, 20);

    const samples = [];
    const sample = async () => {
      // The newest probe line of each process (it writes one per sample interval, after a full GC).
      const text = fs.existsSync(probeFile) ? fs.readFileSync(probeFile, 'utf8') : '';
      const byName = {};
      for (const line of text.trim().split('\n').filter(Boolean)) {
        const m = JSON.parse(line);
        byName[m.name] = m;
      }
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM outbox`,
      );
      const lat = stats.latencies.splice(0).sort((a, b) => a - b);
      const s = {
        min: (Date.now() - started) / 60_000,
        apiRss: byName.api?.rss / MB,
        apiHeap: byName.api?.heapUsed / MB,
        workerRss: byName.worker?.rss / MB,
        workerHeap: byName.worker?.heapUsed / MB,
        filed: stats.ok,
        failed: stats.failed,
        p99: lat.length ? lat[Math.floor(lat.length * 0.99)] : 0,
        outboxPending: rows[0].pending,
        delivered,
        load: os.loadavg()[0],
      };
      samples.push(s);
      say(
        `${s.min.toFixed(1).padStart(5)} min  api rss ${s.apiRss?.toFixed(0)} MB heap ${s.apiHeap?.toFixed(0)} MB | ` +
          `worker rss ${s.workerRss?.toFixed(0)} MB heap ${s.workerHeap?.toFixed(0)} MB | filed ${s.filed} ` +
          `(failed ${s.failed}, p99 ${s.p99} ms) | outbox pending ${s.outboxPending}, delivered ${s.delivered} | load ${s.load.toFixed(1)}`,
      );
    };
    await sample();
    const end = started + MINUTES * 60_000;
    while (Date.now() < end) {
      await sleep(
        Math.max(
          0,
          Math.min(SAMPLE_S * 1000 - ((Date.now() - started) % (SAMPLE_S * 1000)), end - Date.now()),
        ),
      );
      await sample();
    }
    clearInterval(ticker);
    while (stats.inFlight > 0) await sleep(100);
    // Let the worker drain the acknowledgements of the last filings.
    const drainDeadline = Date.now() + 60_000;
    let pending = 0;
    for (;;) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE status <> 'sent'`);
      pending = rows[0].n;
      if (pending === 0 || Date.now() > drainDeadline) break;
      await sleep(500);
    }

    // Results.
    const series = [
      { key: 'apiRss', label: 'api RSS', mark: 'A', color: '#1f77b4' },
      { key: 'apiHeap', label: 'api live heap', mark: 'a', color: '#aec7e8' },
      { key: 'workerRss', label: 'worker RSS', mark: 'W', color: '#d62728' },
      { key: 'workerHeap', label: 'worker live heap', mark: 'w', color: '#ff9896' },
    ].map((s) => ({
      ...s,
      points: samples.filter((x) => Number.isFinite(x[s.key])).map((x) => ({ x: x.min, y: x[s.key] })),
    }));
    const verdicts = series.map((s) => ({ ...s, v: judge(s.points) }));
    const minutes = (Date.now() - started) / 60_000;
    process.stdout.write(`\n${asciiChart(series)}\n\n`);
    process.stdout.write(
      'series            2nd third MB  last third MB  growth %  slope MB/min  slope %/hour  flat\n' +
        verdicts
          .map(
            ({ label, v }) =>
              `${label.padEnd(17)} ${v.m2.toFixed(1).padStart(12)} ${v.m3.toFixed(1).padStart(14)} ${v.growthPct
                .toFixed(1)
                .padStart(
                  9,
                )} ${v.slopeMbPerMin.toFixed(3).padStart(13)} ${v.slopePctPerHour.toFixed(1).padStart(13)}  ${v.flat ? 'yes' : 'NO'}`,
          )
          .join('\n') +
        '\n',
    );
    const artifacts = path.join(root, 'artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    const svgPath = path.join(artifacts, 'soak-result.svg');
    fs.writeFileSync(
      svgPath,
      svgChart(
        series,
        `Disclose soak: ${RATE} filings/s for ${minutes.toFixed(1)} min (${stats.ok} filings)`,
      ),
    );
    fs.writeFileSync(
      path.join(artifacts, 'soak-result.json'),
      JSON.stringify({ samples, verdicts }, null, 2),
    );
    const flat = verdicts.every((x) => x.v.flat);
    const failedShare = stats.failed / Math.max(1, stats.ok + stats.failed);
    const keptUp = failedShare <= 0.001 && pending === 0 && stats.skipped === 0;
    say(
      `${stats.ok} filings answered 201 in ${minutes.toFixed(1)} min (${(stats.ok / (minutes * 60)).toFixed(1)}/s), ` +
        `other answers ${JSON.stringify(Object.fromEntries(Object.entries(stats.statuses).filter(([k]) => k !== '201')))}, ` +
        `${stats.skipped} not sent (over ${MAX_IN_FLIGHT} in flight); outbox ${pending === 0 ? 'drained' : `${pending} not sent`}, ${delivered} emails delivered`,
    );
    say(`chart: ${path.relative(root, svgPath)}; samples: artifacts/soak-result.json`);
    say(
      `verdict: memory ${flat ? 'FLAT' : 'NOT FLAT'} (last third within ${MAX_GROWTH_PCT} % of the second third, ` +
        `slope under ${MAX_SLOPE_PCT_PER_HOUR} %/hour); system ${keptUp ? 'kept up' : 'DID NOT keep up'}`,
    );
    process.stdout.write(
      `${JSON.stringify({
        soak: true,
        minutes: Number(minutes.toFixed(2)),
        rate: RATE,
        filed: stats.ok,
        failed: stats.failed,
        delivered,
        verdicts: verdicts.map(({ label, v }) => ({ series: label, ...v })),
        flat,
        keptUp,
        pass: flat && keptUp,
      })}\n`,
    );
    exitCode = flat && keptUp ? 0 : 1;
  } finally {
    stopping = true;
    for (const child of apps) child.kill('SIGTERM');
    await Promise.all(
      apps.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await new Promise((resolve) => smtp.close(resolve));
    fs.rmSync(probeFile, { force: true });
    fs.rmSync(env.STORAGE_DIR, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

let stopping = false;
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`soak: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
