import type { KeepJobs } from 'bullmq';
import { buildJobId } from '@disclose/queues';

/** The fire job of a milestone: its id is derived from the milestone id, so adding it twice is harmless. */
export const FIRE_JOB = 'fire';
export const RECONCILE_JOB = 'reconcile-milestones';
export const DIGEST_JOB = 'milestone-digest';

export interface FireJobData {
  milestoneId: string;
}

const JOB_ID_KIND = 'milestone';

export const milestoneJobId = (milestoneId: string): string => buildJobId(JOB_ID_KIND, milestoneId);

/** The milestone id of a fire job id (inverse of {@link milestoneJobId}); null for any other job id. */
export function milestoneIdOfJob(jobId: string | undefined): string | null {
  const prefix = `${JOB_ID_KIND}-`;
  if (!jobId?.startsWith(prefix)) return null;
  const id = jobId.slice(prefix.length);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
}

/**
 * The worker-side options of the fire jobs (MilestonesProcessor): done or failed jobs leave Redis at once,
 * so a failed job never keeps its id (the next reconcile re-adds the milestone if it is still pending).
 * Set on the worker, not stored in every job hash.
 */
export const FIRE_WORKER_OPTIONS: { removeOnComplete: KeepJobs; removeOnFail: KeepJobs } = {
  removeOnComplete: { count: 0 },
  removeOnFail: { count: 0 },
};

/**
 * Lean jobs: Redis memory grows with the number of near-term milestones (300,000 open requests put about
 * 220,000 of them within a 7-day horizon), so a job holds only the milestone id and the options that
 * differ from the defaults. No backoff: a retry runs at once, and any other fire job of the queue fires
 * a milestone still due (see MilestoneFiringService.fireDue).
 */
export function fireJob(milestoneId: string, dueAt: Date, nowMs: number) {
  return {
    name: FIRE_JOB,
    data: { milestoneId } satisfies FireJobData,
    opts: {
      jobId: milestoneJobId(milestoneId),
      delay: Math.max(0, dueAt.getTime() - nowMs),
      attempts: 3,
    },
  };
}
