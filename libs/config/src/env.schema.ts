/**
 * The one schema of every environment variable Disclose reads. Nothing else in the code base reads
 * `process.env`: the apps call {@link loadConfig} once at boot and inject the typed {@link AppConfig}.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type QueueBackend = 'redis' | 'postgres';

export interface EnvVarSpec {
  name: string;
  default: string | undefined;
  description: string;
}

/** Documentation of every variable, in the order of `.env.example`; the README table is generated from it. */
export const ENV_VARS: readonly EnvVarSpec[] = [
  { name: 'NODE_ENV', default: 'development', description: 'development, test or production' },
  { name: 'PORT', default: '3000', description: 'HTTP port of the api process' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface the api listens on (0.0.0.0 in containers)' },
  {
    name: 'API_PROCESSES',
    default: '1',
    description: 'api processes sharing the port (Node cluster); one per core the api may use',
  },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:3000',
    description: 'Base URL of the portal, used in links sent by email',
  },
  {
    name: 'DATABASE_URL',
    default: 'postgres://postgres@127.0.0.1:5432/disclose',
    description: 'PostgreSQL connection string (npm start: unset = local server, else embedded PostgreSQL)',
  },
  {
    name: 'DATABASE_POOL_SIZE',
    default: '10',
    description: 'Connections per process in the PostgreSQL pool',
  },
  {
    name: 'REDIS_URL',
    default: 'redis://127.0.0.1:6379',
    description:
      'Redis for BullMQ queues (npm start: unset = local server, else spawned redis-server, else PostgreSQL queues)',
  },
  {
    name: 'REDIS_PREFIX',
    default: 'disclose',
    description: 'Key prefix of every BullMQ key (lets several installations or test runs share one Redis)',
  },
  {
    name: 'QUEUE_BACKEND',
    default: 'redis',
    description: 'redis (production) or postgres (BullMQ on PostgreSQL, the zero-setup fallback)',
  },
  {
    name: 'SMTP_URL',
    default: 'smtp://127.0.0.1:1025',
    description:
      'Outgoing mail server, smtp:// or smtps:// with optional user:password@ (npm start: unset = development mailbox)',
  },
  {
    name: 'MAIL_FROM',
    default: 'Disclose <no-reply@disclose.localhost>',
    description: 'Sender of every email',
  },
  {
    name: 'MAIL_MAX_ATTEMPTS',
    default: '8',
    description: 'SMTP attempts per email before it is marked failed (visible to admins, retriable)',
  },
  {
    name: 'MAIL_RETRY_BASE_MS',
    default: '5000',
    description: 'First retry delay after an SMTP failure; doubles per attempt, capped at one hour',
  },
  {
    name: 'MAIL_SENDING_TIMEOUT_MS',
    default: '120000',
    description: 'An email claimed this long ago and not marked sent (worker died mid-send) is sent again',
  },
  {
    name: 'MILESTONE_HORIZON_HOURS',
    default: '168',
    description:
      'Milestones due within this many hours are held as BullMQ delayed jobs; later ones only in PostgreSQL',
  },
  {
    name: 'DEFAULT_TIMEZONE',
    default: 'Asia/Shanghai',
    description: 'IANA time zone of agencies created without one',
  },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  {
    name: 'DATA_DIR',
    default: './.data',
    description: 'Local state of npm start (embedded PostgreSQL, spawned Redis) and default document storage',
  },
  {
    name: 'STORAGE_DIR',
    default: './.data/documents',
    description: 'Where uploaded documents are stored (disk storage driver)',
  },
  {
    name: 'TRUST_PROXY',
    default: 'loopback',
    description:
      'Proxies whose X-Forwarded-For gives the client IP (rate limits count per IP): loopback, an address/CIDR list, a hop count, true or false',
  },
  {
    name: 'SESSION_TTL_DAYS',
    default: '30',
    description: 'Absolute lifetime of a sign-in session in days, however active',
  },
  {
    name: 'SESSION_IDLE_MINUTES',
    default: '480',
    description: 'A session unused for this many minutes ends (0 = no idle timeout)',
  },
  {
    name: 'RATE_LIMIT_LOGIN_PER_EMAIL',
    default: '10/15m',
    description:
      'Sign-in attempts per email address per window (count/window, window in s, m, h or d; 0/... = off)',
  },
  {
    name: 'RATE_LIMIT_LOGIN_FAILURES_PER_IP',
    default: '50/15m',
    description:
      'Failed sign-ins per client IP per window (successes do not count: a NAT-ed office is not locked out)',
  },
  {
    name: 'RATE_LIMIT_REGISTER_PER_IP',
    default: '20/1h',
    description: 'Account registrations per client IP per window',
  },
  {
    name: 'RATE_LIMIT_FILING_PER_ACCOUNT',
    default: '30/1h',
    description:
      'Requests filed online per applicant account per window (staff entering paper requests are not limited)',
  },
  {
    name: 'RATE_LIMIT_FILING_PER_IP',
    default: '120/1h',
    description: 'Requests filed online by applicants per client IP per window',
  },
  {
    name: 'RATE_LIMIT_PASSWORD_RESET_PER_EMAIL',
    default: '5/1h',
    description: 'Password reset emails asked for per email address per window (no mail bombing)',
  },
  {
    name: 'RATE_LIMIT_PASSWORD_RESET_PER_IP',
    default: '20/1h',
    description: 'Password reset requests per client IP per window',
  },
];

/** `max` hits per `windowMs`; max 0 turns the limit off. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  loginPerEmail: RateLimit;
  loginFailuresPerIp: RateLimit;
  registerPerIp: RateLimit;
  filingPerAccount: RateLimit;
  filingPerIp: RateLimit;
  passwordResetPerEmail: RateLimit;
  passwordResetPerIp: RateLimit;
}

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  apiProcesses: number;
  publicUrl: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  redisPrefix: string;
  queueBackend: QueueBackend;
  smtpUrl: string;
  mailFrom: string;
  mailMaxAttempts: number;
  mailRetryBaseMs: number;
  mailSendingTimeoutMs: number;
  milestoneHorizonHours: number;
  defaultTimezone: string;
  logLevel: LogLevel;
  dataDir: string;
  storageDir: string;
  /** Fastify's trustProxy: which hops' X-Forwarded-For is believed (rate limits count per client IP). */
  trustProxy: boolean | number | string;
  sessionTtlDays: number;
  /** 0 = sessions have no idle timeout. */
  sessionIdleMinutes: number;
  rateLimits: RateLimits;
}
