import { Module } from '@nestjs/common';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxMetricsService } from './outbox-metrics.service';

/**
 * The outbox as operators see it (api): counts, the failed list, retry, and the metrics gauge. Needs
 * TypeORM's root and the global MetricsModule (@disclose/observability).
 */
@Module({
  providers: [OutboxAdminService, OutboxMetricsService],
  exports: [OutboxAdminService],
})
export class MailOpsModule {}
