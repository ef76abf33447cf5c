import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '@disclose/observability';
import { OverdueStatsService } from '../overdue-stats.service';

/** Registers the milestone gauges with the process's metrics registry (GET /metrics). */
@Injectable()
export class MilestoneMetricsService implements OnModuleInit {
  constructor(
    private readonly registry: MetricsRegistry,
    private readonly stats: OverdueStatsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('disclose_overdue_requests', 'Open requests past their due date', async () => [
      { labels: {}, value: await this.stats.overdueRequests() },
    ]);
    this.registry.register(
      'disclose_late_milestones',
      'Pending milestones due over a minute ago (grows when no worker fires them)',
      async () => [{ labels: {}, value: await this.stats.lateMilestones() }],
    );
  }
}

/** For the api's metrics module (needs the global MetricsModule and MilestonesModule). */
@Module({ providers: [MilestoneMetricsService] })
export class MilestonesOpsModule {}
