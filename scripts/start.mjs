#!/usr/bin/env node
// `npm start`: the whole system on one machine with nothing configured. Builds when sources changed,
// finds or starts PostgreSQL, Redis (or PostgreSQL queues) and a mailbox, migrates, registers the
// schedules, then runs the api and the worker with prefixed logs until Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePostgres } from './start/postgres.mjs';
import { resolveRedis } from './start/redis.mjs';
import { resolveMail } from './start/mail.mjs';
import { buildIfNeeded } from './start/build.mjs';
import { StartError, loadDotEnv, say, spawnPrefixed, waitFor } from './start/util.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const main = (app) => path.join(root, 'dist/apps', app, 'src/main.js');
const stoppers = [];
const children = new Map();
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('start', 'stopping...');
  for (const child of children.values()) child.kill('SIGTERM');
  await waitFor(
    () => [...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null),
    10_000,
    100,
  );
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

function run(name, env) {
  const child = spawnPrefixed(name, process.execPath, ['--enable-source-maps', main(name)], { env });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say('start', `${name} exited (${signal ?? code}); stopping everything`);
    void shutdown(typeof code === 'number' && code !== 0 ? code : 1);
  });
}

async function start() {
  if (fs.existsSync('.env')) loadDotEnv(fs.readFileSync('.env', 'utf8'));
  const env = { ...process.env };
  // Validate everything set explicitly before touching any service: one readable line on a bad value.
  if (!buildIfNeeded(root)) throw new StartError('the build failed (see above)');
  execFileSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(path.join(root, 'dist/libs/config/src'))}).loadConfigOrExit()`],
    { stdio: 'inherit', env },
  );

  const pg = await resolvePostgres(env);
  stoppers.push(pg.stop);
  env.DATABASE_URL = pg.url;
  const queues = await resolveRedis(env);
  stoppers.push(queues.stop);
  env.QUEUE_BACKEND = queues.backend;
  if (queues.url) env.REDIS_URL = queues.url;
  const mail = await resolveMail(env);
  stoppers.push(mail.stop);
  env.SMTP_URL = mail.url;

  const migrate = spawnSync(process.execPath, [main('cli'), 'migrate'], { env, encoding: 'utf8' });
  for (const line of `${migrate.stdout}${migrate.stderr}`.split('\n').filter(Boolean)) say('migrate', line);
  if (migrate.status !== 0) throw new StartError('migrations failed (see above)');
  // The repeatable maintenance jobs (milestone reconciler, daily digest); idempotent.
  const schedules = spawnSync(process.execPath, [main('cli'), 'schedules', 'register'], {
    env,
    encoding: 'utf8',
  });
  for (const line of `${schedules.stdout}${schedules.stderr}`.split('\n').filter(Boolean))
    say('schedules', line);
  if (schedules.status !== 0) throw new StartError('registering the schedules failed (see above)');

  run('api', env);
  run('worker', env);
  const port = env.PORT || '3000';
  const base = `http://localhost:${port}`;
  const healthy = await waitFor(async () => (await fetch(`${base}/health`)).status === 200, 60_000, 500);
  if (!healthy) say('start', `the api did not report healthy within 60 s; see ${base}/health`);
  say(
    'start',
    [
      'Disclose is running:',
      `  portal          ${base}/`,
      `  API docs        ${base}/api/docs`,
      `  health          ${base}/health (metrics: ${base}/metrics)`,
      `  queue board     ${base}/admin/queues (admins)`,
      `  mailbox         ${mail.webUrl ?? '(SMTP_URL is set: mail goes to your server)'}`,
      `  database        ${pg.description}`,
      `  queues          ${queues.description}`,
      'Create the first user: npm run disclose -- users create --email you@example.org --password ... --name ... --role admin',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
start().catch(async (error) => {
  process.stderr.write(
    `npm start: ${error instanceof StartError ? error.message : (error?.stack ?? error)}\n`,
  );
  await shutdown(1);
});
