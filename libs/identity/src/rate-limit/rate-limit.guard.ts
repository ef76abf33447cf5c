import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { RateLimiter, type RateSubject } from './rate-limiter.service';

/** The routes that are rate-limited by {@link RateLimitGuard} (sign-in is limited inside AuthService). */
export type RateLimitedAction = 'register' | 'filing' | 'passwordReset';

const RATE_LIMIT_KEY = 'disclose:rate-limit';

type Limits = AppConfig['rateLimits'];
/** Which counters each action hits, and with which configured limit. */
const POLICIES: Record<RateLimitedAction, { subject: RateSubject; limit: keyof Limits }[]> = {
  register: [{ subject: 'ip', limit: 'registerPerIp' }],
  filing: [
    { subject: 'account', limit: 'filingPerAccount' },
    { subject: 'ip', limit: 'filingPerIp' },
  ],
  passwordReset: [
    { subject: 'email', limit: 'passwordResetPerEmail' },
    { subject: 'ip', limit: 'passwordResetPerIp' },
  ],
};

/**
 * Counts the route's calls per client IP / account / email (Redis, shared by every api process) and
 * answers 429 with Retry-After beyond the configured limit. Runs after the global AuthGuard (so the
 * account is known) and the route's own guards (a request refused for CSRF does not count). Filing
 * counts applicants only: staff entering paper requests from the post room are not throttled.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<RateLimitedAction | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!action || context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { body?: unknown }>();
    if (action === 'filing' && request.user?.role !== 'applicant') return true;
    for (const { subject, limit } of POLICIES[action]) {
      const id = this.subjectId(subject, request);
      if (id) await this.limiter.hit(this.limiter.key(action, subject, id), this.config.rateLimits[limit]);
    }
    return true;
  }

  private subjectId(
    subject: RateSubject,
    request: AuthenticatedRequest & { body?: unknown },
  ): string | undefined {
    if (subject === 'ip') return request.ip;
    if (subject === 'account') return request.user?.id;
    const email = (request.body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' && email.trim() ? email : undefined;
  }
}

/** Rate-limits the route (API or portal form) by the action's policy; see {@link RateLimitGuard}. */
export const RateLimit = (action: RateLimitedAction): MethodDecorator =>
  applyDecorators(SetMetadata(RATE_LIMIT_KEY, action), UseGuards(RateLimitGuard));
