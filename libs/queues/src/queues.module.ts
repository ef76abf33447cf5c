import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { bullConnection } from './connection';
import { QueueName } from './queue-names';

/** BullMQ root connection plus the named queues a process uses. */
@Module({})
export class QueuesModule {
  static forRoot(queues: readonly QueueName[]): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: bullConnection(config) as never,
            prefix: config.redisPrefix,
          }),
        }),
        BullModule.registerQueue(...queues.map((name) => ({ name }))),
      ],
      exports: [BullModule],
    };
  }
}
