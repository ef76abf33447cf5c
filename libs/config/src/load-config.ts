import { AppConfig, ENV_VARS, LogLevel, QueueBackend, RateLimit } from './env.schema';

/** A configuration value that cannot work. Its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    value: string,
  ) {
    super(`Configuration error: ${variable} ${problem} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function raw(env: Env, name: string): string {
  const value = env[name];
  if (value !== undefined && value.trim() !== '') return value.trim();
  const spec = ENV_VARS.find((v) => v.name === name);
  return spec?.default ?? '';
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T {
  const value = raw(env, name);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

function int(env: Env, name: string, min: number, max: number): number {
  const value = raw(env, name);
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, value);
  }
  return n;
}

function url(env: Env, name: string, protocols: readonly string[]): string {
  const value = raw(env, name);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.map((p) => p + '//').join(' or ')}...)`, value);
  }
  if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      name,
      `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
      value,
    );
  }
  return value;
}

function timeZone(env: Env, name: string): string {
  const value = raw(env, name);
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(name, 'must be an IANA time zone such as Asia/Shanghai', value);
  }
  return value;
}

function nonEmpty(env: Env, name: string): string {
  const value = raw(env, name);
  if (!value) throw new ConfigError(name, 'must not be empty', value);
  return value;
}

function prefix(env: Env, name: string): string {
  const value = raw(env, name);
  // BullMQ joins the prefix with ':'; braces would change Redis Cluster hash slots behind our back.
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new ConfigError(name, 'must be 1-64 letters, digits, _ . or -', value);
  }
  return value;
}

const WINDOW_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `count/window` such as `10/15m` (units s, m, h, d); a count of 0 turns the limit off. */
function rateLimit(env: Env, name: string): RateLimit {
  const value = raw(env, name);
  const match = /^(\d{1,9})\/(\d{1,6})(s|m|h|d)$/.exec(value);
  const windowMs = match ? Number(match[2]) * WINDOW_UNITS[match[3]] : 0;
  if (!match || windowMs < 1000 || windowMs > 31 * 86_400_000) {
    throw new ConfigError(
      name,
      'must be count/window such as 10/15m (window 1s to 31d, units s m h d)',
      value,
    );
  }
  return { max: Number(match[1]), windowMs };
}

/** Fastify's trustProxy: true/false, a hop count, or addresses/CIDRs/names (loopback, uniquelocal, ...). */
function trustProxy(env: Env, name: string): boolean | number | string {
  const value = raw(env, name);
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  if (!/^[A-Za-z0-9.:/, ]+$/.test(value)) {
    throw new ConfigError(name, 'must be true, false, a hop count or a list of addresses/CIDRs', value);
  }
  return value;
}

/** Validates the environment once; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Env): AppConfig {
  return {
    nodeEnv: oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const),
    port: int(env, 'PORT', 0, 65535),
    host: nonEmpty(env, 'HOST'),
    apiProcesses: int(env, 'API_PROCESSES', 1, 64),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']).replace(/\/+$/, ''),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 1, 500),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: prefix(env, 'REDIS_PREFIX'),
    queueBackend: oneOf<QueueBackend>(env, 'QUEUE_BACKEND', ['redis', 'postgres']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: nonEmpty(env, 'MAIL_FROM'),
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 1, 100),
    mailRetryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 1, 3_600_000),
    mailSendingTimeoutMs: int(env, 'MAIL_SENDING_TIMEOUT_MS', 1000, 86_400_000),
    milestoneHorizonHours: int(env, 'MILESTONE_HORIZON_HOURS', 1, 24 * 90),
    defaultTimezone: timeZone(env, 'DEFAULT_TIMEZONE'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS),
    dataDir: nonEmpty(env, 'DATA_DIR'),
    storageDir: nonEmpty(env, 'STORAGE_DIR'),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 1, 3650),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 0, 525_600),
    rateLimits: {
      loginPerEmail: rateLimit(env, 'RATE_LIMIT_LOGIN_PER_EMAIL'),
      loginFailuresPerIp: rateLimit(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_IP'),
      registerPerIp: rateLimit(env, 'RATE_LIMIT_REGISTER_PER_IP'),
      filingPerAccount: rateLimit(env, 'RATE_LIMIT_FILING_PER_ACCOUNT'),
      filingPerIp: rateLimit(env, 'RATE_LIMIT_FILING_PER_IP'),
      passwordResetPerEmail: rateLimit(env, 'RATE_LIMIT_PASSWORD_RESET_PER_EMAIL'),
      passwordResetPerIp: rateLimit(env, 'RATE_LIMIT_PASSWORD_RESET_PER_IP'),
    },
  };
}

/**
 * Loads the configuration for a process entry point: a bad value prints one readable line and exits 1,
 * never a stack trace.
 */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
}
