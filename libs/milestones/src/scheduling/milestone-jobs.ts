import { buildJobId } from '@disclose/queues';

/** The fire job of a milestone: its id is derived from the milestone id, so adding it twice is harmless. */
export const FIRE_JOB = 'fire';
export const RECONCILE_JOB = 'reconcile-milestones';
export const DIGEST_JOB = 'milestone-digest';

export interface FireJobData {
  milestoneId: string;
}

export const milestoneJobId = (milestoneId: string): string => buildJobId('milestone', milestoneId);

/** Lean jobs: Redis memory grows with the number of near-term milestones, so each job stays small. */
export function fireJob(milestoneId: string, dueAt: Date, nowMs: number) {
  return {
    name: FIRE_JOB,
    data: { milestoneId } satisfies FireJobData,
    opts: {
      jobId: milestoneJobId(milestoneId),
      delay: Math.max(0, dueAt.getTime() - nowMs),
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      // A failed job must not keep its id: the next reconcile re-adds the milestone if it is still pending.
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}
