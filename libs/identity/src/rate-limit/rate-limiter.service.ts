import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RateLimit } from '@disclose/config';
import { RateLimitedError } from '@disclose/domain';
import { IdentityRedis } from './identity-redis';

// Fixed window, atomically: the first hit of a window starts its expiry; returns [count, ms left].
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

// Takes one hit back without creating the key or going below zero.
const UNHIT = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return n`;

/** The kind of subject a counter is about; emails are hashed so Redis holds no addresses. */
export type RateSubject = 'email' | 'ip' | 'account';

const LOCAL_MAX_KEYS = 100_000;
const WARN_EVERY_MS = 60_000;

/**
 * Counters for rate limits, kept in Redis (`REDIS_PREFIX:identity:rl:<bucket>:<subject>:<id>`) so that
 * every api process counts against the same limit.
 *
 * When Redis cannot be reached the limiter does not fail closed (that would turn a Redis outage into "no
 * one can sign in or file", and filing has statutory deadlines) and does not simply stop limiting: it
 * counts in this process, so each process still enforces the limit on its own share of the traffic (with
 * N api processes an attacker gets at most N times the limit while Redis is down). argon2id keeps each
 * password guess expensive meanwhile. A warning is logged at most once a minute.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('identity');
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private lastWarning = 0;

  constructor(private readonly redis: IdentityRedis) {
    if (!redis.client)
      this.logger.warn('rate limits are counted per process: no Redis (QUEUE_BACKEND=postgres)');
  }

  key(bucket: string, subject: RateSubject, id: string): string {
    const value =
      subject === 'email' ? createHash('sha256').update(id.trim().toLowerCase()).digest('hex') : id;
    return `${this.redis.prefix}:rl:${bucket}:${subject}:${value}`;
  }

  /** Counts one hit; throws RateLimitedError (429, with the seconds until the window ends) when over. */
  async hit(key: string, limit: RateLimit): Promise<void> {
    if (limit.max <= 0) return;
    const [count, msLeft] = await this.increment(key, limit.windowMs);
    if (count > limit.max) throw new RateLimitedError(Math.max(1, Math.ceil(msLeft / 1000)));
  }

  /** Takes one hit back (never below zero). */
  async unhit(key: string): Promise<void> {
    if (await this.tryRedis((client) => client.eval(UNHIT, 1, key))) return;
    const entry = this.local.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }

  /** Clears a counter. */
  async clear(key: string): Promise<void> {
    this.local.delete(key);
    await this.tryRedis((client) => client.del(key));
  }

  private async increment(key: string, windowMs: number): Promise<[number, number]> {
    let result: [number, number] | undefined;
    await this.tryRedis(async (client) => {
      result = (await client.eval(HIT, 1, key, String(windowMs))) as [number, number];
    });
    if (result) return result;
    const now = Date.now();
    const entry = this.local.get(key);
    const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + windowMs };
    current.count += 1;
    if (!this.local.has(key) && this.local.size >= LOCAL_MAX_KEYS) this.sweepLocal(now);
    this.local.set(key, current);
    return [current.count, current.resetAt - now];
  }

  /** Runs a Redis command; false (and a throttled warning) when Redis is absent or fails. */
  private async tryRedis(
    command: (client: NonNullable<IdentityRedis['client']>) => Promise<unknown>,
  ): Promise<boolean> {
    const client = this.redis.client;
    if (!client) return false;
    try {
      if (!this.redis.ready) throw new Error(`Redis connection is ${client.status}`);
      await command(client);
      return true;
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = now;
        this.logger.warn(`rate limits counted per process: Redis unavailable (${(error as Error).message})`);
      }
      return false;
    }
  }

  private sweepLocal(now: number): void {
    for (const [key, entry] of this.local) if (entry.resetAt <= now) this.local.delete(key);
    if (this.local.size >= LOCAL_MAX_KEYS) this.local.clear();
  }
}
