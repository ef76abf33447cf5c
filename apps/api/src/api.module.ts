import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { AuthGuard, IdentityModule } from '@disclose/identity';
import { MailModule } from '@disclose/mail';
import { MilestonesModule } from '@disclose/milestones';
import { LoggerModule } from '@disclose/observability';
import { QUEUES, QueuesModule } from '@disclose/queues';
import { HealthModule } from './health/health.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { MetricsHttpModule } from './metrics/metrics-http.module';
import { AdminMailModule } from './admin-mail/admin-mail.module';
import { AdminQueuesModule } from './admin-queues/admin-queues.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AuthHttpModule } from './auth/auth.module';
import { AgenciesHttpModule } from './agencies/agencies.module';
import { UsersHttpModule } from './users/users.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { RequestsApiModule } from './requests/requests-api.module';
import { CasesApiModule } from './cases/cases.module';
import { PortalModule } from './portal/portal.module';

/** Composition root of the HTTP process. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot('api'),
        DatabaseModule.forRoot('api'),
        QueuesModule.forRoot([QUEUES.diagnostics, QUEUES.milestones, QUEUES.mail]),
        HealthModule,
        DiagnosticsModule,
        MetricsHttpModule,
        AdminMailModule,
        AdminQueuesModule,
        MailModule,
        MilestonesModule,
        IdentityModule,
        AuthHttpModule,
        AgenciesHttpModule,
        UsersHttpModule,
        ReportsApiModule,
        RequestsApiModule,
        CasesApiModule,
        PortalModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Every route needs a session unless marked @Public() (health, docs, login, registration).
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
