import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import { RateLimitedError } from '@disclose/domain';

/** Per email: 10 attempts per 15 minutes slows password guessing on one account to a crawl. */
export const LOGIN_LIMIT_PER_EMAIL = { max: 10, windowMs: 15 * 60 * 1000 };
/** Per client IP: 50 per 15 minutes (an office behind one NAT still fits; a spray across accounts does not). */
export const LOGIN_LIMIT_PER_IP = { max: 50, windowMs: 15 * 60 * 1000 };

// Fixed window: the first hit of a window starts its expiry; returns [count, ms left].
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

// Takes one hit back without creating the key or going below zero.
const UNHIT = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return n`;

/**
 * Login attempt counters in Redis, so the limit holds across every api process. With the PostgreSQL
 * queue backend (no Redis at all) it counts in this process only, and says so once.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('identity');
  private redis?: Redis;
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.redisPrefix}:identity:login`;
    if (config.queueBackend === 'redis') {
      this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    } else {
      this.logger.warn('login rate limiting is per process: no Redis (QUEUE_BACKEND=postgres)');
    }
  }

  /** Counts one login attempt; throws RateLimitedError (429) when either counter is over its limit. */
  async hit(email: string, ip: string | undefined): Promise<void> {
    const emailKey = `${this.prefix}:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const checks: [string, { max: number; windowMs: number }][] = [[emailKey, LOGIN_LIMIT_PER_EMAIL]];
    if (ip) checks.push([`${this.prefix}:ip:${ip}`, LOGIN_LIMIT_PER_IP]);
    for (const [key, limit] of checks) {
      const [count, msLeft] = await this.increment(key, limit.windowMs);
      if (count > limit.max) throw new RateLimitedError(Math.max(1, Math.ceil(msLeft / 1000)));
    }
  }

  /**
   * A successful login clears the email counter and takes its own hit back from the IP counter, so the
   * IP limit counts failures only: a whole office behind one NAT signing in every morning is not a spray.
   */
  async reset(email: string, ip?: string): Promise<void> {
    const key = `${this.prefix}:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const ipKey = ip ? `${this.prefix}:ip:${ip}` : undefined;
    if (this.redis) {
      await this.redis.del(key);
      if (ipKey) await this.redis.eval(UNHIT, 1, ipKey);
    } else {
      this.local.delete(key);
      const entry = ipKey ? this.local.get(ipKey) : undefined;
      if (entry && entry.count > 0) entry.count -= 1;
    }
  }

  private async increment(key: string, windowMs: number): Promise<[number, number]> {
    if (this.redis) {
      const [count, ttl] = (await this.redis.eval(HIT, 1, key, String(windowMs))) as [number, number];
      return [count, ttl > 0 ? ttl : windowMs];
    }
    const now = Date.now();
    const entry = this.local.get(key);
    const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + windowMs };
    current.count += 1;
    this.local.set(key, current);
    return [current.count, current.resetAt - now];
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis && this.redis.status !== 'wait' && this.redis.status !== 'end') await this.redis.quit();
  }
}
