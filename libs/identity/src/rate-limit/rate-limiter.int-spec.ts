import { randomBytes } from 'node:crypto';
import { loadConfig } from '@disclose/config';
import { RateLimitedError } from '@disclose/domain';
import { testProcessEnv } from '@disclose/testing';
import { IdentityRedis } from './identity-redis';
import { RateLimiter } from './rate-limiter.service';

/** The limiter against the run's Redis, and against a Redis that does not answer. */
describe(RateLimiter.name, () => {
  const limit = { max: 3, windowMs: 60_000 };
  const connections: IdentityRedis[] = [];
  const limiter = (env: Record<string, string> = {}): RateLimiter => {
    const redis = new IdentityRedis(loadConfig(testProcessEnv(env)));
    connections.push(redis);
    return new RateLimiter(redis);
  };
  const ready = async (limiters: IdentityRedis[]) => {
    for (let i = 0; i < 100 && limiters.some((r) => !r.ready); i++)
      await new Promise((r) => setTimeout(r, 50));
  };

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.onModuleDestroy()));
  });

  async function hits(target: RateLimiter[], key: string, n: number): Promise<unknown[]> {
    const outcomes: unknown[] = [];
    for (let i = 0; i < n; i++) {
      outcomes.push(
        await target[i % target.length].hit(key, limit).then(
          () => 'ok',
          (error: unknown) => error,
        ),
      );
    }
    return outcomes;
  }

  it('two limiters (two api processes) share one counter in Redis', async () => {
    const pair = [limiter(), limiter()];
    await ready(connections);
    const key = pair[0].key('test', 'ip', `192.0.2.${randomBytes(1)[0]}-${randomBytes(3).toString('hex')}`);
    const outcomes = await hits(pair, key, 4);
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes[3]).toBeInstanceOf(RateLimitedError);
    expect((outcomes[3] as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((outcomes[3] as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    await pair[1].unhit(key);
    await pair[1].unhit(key);
    expect(await hits(pair, key, 1)).toEqual(['ok']);
    await pair[0].clear(key);
    expect(await hits(pair, key, 3)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a limit of 0 is off', async () => {
    const one = limiter();
    const key = one.key('test', 'account', randomBytes(6).toString('hex'));
    for (let i = 0; i < 10; i++) await one.hit(key, { max: 0, windowMs: 1000 });
  });

  it('with Redis unreachable it fails open to a per-process count: quick, and still limiting', async () => {
    const down = limiter({ REDIS_URL: 'redis://127.0.0.1:1' });
    const key = down.key('test', 'email', 'someone@example.org');
    const outcomes = await hits([down], key, 4);
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes[3]).toBeInstanceOf(RateLimitedError);
  });
});
