import { Queue } from 'bullmq';
import { bullConnection, QueueHandOff, buildJobId, type HandOffJob } from '@disclose/queues';
import { currentTestRun } from '@disclose/testing';

const job = (id: string): HandOffJob => ({
  name: 'deliver',
  data: { id },
  opts: { jobId: buildJobId('handoff_test', id), removeOnComplete: true },
});

/** The post-commit hand-off against the run's Redis. */
describe(QueueHandOff.name, () => {
  const run = currentTestRun();

  it('sends what is offered in one turn of the event loop as one addBulk', async () => {
    const queue = new Queue('handoff-test', {
      connection: bullConnection({ queueBackend: 'redis', redisUrl: run.redisUrl, databaseUrl: '' }) as never,
      prefix: run.redisPrefix,
    });
    try {
      let calls = 0;
      const counted = { addBulk: (jobs: HandOffJob[]) => (calls++, queue.addBulk(jobs)) };
      const sut = new QueueHandOff(counted, () => undefined);
      const ids = ['a', 'b', 'c'].map((s) => `${s}${Date.now()}`);
      for (const id of ids) sut.offer([job(id)]);
      await sut.settled();
      expect(calls).toBe(1);
      for (const id of ids) expect(await queue.getJob(buildJobId('handoff_test', id))).toBeDefined();
      expect(sut.dropped).toBe(0);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
