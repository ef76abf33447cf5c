import { Client } from 'pg';
import { Redis } from 'ioredis';
import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL, assertTestDatabase } from './test-env';

/** Drops the run's template database and every test file's copy of it, and deletes the run's Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.DISCLOSE_TEST_TEMPLATE_DATABASE_URL;
  const prefix = process.env.DISCLOSE_TEST_RUN_REDIS_PREFIX;
  if (!databaseUrl || !prefix) return;
  delete process.env.DISCLOSE_TEST_TEMPLATE_DATABASE_URL;
  const name = assertTestDatabase(databaseUrl);
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_s%'`,
      [name],
    );
    for (const { datname } of rows) {
      assertTestDatabase(`postgres:///${datname}`);
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
