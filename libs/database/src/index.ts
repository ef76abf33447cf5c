export { buildDataSourceOptions, createDataSource } from './data-source';
export { migrateWithLock, MIGRATION_LOCK_KEY } from './migrate';
export { DatabaseModule } from './database.module';
export { ENTITIES } from './entities';
export { MIGRATIONS } from './migrations';
