import IORedis from 'ioredis';

/** Redis figures confined to one key prefix (the bench shares the Redis with others). */
export async function prefixStats(
  redisUrl: string,
  prefix: string,
): Promise<{ keys: number; bytes: number }> {
  const redis = new IORedis(redisUrl);
  try {
    let keys = 0;
    let bytes = 0;
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 2000 })) {
      const list = batch as string[];
      if (list.length === 0) continue;
      const pipe = redis.pipeline();
      for (const k of list) pipe.call('MEMORY', 'USAGE', k, 'SAMPLES', '0');
      for (const [, v] of (await pipe.exec()) ?? []) bytes += Number(v ?? 0);
      keys += list.length;
    }
    return { keys, bytes };
  } finally {
    redis.disconnect();
  }
}

export async function usedMemory(redisUrl: string): Promise<number> {
  const redis = new IORedis(redisUrl);
  try {
    const info = await redis.info('memory');
    return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    redis.disconnect();
  }
}

export async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  try {
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 2000 }))
      if ((batch as string[]).length > 0) await redis.unlink(...(batch as string[]));
  } finally {
    redis.disconnect();
  }
}
