import { QueueHandOff, type HandOffJob } from './hand-off';

const job = (id: string): HandOffJob => ({ name: 'deliver', data: { id }, opts: { jobId: `test-${id}` } });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * What the hand-off does when Redis does not answer (addBulk never settles) or refuses (it rejects): the
 * committer is never blocked, a bounded number of calls wait, and every job not handed over is counted and
 * reported, for the sweep / reconciler to find its row in PostgreSQL.
 */
describe(QueueHandOff.name, () => {
  it('keeps at most maxInFlight calls waiting on a Redis that does not answer, and drops the rest', async () => {
    const failures: number[] = [];
    const sut = new QueueHandOff(
      { addBulk: () => new Promise(() => undefined) },
      (_e, n) => failures.push(n),
      2,
    );
    sut.offer([job('1')]);
    await tick();
    sut.offer([job('2'), job('3')]);
    await tick();
    expect(failures).toEqual([]);
    sut.offer([job('4'), job('5'), job('6')]);
    await tick();
    expect(failures).toEqual([3]);
    expect(sut.dropped).toBe(3);
  });

  it('counts the jobs of a refused call as dropped and goes on with the next ones', async () => {
    const failures: number[] = [];
    let refuse = true;
    const added: string[] = [];
    const sut = new QueueHandOff(
      {
        addBulk: async (jobs) => {
          if (refuse) throw new Error('Connection is closed.');
          added.push(...jobs.map((j) => j.opts.jobId));
        },
      },
      (_e, n) => failures.push(n),
    );
    sut.offer([job('a'), job('b')]);
    await sut.settled();
    refuse = false;
    sut.offer([job('c')]);
    await sut.settled();
    expect(failures).toEqual([2]);
    expect(sut.dropped).toBe(2);
    expect(added).toEqual(['test-c']);
  });
});
