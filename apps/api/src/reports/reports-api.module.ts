import { Module } from '@nestjs/common';
import { ReportsModule } from '@disclose/reports';
import { ReportAccess } from './report-access';
import { ReportsController } from './reports.controller';
import { StatsController } from './stats.controller';

/** HTTP adapters of @disclose/reports (issue 7). AGENCY_DIRECTORY comes from the global IdentityModule. */
@Module({
  imports: [ReportsModule],
  controllers: [ReportsController, StatsController],
  providers: [ReportAccess],
})
export class ReportsApiModule {}
