import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { MailModule } from '@disclose/mail';
import { MilestoneSchedulingModule, MilestonesModule } from '@disclose/milestones';
import { QUEUES, QueuesModule } from '@disclose/queues';

/**
 * What the milestone commands need (database, queues, outbox), opened only when one of them runs, so
 * commands like `deadline` stay free of connections.
 */
@Module({})
export class MilestonesContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MilestonesContextModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('cli'),
        QueuesModule.forRoot([QUEUES.milestones, QUEUES.maintenance]),
        MailModule,
        MilestonesModule,
        MilestoneSchedulingModule,
      ],
    };
  }
}

/** Runs `fn` with a Nest application context of {@link MilestonesContextModule}, closed afterwards. */
export async function withMilestonesContext<T>(
  config: AppConfig,
  fn: (get: <S>(type: new (...args: never[]) => S) => S) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(MilestonesContextModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    return await fn((type) => app.get(type));
  } finally {
    await app.close();
  }
}
