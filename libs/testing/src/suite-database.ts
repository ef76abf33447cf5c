import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { assertTestDatabase, TEST_ADMIN_DATABASE_URL } from './test-env';

/**
 * Jest `setupFiles` of the integration and e2e projects: every test file gets its own database, copied
 * from the run's migrated template (CREATE DATABASE ... TEMPLATE, ~0.3 s), and its own Redis prefix.
 * Suites start real workers that sweep the outbox and fire every due milestone in batches; with one
 * shared database a suite's worker sent the mail an earlier suite left behind, to its own SMTP capture,
 * and its waits timed out behind that backlog. Synchronous on purpose: it runs before the test file's
 * module body, which may already read `currentTestRun()`. Global teardown drops the copies.
 */
function setUpSuiteDatabase(): void {
  const template = process.env.DISCLOSE_TEST_TEMPLATE_DATABASE_URL;
  const runPrefix = process.env.DISCLOSE_TEST_RUN_REDIS_PREFIX;
  if (!template || !runPrefix) return; // a config without the global setup (the chaos suite)
  const templateName = assertTestDatabase(template);
  const suite = randomBytes(4).toString('hex');
  const name = `${templateName}_s${suite}`;
  const script = `
    const { Client } = require('pg');
    const admin = new Client({ connectionString: process.argv[1] });
    admin.connect()
      .then(() => admin.query('CREATE DATABASE ' + process.argv[2] + ' TEMPLATE ' + process.argv[3]))
      .then(() => admin.end())
      .catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script, TEST_ADMIN_DATABASE_URL, name, templateName], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = new URL(template);
  url.pathname = `/${name}`;
  process.env.DISCLOSE_TEST_DATABASE_URL = url.toString();
  process.env.DISCLOSE_TEST_REDIS_PREFIX = `${runPrefix}-s${suite}`;
}

setUpSuiteDatabase();
