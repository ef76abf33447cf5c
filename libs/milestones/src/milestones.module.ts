import { Global, Module } from '@nestjs/common';
import { MILESTONE_SYNC } from './contract';
import { MilestonesService } from './milestones.service';

/** Global: the requests (and cases) services inject MILESTONE_SYNC wherever they are composed. */
@Global()
@Module({
  providers: [MilestonesService, { provide: MILESTONE_SYNC, useExisting: MilestonesService }],
  exports: [MilestonesService, MILESTONE_SYNC],
})
export class MilestonesModule {}
