import { Module } from '@nestjs/common';
import { MailOpsModule } from '@disclose/mail';
import { MilestonesOpsModule } from '@disclose/milestones';
import { MetricsModule } from '@disclose/observability';
import { MetricsController } from './metrics.controller';

/** GET /metrics; the libraries whose gauges it shows are imported here so they register them. */
@Module({
  imports: [MetricsModule, MailOpsModule, MilestonesOpsModule],
  controllers: [MetricsController],
})
export class MetricsHttpModule {}
