import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@disclose/config';

/**
 * The identity library's Redis connections: one for commands (rate-limit counters, publishing session
 * revocations) and, on demand, one subscriber (revocations published by other api processes). Keys and
 * channels start with `REDIS_PREFIX:identity:`. With QUEUE_BACKEND=postgres there is no Redis: `client`
 * is undefined and callers fall back to per-process behaviour.
 *
 * Commands fail fast when Redis is unreachable (no offline queue, 1 s command timeout): callers decide
 * what a failure means instead of hanging a sign-in behind a reconnecting socket.
 */
@Injectable()
export class IdentityRedis implements OnModuleDestroy {
  private readonly logger = new Logger('identity');
  readonly client?: Redis;
  readonly prefix: string;
  private subscriber?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.redisPrefix}:identity`;
    if (config.queueBackend === 'redis') {
      this.client = new Redis(config.redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        commandTimeout: 1000,
        maxRetriesPerRequest: 1,
        retryStrategy: (times) => Math.min(times * 200, 2000),
      });
      this.client.on('error', () => undefined); // reported by the callers that need it
      this.client.connect().catch(() => undefined);
    }
  }

  /** Whether commands can be sent now (connected); otherwise callers use their fallback at once. */
  get ready(): boolean {
    return this.client?.status === 'ready';
  }

  /**
   * Subscribes to a channel (prefixed); `onState(true)` once the subscription is live, `onState(false)`
   * whenever the connection drops (messages may have been missed). Resubscribes after reconnecting.
   */
  subscribe(channel: string, onMessage: (message: string) => void, onState: (live: boolean) => void): void {
    if (!this.client || this.subscriber) return;
    const full = `${this.prefix}:${channel}`;
    const sub = new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      autoResubscribe: false,
    });
    this.subscriber = sub;
    sub.on('error', () => undefined);
    sub.on('message', (ch: string, message: string) => {
      if (ch === full) onMessage(message);
    });
    sub.on('close', () => onState(false));
    sub.on('ready', () => {
      sub.subscribe(full).then(
        () => onState(true),
        (error: unknown) => this.logger.warn(`session revocation channel: ${String(error)}`),
      );
    });
    sub.connect().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    for (const connection of [this.subscriber, this.client]) {
      if (!connection || connection.status === 'end') continue;
      try {
        await connection.quit();
      } catch {
        connection.disconnect();
      }
    }
  }
}
