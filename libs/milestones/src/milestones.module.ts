import { Global, Module } from '@nestjs/common';
import { MILESTONE_SYNC } from './contract';
import { MilestonesService } from './milestones.service';
import { OverdueStatsService } from './overdue-stats.service';

/**
 * Global: the requests (and cases) services inject MILESTONE_SYNC wherever they are composed. Needs the
 * global OUTBOX (MailModule), APP_CONFIG and the TypeORM data source.
 */
@Global()
@Module({
  providers: [
    MilestonesService,
    OverdueStatsService,
    { provide: MILESTONE_SYNC, useExisting: MilestonesService },
  ],
  exports: [MilestonesService, OverdueStatsService, MILESTONE_SYNC],
})
export class MilestonesModule {}
