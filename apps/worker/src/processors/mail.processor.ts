import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DeliverEmailService, DeliveryOutcome, MailJobData } from '@disclose/mail';
import { QUEUES } from '@disclose/queues';

/**
 * Sends one outbox row. The job carries only the row id; the row is re-read and claimed, so a job that
 * runs twice, or for a row already sent, has one effect. SMTP failures are recorded on the row (backoff,
 * then 'failed'), never thrown: the dispatcher's sweep, not BullMQ, schedules the next attempt.
 */
// A short lock (renewed while a send runs) lets jobs held by a killed worker come back within seconds.
@Processor(QUEUES.mail, { concurrency: 10, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly delivery: DeliverEmailService) {
    super();
  }

  async process(job: Job<MailJobData>): Promise<{ outcome: DeliveryOutcome }> {
    return { outcome: await this.delivery.deliver(job.data.outboxId) };
  }
}
