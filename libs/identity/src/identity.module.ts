import { Global, Module } from '@nestjs/common';
import { AGENCY_DIRECTORY, APPLICANT_DIRECTORY } from './contract';
import { AgenciesService } from './agencies/agencies.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { IdentityRedis } from './rate-limit/identity-redis';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter.service';
import { EmailTokensService } from './sessions/email-tokens.service';
import { SessionsService } from './sessions/sessions.service';
import { AccountAdminService } from './users/account-admin.service';
import { UsersService } from './users/users.service';

/**
 * Global: the directories (AGENCY_DIRECTORY, APPLICANT_DIRECTORY), sessions and the AuthGuard are
 * available to every module of the process. Needs the TypeORM data source (DatabaseModule), APP_CONFIG
 * and OUTBOX (MailModule, global) from the composition root.
 */
@Global()
@Module({
  providers: [
    AgenciesService,
    UsersService,
    AccountAdminService,
    SessionsService,
    EmailTokensService,
    IdentityRedis,
    RateLimiter,
    RateLimitGuard,
    LoginRateLimiter,
    AuthService,
    AuthGuard,
    { provide: AGENCY_DIRECTORY, useExisting: AgenciesService },
    { provide: APPLICANT_DIRECTORY, useExisting: UsersService },
  ],
  exports: [
    AGENCY_DIRECTORY,
    APPLICANT_DIRECTORY,
    AgenciesService,
    UsersService,
    AccountAdminService,
    SessionsService,
    AuthService,
    AuthGuard,
    RateLimiter,
    RateLimitGuard,
  ],
})
export class IdentityModule {}
