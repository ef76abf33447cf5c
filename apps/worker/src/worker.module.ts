import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { MailDeliveryModule, MailModule } from '@disclose/mail';
import { MilestoneStartupService, MilestoneSchedulingModule, MilestonesModule } from '@disclose/milestones';
import { LoggerModule } from '@disclose/observability';
import { QUEUES, QueuesModule } from '@disclose/queues';
import { DiagnosticsProcessor } from './processors/diagnostics.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MilestonesProcessor } from './processors/milestones.processor';
import { MailProcessor } from './processors/mail.processor';
import { QueueStateWatch } from './queue-state.watch';

/** Composition root of the worker process: BullMQ processors, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot('worker'),
        DatabaseModule.forRoot('worker'),
        QueuesModule.forRoot([QUEUES.diagnostics, QUEUES.milestones, QUEUES.mail, QUEUES.maintenance]),
        MailModule,
        MailDeliveryModule,
        MilestonesModule,
        MilestoneSchedulingModule,
      ],
      providers: [
        DiagnosticsProcessor,
        MailProcessor,
        MilestonesProcessor,
        MaintenanceProcessor,
        MilestoneStartupService,
        QueueStateWatch,
      ],
    };
  }
}
