import type { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '../contract';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * A dedicated PostgreSQL connection that LISTENs for new outbox rows (a pooled connection cannot: the pool
 * would hand it to someone else). On loss it reconnects with backoff and wakes the dispatcher, which then
 * sweeps, so a notification missed while disconnected costs at most one sweep interval.
 */
export class OutboxListener {
  private client?: Client;
  private stopped = false;
  private delay = RECONNECT_MIN_MS;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNotify: () => void,
    private readonly logger: Pick<LoggerService, 'warn'>,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'disclose-mail-listener',
    });
    this.client = client;
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.delay = RECONNECT_MIN_MS;
      this.onNotify();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.logger.warn(
      `outbox listener lost its connection (${String(error)}); reconnecting in ${this.delay} ms`,
    );
    this.retry = setTimeout(() => void this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
