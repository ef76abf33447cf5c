import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { buildDataSourceOptions } from './data-source';

/** TypeORM on PostgreSQL for any Nest application context (api, worker, cli). */
@Module({})
export class DatabaseModule {
  /** @param applicationName shown in pg_stat_activity, so an operator sees which process holds a connection. */
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, `disclose-${applicationName}`),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
