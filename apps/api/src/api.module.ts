import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { LoggerModule } from '@disclose/observability';
import { QUEUES, QueuesModule } from '@disclose/queues';
import { HealthModule } from './health/health.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';

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
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
