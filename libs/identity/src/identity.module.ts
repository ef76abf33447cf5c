import { Global, Module } from '@nestjs/common';
import { AGENCY_DIRECTORY, APPLICANT_DIRECTORY } from './contract';
import { AgenciesService } from './agencies/agencies.service';
import { AuthGuard } from './auth/auth.guard';
import { SessionsService } from './sessions/sessions.service';
import { UsersService } from './users/users.service';

/**
 * Global: the directories (AGENCY_DIRECTORY, APPLICANT_DIRECTORY), sessions and the AuthGuard are
 * available to every module of the process. Needs the TypeORM data source (DatabaseModule).
 */
@Global()
@Module({
  providers: [
    AgenciesService,
    UsersService,
    SessionsService,
    AuthGuard,
    { provide: AGENCY_DIRECTORY, useExisting: AgenciesService },
    { provide: APPLICANT_DIRECTORY, useExisting: UsersService },
  ],
  exports: [AGENCY_DIRECTORY, APPLICANT_DIRECTORY, AgenciesService, UsersService, SessionsService, AuthGuard],
})
export class IdentityModule {}
