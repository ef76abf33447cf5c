import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { insertBurst } from './bench-data';

/** SMTP server recording when each outbox email (Message-ID <outbox-<row id>@disclose>) was handed over. */
async function smtpRecorder(): Promise<{
  url: string;
  arrivals: Map<string, number>;
  close: () => Promise<void>;
}> {
  const arrivals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const id = /Message-ID:\s*<outbox-([0-9a-f-]{36})@/i.exec(head)?.[1];
        if (id) arrivals.set(id, Date.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Starts the built worker and resolves once its start-up reconcile has finished. */
function startWorker(dist: string, env: Record<string, string>): Promise<() => Promise<void>> {
  // BENCH_WORKER_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the worker.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(dist, 'apps/worker/src/main.js')], {
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('reconciled milestones')) resolve(stop);
    });
  });
}

export interface BurstInput {
  db: Client;
  env: Record<string, string>;
  agencyId: string;
  clerkIds: string[];
  n: number;
  windowMs: number;
  dist: string;
}

/** Lateness in ms of each burst milestone: to SMTP end-of-data, and to its outbox row. */
export async function burst(input: BurstInput): Promise<{ smtp: number[]; outbox: number[] }> {
  const smtp = await smtpRecorder();
  const stopWorker = await startWorker(input.dist, { ...input.env, SMTP_URL: smtp.url });
  try {
    const start = Date.now() + 15_000;
    const queue = new Queue('milestones', {
      connection: { url: input.env.REDIS_URL } as never,
      prefix: input.env.REDIS_PREFIX,
    });
    const ids = await insertBurst(
      input.db,
      input.agencyId,
      input.clerkIds,
      input.n,
      start,
      input.windowMs,
      queue,
    ).finally(() => queue.close());
    const deadline = start + input.windowMs + 600_000;
    while (smtp.arrivals.size < ids.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    const { rows } = await input.db.query(
      `SELECT o.id, extract(epoch FROM o.created_at) * 1000 AS written, extract(epoch FROM m.due_at) * 1000 AS due
         FROM milestones m JOIN outbox o ON o.dedupe_key LIKE 'milestone:' || m.id || ':%'
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    return {
      smtp: rows.filter((r) => smtp.arrivals.has(r.id)).map((r) => smtp.arrivals.get(r.id)! - Number(r.due)),
      outbox: rows.map((r) => Number(r.written) - Number(r.due)),
    };
  } finally {
    await stopWorker();
    await smtp.close();
  }
}
