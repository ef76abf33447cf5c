import { Controller, Get, HttpException, HttpStatus, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { Public } from '@disclose/identity';
import { QUEUES, bullConnection } from '@disclose/queues';

const WAIT_MS = 10_000;

/** Proves a worker is consuming the queues: the api queues a job and waits for a worker to answer it. */
@ApiTags('health')
@Public()
@Controller('health')
export class DiagnosticsController implements OnModuleDestroy {
  private events?: QueueEvents;

  constructor(
    @InjectQueue(QUEUES.diagnostics) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('worker')
  @ApiOperation({
    summary: 'Round trip through the queue: 200 when a worker processed the job, 503 otherwise',
  })
  async worker(): Promise<{ status: 'up'; processedBy: unknown; roundTripMs: number }> {
    this.events ??= new QueueEvents(QUEUES.diagnostics, {
      connection: bullConnection(this.config) as never,
      prefix: this.config.redisPrefix,
    });
    await this.events.waitUntilReady();
    const started = Date.now();
    const job = await this.queue.add(
      'ping',
      { nonce: randomUUID() },
      { removeOnComplete: 100, removeOnFail: 100 },
    );
    try {
      const result = await job.waitUntilFinished(this.events, WAIT_MS);
      return { status: 'up', processedBy: result, roundTripMs: Date.now() - started };
    } catch {
      await job.remove().catch(() => undefined);
      throw new HttpException(
        { message: `no worker answered within ${WAIT_MS / 1000} s` },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.close();
  }
}
