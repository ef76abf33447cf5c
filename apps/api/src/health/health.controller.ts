import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { Public } from '@disclose/identity';
import { OutboxAdminService } from '@disclose/mail';
import { OverdueStatsService } from '@disclose/milestones';
import { verifySmtp } from './smtp';

const CHECK_TIMEOUT_MS = 3000;

/** Liveness of the parts the system cannot work without: 200 when all are up, 503 naming the failing part. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private redis?: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxAdminService,
    private readonly overdue: OverdueStatsService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database, queue backend and SMTP status' })
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.dataSource.query('SELECT 1').then(() => undefined))
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('queues')
          .attempt(() => this.pingQueues())
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('smtp')
          .attempt(() => verifySmtp(this.config.smtpUrl, CHECK_TIMEOUT_MS))
          .withTimeout(CHECK_TIMEOUT_MS + 500),
      // Informational: failing emails are for admins to see (/api/v1/admin/mail), not a reason to answer 503.
      async () => this.indicators.check('mail').up(await this.mailCounts()),
      // Informational too: overdue requests are work for the clerks, not an outage.
      async () => this.indicators.check('milestones').up(await this.milestoneCounts()),
    ]);
  }

  private async milestoneCounts(): Promise<Record<string, number | string>> {
    try {
      const [overdueRequests, lateMilestones] = await Promise.all([
        this.overdue.overdueRequests(),
        this.overdue.lateMilestones(),
      ]);
      return { overdueRequests, lateMilestones };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async mailCounts(): Promise<Record<string, number | string>> {
    try {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('outbox counts timed out')), CHECK_TIMEOUT_MS).unref(),
      );
      const { pending, sending, sent, failed } = await Promise.race([this.outbox.counts(), timeout]);
      return { pending, sending, sent, failed };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async pingQueues(): Promise<Record<string, unknown>> {
    if (this.config.queueBackend === 'postgres') {
      await this.dataSource.query('SELECT 1');
      return { backend: 'postgres' };
    }
    this.redis ??= new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
    return { backend: 'redis' };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }
}
