import { Client } from 'pg';
import { createDataSource, migrateWithLock, MIGRATIONS } from '@disclose/database';
import { TEST_ADMIN_DATABASE_URL, currentTestRun, newRunId } from '@disclose/testing';

describe(migrateWithLock.name, () => {
  const name = `disclose_test_migrate_${newRunId()}`;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });

  beforeAll(async () => {
    currentTestRun();
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('lets concurrent migrators through one at a time: one applies everything, the others nothing', async () => {
    const url = new URL(TEST_ADMIN_DATABASE_URL);
    url.pathname = `/${name}`;
    const sources = [1, 2, 3].map(() =>
      createDataSource({ databaseUrl: url.toString(), databasePoolSize: 2 }, 'migrate-test'),
    );
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      const results = await Promise.all(sources.map((s) => migrateWithLock(s)));
      expect(results.map((r) => r.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
      const rows = await sources[0].query('SELECT name FROM migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
      const locks = await sources[0].query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`,
      );
      expect(locks[0].n).toBe(0);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
