import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { MILESTONES_CHANNEL, parseNotifyPayload } from '../milestones.channel';
import { MilestoneSchedulerService } from './milestone-scheduler.service';

const RECONNECT_MS = 2000;

/**
 * Worker side of the post-commit hand-off: LISTENs on the milestones channel and puts the announced
 * milestones on BullMQ at once (the acknowledgement and near-term reminders go out within seconds), and
 * reconciles once at start (jobs lost while no worker ran). The periodic reconciler covers lost notifies.
 */
@Injectable()
export class MilestoneListenerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MilestoneListenerService.name);
  private client: Client | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: MilestoneSchedulerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
    this.scheduler
      .reconcile()
      .catch((e: Error) => this.logger.error(`start-up reconcile failed: ${e.message}`));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'disclose-worker-listen',
    });
    client.on('notification', (msg) => {
      const ids = parseNotifyPayload(msg.payload);
      this.scheduler
        .scheduleIds(ids)
        .catch((e: Error) => this.logger.error(`scheduling ${ids.length} failed: ${e.message}`));
    });
    client.on('error', (e) => {
      this.logger.warn(`milestone listener lost its connection: ${e.message}`);
      this.reconnectLater(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${MILESTONES_CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.logger.warn(`milestone listener cannot connect: ${(e as Error).message}`);
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (!this.stopped) setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
