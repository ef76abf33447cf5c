#!/usr/bin/env node
// `npm run bench`: runs every benchmark (bench/*.bench.ts) one after the other and prints ONE table from
// the last JSON line each prints ({bench, ..., pass, rows: [{figure, value, unit, baseline, baselineLabel,
// ratio, goal, pass}]}): figure, value, the baseline measured in the same run, ratio, goal, pass/fail, and
// the load average while it ran (a busy neighbour on a shared machine shows there).
//   npm run bench                         every bench (deadlines, intake, timers, report, then any other)
//   npm run bench -- --only deadlines,report
//   BENCH_QUICK=1 npm run bench           smaller sizes where a bench supports it
// Exit code 1 when a bench fails its goal, crashes or prints no JSON line. Needs `npm run build` first
// (the benches that start the api or migrate a database use dist/).
/* global setInterval, clearInterval */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORDER = ['deadlines', 'intake', 'timers', 'report'];

function parseArgs(argv) {
  const options = { only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench [-- --only deadlines,intake,timers,report]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${arg}\n`);
      process.exit(2);
    }
  }
  return options;
}

function discover() {
  const found = fs
    .readdirSync(path.join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length));
  const rank = (name) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The last stdout line that parses as a JSON object. */
export function lastJson(stdout) {
  const lines = stdout.split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].startsWith('{')) continue;
    try {
      const value = JSON.parse(lines[i]);
      if (value && typeof value === 'object') return value;
    } catch {
      // not JSON: keep looking upwards
    }
  }
  return null;
}

/** Runs one bench with its output streamed (prefixed), keeping stdout to parse; samples the load. */
function runBench(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const loads = [os.loadavg()[0]];
    const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5000);
    const child = spawn(
      process.execPath,
      ['--require', path.join(root, 'scripts/ts-register.js'), path.join(root, 'bench', `${name}.bench.ts`)],
      { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    const relay = (stream, target) => {
      let partial = '';
      stream.on('data', (chunk) => {
        const text = partial + chunk.toString();
        const lines = text.split('\n');
        partial = lines.pop();
        for (const line of lines) target.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => partial && target.write(`[${name}] ${partial}\n`));
    };
    child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      loads.push(os.loadavg()[0]);
      resolve({
        name,
        code,
        signal,
        seconds: (Date.now() - started) / 1000,
        loadMean: loads.reduce((a, b) => a + b, 0) / loads.length,
        loadMax: Math.max(...loads),
        json: lastJson(stdout),
      });
    });
  });
}

const fmt = (value) => {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Number(value.toFixed(3)));
};

/** Table rows of one bench result; a bench without `rows` shows its scalar JSON fields, marked. */
export function tableRows(result) {
  const { name, json } = result;
  if (!json) {
    return [
      {
        bench: name,
        figure: `no JSON line (exit ${result.signal ?? result.code})`,
        value: '-',
        baseline: '-',
        ratio: '-',
        goal: '-',
        result: 'FAIL',
      },
    ];
  }
  if (Array.isArray(json.rows) && json.rows.length > 0) {
    return json.rows.map((r) => ({
      bench: name,
      figure: r.figure,
      value: `${fmt(r.value)} ${r.unit ?? ''}`.trim(),
      baseline:
        r.baseline === null || r.baseline === undefined
          ? '-'
          : `${fmt(r.baseline)} ${r.unit ?? ''}`.trim() + (r.baselineLabel ? ` (${r.baselineLabel})` : ''),
      ratio: fmt(r.ratio),
      goal: r.goal ?? '-',
      result: r.pass ? 'pass' : 'FAIL',
    }));
  }
  // No rows yet: its scalar fields, so the figures still show.
  const scalars = Object.entries(json).filter(
    ([k, v]) => !['bench', 'pass', 'rows'].includes(k) && (typeof v !== 'object' || v === null),
  );
  return [
    {
      bench: name,
      figure: `no rows: ${scalars.map(([k, v]) => `${k}=${fmt(v)}`).join(', ')}`,
      value: '-',
      baseline: '-',
      ratio: '-',
      goal: typeof json.goal === 'string' ? json.goal : json.goal ? JSON.stringify(json.goal) : '-',
      result: json.pass === true ? 'pass' : json.pass === false ? 'FAIL' : '?',
    },
  ];
}

export function renderTable(rows, columns) {
  const width = Object.fromEntries(
    columns.map(([key, title]) => [key, Math.max(title.length, ...rows.map((r) => String(r[key]).length))]),
  );
  const line = (cells) => cells.join(' | ');
  const out = [
    line(columns.map(([key, title]) => title.padEnd(width[key]))),
    line(columns.map(([key]) => '-'.repeat(width[key]))),
  ];
  for (const r of rows) out.push(line(columns.map(([key]) => String(r[key]).padEnd(width[key]))));
  return out.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const all = discover();
  const unknown = (options.only ?? []).filter((n) => !all.includes(n));
  if (unknown.length) {
    process.stderr.write(`bench: no bench named ${unknown.join(', ')} (have: ${all.join(', ')})\n`);
    process.exit(2);
  }
  const names = options.only ? all.filter((n) => options.only.includes(n)) : all;
  if (!fs.existsSync(path.join(root, 'dist/apps/cli/src/main.js')))
    process.stderr.write(
      'bench: dist/ is missing; run `npm run build` first (intake, timers and report need it)\n',
    );
  process.stdout.write(
    `bench: running ${names.join(', ')}${process.env.BENCH_QUICK ? ' (BENCH_QUICK: smaller sizes)' : ''} on ${os.cpus().length} cores\n`,
  );
  const results = [];
  for (const name of names) {
    process.stdout.write(`\n=== bench ${name} ===\n`);
    results.push(await runBench(name));
  }
  const rows = results.flatMap((result) =>
    tableRows(result).map((row) => ({
      ...row,
      load: `${result.loadMean.toFixed(1)} (max ${result.loadMax.toFixed(1)})`,
      time: `${result.seconds.toFixed(0)} s`,
    })),
  );
  process.stdout.write(
    `\n${renderTable(rows, [
      ['bench', 'bench'],
      ['figure', 'figure'],
      ['value', 'value'],
      ['baseline', 'baseline (same run)'],
      ['ratio', 'ratio'],
      ['goal', 'goal'],
      ['result', 'result'],
      ['load', 'load avg 1 min'],
      ['time', 'time'],
    ])}\n`,
  );
  const failed = results.filter(
    (r) =>
      !r.json || r.code !== 0 || r.json.pass === false || tableRows(r).some((row) => row.result === 'FAIL'),
  );
  const [l1, l5, l15] = os.loadavg();
  process.stdout.write(
    `\nload average now: ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)} on ${os.cpus().length} cores; ` +
      `${results.length - failed.length}/${results.length} benches pass` +
      (failed.length ? ` (failed: ${failed.map((r) => r.name).join(', ')})` : '') +
      '\n',
  );
  process.exitCode = failed.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
