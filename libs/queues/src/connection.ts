import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '@disclose/config';

/**
 * BullMQ connection options for the configured backend. Redis is the production backend; the PostgreSQL
 * backend (BullMQ 6.7) is the zero-setup fallback of `npm start` on a machine without redis-server.
 */
export function bullConnection(
  config: Pick<AppConfig, 'queueBackend' | 'redisUrl' | 'databaseUrl'>,
): Record<string, unknown> {
  if (config.queueBackend === 'postgres') {
    // Must run before the first queue or worker is created.
    setDefaultBackendFactory(createPostgresBackend as never);
    return { connectionString: config.databaseUrl, schema: 'bullmq', migrate: true, max: 10 };
  }
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires this to be null for them.
    maxRetriesPerRequest: null,
  };
}
