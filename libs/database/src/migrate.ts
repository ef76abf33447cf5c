import { DataSource, Migration } from 'typeorm';

/** Arbitrary but fixed: every Disclose process migrating the same database contends for this lock. */
export const MIGRATION_LOCK_KEY = 7_316_001;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so two processes started at once
 * (two api replicas, or `npm start` next to `disclose migrate`) never run the same migration twice.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<Migration[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
