import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '@disclose/config';

async function serve(): Promise<void> {
  // Validate before loading the application: a bad value answers at once, not after Nest has loaded.
  const config = loadConfigOrExit();
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
}

/**
 * API_PROCESSES > 1: this process only forks that many api processes sharing the port (Node cluster) and
 * keeps them running; one Node process uses one core, and a filing is mostly CPU in the api. Everything
 * they share lives in PostgreSQL and Redis (sessions revoke through Redis, rate limits count in Redis).
 */
function supervise(processes: number): void {
  let stopping = false;
  let exitCode = 0;
  // Processes that have served (listened): one of them dying is replaced; one dying before it ever
  // listened is a start-up failure (bad port, database refused, ...) that forking again would repeat.
  const served = new Set<number>();
  const live = new Set<number>();
  const stopAll = (code: number): void => {
    stopping = true;
    exitCode = code;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    if (live.size === 0) process.exit(exitCode);
  };
  const fork = (): void => {
    live.add(cluster.fork().id);
  };
  let announced = false;
  cluster.on('listening', (worker) => {
    served.add(worker.id);
    if (!announced && served.size === processes) {
      announced = true;
      process.stderr.write(`api: ${processes} processes listening\n`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    if (stopping) {
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    process.stderr.write(`api process ${worker.process.pid} exited (${signal ?? code})\n`);
    if (!served.has(worker.id)) {
      process.stderr.write('api failed to start: a process exited before it could listen\n');
      stopAll(1);
      return;
    }
    fork();
  });
  for (let i = 0; i < processes; i++) fork();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));
}

function main(): Promise<void> {
  if (cluster.isPrimary) {
    const config = loadConfigOrExit();
    if (config.apiProcesses > 1) {
      supervise(config.apiProcesses);
      return Promise.resolve();
    }
  }
  return serve();
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
