import { buildJobId, type HandOffJob } from '@disclose/queues';

export interface MailJobData {
  outboxId: string;
}

export const MAIL_JOB = 'deliver';

/**
 * The one mail job of an outbox row: its id is derived from the row id, so the hand-off after commit,
 * a sweep and a retry offering the same row make one job. Removed when done, so the same row can be
 * queued again for its next attempt.
 */
export function mailJob(outboxId: string): HandOffJob<MailJobData> {
  return {
    name: MAIL_JOB,
    data: { outboxId },
    opts: { jobId: buildJobId('mail', outboxId), removeOnComplete: true, removeOnFail: true },
  };
}
