import { randomBytes } from 'node:crypto';

/** Where the tests find their services: TEST_DATABASE_URL / TEST_REDIS_URL, or the local defaults. */
export const TEST_ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Refuses any database whose name does not say it is for tests: a test must never touch real data. */
export function assertTestDatabase(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test/i.test(name))
    throw new Error(`refusing to use database "${name}" for tests: its name must contain "test"`);
  return name;
}

export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The per-run settings global setup publishes to every test through the environment. */
export interface TestRun {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export function currentTestRun(): TestRun {
  const databaseUrl = process.env.DISCLOSE_TEST_DATABASE_URL;
  const redisPrefix = process.env.DISCLOSE_TEST_REDIS_PREFIX;
  if (!databaseUrl || !redisPrefix)
    throw new Error('the test run is not set up: run the tests through jest (global setup)');
  return { databaseUrl, redisUrl: TEST_REDIS_URL, redisPrefix };
}

/** A complete environment for a Disclose process under test. */
export function testProcessEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const run = currentTestRun();
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: run.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    QUEUE_BACKEND: 'redis',
    LOG_LEVEL: 'warn',
    DEFAULT_TIMEZONE: 'Asia/Shanghai',
    // Every suite of a run shares one Redis prefix and calls from 127.0.0.1: per-IP limits that suit one
    // office would trip across suites. test/security sets the limits it tests.
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: '100000/15m',
    RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
    RATE_LIMIT_FILING_PER_IP: '100000/1h',
    RATE_LIMIT_FILING_PER_ACCOUNT: '100000/1h',
    RATE_LIMIT_PASSWORD_RESET_PER_IP: '100000/1h',
    ...overrides,
  };
}
