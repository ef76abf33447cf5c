import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '@disclose/config';
import { AfterCommitSubscriber } from '@disclose/queues';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one data-source definition, shared by the api, the worker, the CLI and the tests. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  applicationName = 'disclose',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Runs the hand-offs registered with afterCommit() once their transaction has committed.
    subscribers: [AfterCommitSubscriber],
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: config.databasePoolSize, application_name: applicationName, connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  applicationName?: string,
): DataSource {
  return new DataSource(buildDataSourceOptions(config, applicationName));
}
