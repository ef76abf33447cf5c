import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DeliverEmailService, DeliveryReport, MailJobData } from '@disclose/mail';
import { QUEUES } from '@disclose/queues';

/**
 * Sends outbox rows. The job carries only its row id; the row is re-read and claimed together with other
 * due rows (DeliverEmailService.deliverBatch), so a job that runs twice, or for a row already sent, has
 * one effect, and a burst of emails goes out over the pooled connections without one job per send.
 * SMTP failures are recorded on the row (backoff, then 'failed'), never thrown: the dispatcher's sweep,
 * not BullMQ, schedules the next attempt.
 */
// A short lock (renewed while a send runs) lets jobs held by a killed worker come back within seconds.
@Processor(QUEUES.mail, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly delivery: DeliverEmailService) {
    super();
  }

  async process(job: Job<MailJobData>): Promise<DeliveryReport> {
    return this.delivery.deliverBatch(job.data.outboxId);
  }
}
