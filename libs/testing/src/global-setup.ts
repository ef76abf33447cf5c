import { Client } from 'pg';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TEST_ADMIN_DATABASE_URL, assertTestDatabase, newRunId } from './test-env';

/**
 * Creates a fresh database for this run (its name contains "test"), migrates it, and gives the run its
 * own Redis key prefix. Needs the built apps (`npm test` builds first). Shared by the integration and e2e
 * projects; the second call finds it done. Each test file then works on its own copy of this database
 * (see suite-database.ts), so it is only the template.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DISCLOSE_TEST_TEMPLATE_DATABASE_URL) return;
  assertTestDatabase(TEST_ADMIN_DATABASE_URL);
  const runId = newRunId();
  const name = `disclose_test_${runId}`;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  assertTestDatabase(databaseUrl);
  // Migrate with the built CLI (npm test builds first): global setup runs outside Jest's module mapper,
  // and this also proves `disclose migrate` works on an empty database.
  execFileSync(process.execPath, [join(__dirname, '../../../dist/apps/cli/src/main.js'), 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.DISCLOSE_TEST_TEMPLATE_DATABASE_URL = databaseUrl;
  process.env.DISCLOSE_TEST_RUN_REDIS_PREFIX = `disclose-test-${runId}`;
}
