import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RateLimit } from '@disclose/config';
import { RateLimiter } from '../rate-limit/rate-limiter.service';

/** Default per email: 10 attempts per 15 minutes slows password guessing on one account to a crawl. */
export const LOGIN_LIMIT_PER_EMAIL: RateLimit = { max: 10, windowMs: 15 * 60 * 1000 };
/** Default per client IP: 50 failures per 15 minutes (a spray across accounts does not fit). */
export const LOGIN_LIMIT_PER_IP: RateLimit = { max: 50, windowMs: 15 * 60 * 1000 };

/**
 * Sign-in attempts, counted per email (every attempt) and per client IP (failures only) in Redis, so the
 * limits (RATE_LIMIT_LOGIN_PER_EMAIL, RATE_LIMIT_LOGIN_FAILURES_PER_IP) hold across every api process.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one login attempt; throws RateLimitedError (429) when either counter is over its limit. */
  async hit(email: string, ip: string | undefined): Promise<void> {
    const limits = this.config.rateLimits;
    await this.limiter.hit(this.limiter.key('login', 'email', email), limits.loginPerEmail);
    if (ip) await this.limiter.hit(this.limiter.key('login', 'ip', ip), limits.loginFailuresPerIp);
  }

  /**
   * A successful login clears the email counter and takes its own hit back from the IP counter, so the
   * IP limit counts failures only: a whole office behind one NAT signing in every morning is not a spray.
   */
  async reset(email: string, ip?: string): Promise<void> {
    await this.limiter.clear(this.limiter.key('login', 'email', email));
    if (ip) await this.limiter.unhit(this.limiter.key('login', 'ip', ip));
  }
}
