// Queues for `npm start`: REDIS_URL if set (it must answer), else 127.0.0.1:6379, else a spawned
// redis-server with append-only persistence in DATA_DIR/redis, else BullMQ's PostgreSQL backend.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { StartError, freePort, say, spawnPrefixed, waitFor } from './util.mjs';

async function ping(url) {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause;
  client.on('error', (error) => (cause = error));
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    return cause ?? error;
  } finally {
    client.disconnect();
  }
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function resolveRedis(env) {
  if (env.QUEUE_BACKEND === 'postgres') {
    return {
      backend: 'postgres',
      url: undefined,
      stop: async () => undefined,
      description: 'PostgreSQL (QUEUE_BACKEND=postgres)',
    };
  }
  if (env.REDIS_URL) {
    const result = await ping(env.REDIS_URL);
    if (result !== true)
      throw new StartError(`REDIS_URL=${env.REDIS_URL} does not answer: ${result?.message ?? result}`);
    return { backend: 'redis', url: env.REDIS_URL, stop: async () => undefined, description: 'REDIS_URL' };
  }
  const local = 'redis://127.0.0.1:6379';
  if ((await ping(local)) === true) {
    say('redis', 'using the local Redis on 127.0.0.1:6379');
    return {
      backend: 'redis',
      url: local,
      stop: async () => undefined,
      description: 'local Redis 127.0.0.1:6379',
    };
  }
  if (onPath('redis-server')) {
    const dir = path.resolve(env.DATA_DIR || './.data', 'redis');
    fs.mkdirSync(dir, { recursive: true });
    const port = await freePort(6380);
    const child = spawnPrefixed('redis', 'redis-server', [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ]);
    const url = `redis://127.0.0.1:${port}`;
    if (!(await waitFor(async () => (await ping(url)) === true, 10_000))) {
      child.kill('SIGTERM');
      throw new StartError(`redis-server did not start on port ${port}`);
    }
    say('redis', `started redis-server on 127.0.0.1:${port} (append-only file in ${dir})`);
    return {
      backend: 'redis',
      url,
      child,
      stop: async () => child.kill('SIGTERM'),
      description: `spawned redis-server :${port}`,
    };
  }
  say(
    'redis',
    'no Redis found: running the queues on PostgreSQL (BullMQ PostgreSQL backend). Redis is recommended for production.',
  );
  return {
    backend: 'postgres',
    url: undefined,
    stop: async () => undefined,
    description: 'PostgreSQL queue backend (no Redis found)',
  };
}
