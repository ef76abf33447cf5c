import fc from 'fast-check';
import { fireJob, milestoneIdOfJob, milestoneJobId } from './milestone-jobs';

describe('milestone jobs', () => {
  const id = '0b6f2a43-5d1e-4c43-9a3e-2f1d7c9b8a10';

  it('derive the job id from the milestone id only', () => {
    expect(milestoneJobId(id)).toBe(`milestone-${id}`);
    const now = Date.parse('2026-01-05T00:00:00Z');
    expect(fireJob(id, new Date(now + 5000), now).opts.jobId).toBe(
      fireJob(id, new Date(now + 9000), now - 1).opts.jobId,
    );
  });

  it('delay is the time left, never negative (an overdue milestone fires at once)', () => {
    const now = Date.parse('2026-01-05T00:00:00Z');
    expect(fireJob(id, new Date(now + 90_000), now).opts.delay).toBe(90_000);
    expect(fireJob(id, new Date(now - 90_000), now).opts.delay).toBe(0);
  });

  it('reads the milestone id back from a job id, and nothing from other jobs', () => {
    fc.assert(fc.property(fc.uuid(), (uuid) => expect(milestoneIdOfJob(milestoneJobId(uuid))).toBe(uuid)));
    expect(milestoneIdOfJob('mail-0b6f2a43-5d1e-4c43-9a3e-2f1d7c9b8a10')).toBeNull();
    expect(milestoneIdOfJob('milestone-digest')).toBeNull();
    expect(milestoneIdOfJob(undefined)).toBeNull();
  });

  it('keeps the job hash lean: the milestone id and the non-default options only', () => {
    const job = fireJob(id, new Date(Date.now() + 60_000), Date.now());
    expect(Object.keys(job.opts).sort()).toEqual(['attempts', 'delay', 'jobId']);
    expect(job.data).toEqual({ milestoneId: id });
  });
});
