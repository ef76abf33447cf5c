import { ChaosSystem, FilingOutcome, World, say, sleep, tally } from './harness';

/**
 * The fault suite (issue 9 §3): the built api and worker on private PostgreSQL and Redis servers that
 * the tests restart, flush and kill under load, with an in-process SMTP server that refuses mail for a
 * while. Each scenario prints what it did and what it checked (`chaos <scenario>: ...`).
 */
const KILLS = 4;

describe('faults (built api + worker on private PostgreSQL and Redis)', () => {
  const system = new ChaosSystem();

  beforeAll(async () => {
    await system.start();
  }, 120_000);

  afterAll(async () => {
    await system.stop();
  }, 60_000);

  /** Inserts `count` reminders due over the next `spreadMs` for the world's requests (one email each). */
  async function burst(world: World, count: number, startInMs: number, spreadMs: number): Promise<string[]> {
    const rows = await system.sql<{ id: string }>(
      `WITH r AS (SELECT id, due_on::text AS due_on, row_number() OVER (ORDER BY id) - 1 AS i,
                         count(*) OVER () AS total FROM requests WHERE agency_id = $1)
       INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload)
       SELECT 'request', r.id, 'due_in_2',
              now() + make_interval(secs => ($3 + $4 * g::float / $2) / 1000.0),
              '["clerk"]'::jsonb, jsonb_build_object('dueOn', r.due_on)
         FROM generate_series(0, $2 - 1) g JOIN r ON r.i = g % r.total
       RETURNING id`,
      [world.agencyId, count, startInMs, spreadMs],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every milestone of the burst fired, exactly one outbox row each (dedupe key milestone:<id>:<clerk>),
   * every row sent; returns [distinct delivered, SMTP messages] of those rows.
   */
  async function assertFiredOnce(world: World, ids: string[], timeoutMs: number): Promise<[number, number]> {
    const state = async () =>
      (
        await system.sql<{ fired: number; pending: number; rows: number; sent: number; keys: number }>(
          `SELECT (SELECT count(*)::int FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'fired') AS fired,
                  (SELECT count(*)::int FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'pending') AS pending,
                  (SELECT count(*)::int FROM outbox WHERE dedupe_key = ANY($2::text[])) AS rows,
                  (SELECT count(DISTINCT dedupe_key)::int FROM outbox WHERE dedupe_key = ANY($2::text[])) AS keys,
                  (SELECT count(*)::int FROM outbox WHERE dedupe_key = ANY($2::text[]) AND status = 'sent') AS sent`,
          [ids, ids.map((id) => `milestone:${id}:${world.clerkId}`)],
        )
      )[0];
    await system.until(
      'every milestone fired and its email sent',
      async () => {
        const s = await state();
        return s.fired === ids.length && s.sent === ids.length;
      },
      timeoutMs,
      async () => JSON.stringify(await state()),
    );
    const s = await state();
    expect(s).toEqual({
      fired: ids.length,
      pending: 0,
      rows: ids.length,
      keys: ids.length,
      sent: ids.length,
    });
    const outboxIds = new Set(
      (
        await system.sql<{ id: string }>(`SELECT id FROM outbox WHERE dedupe_key = ANY($1::text[])`, [
          ids.map((id) => `milestone:${id}:${world.clerkId}`),
        ])
      ).map((r) => r.id),
    );
    const deliveries = system.deliveriesByOutboxId();
    let distinct = 0;
    let messages = 0;
    for (const id of outboxIds) {
      const n = deliveries.get(id) ?? 0;
      if (n > 0) distinct++;
      messages += n;
    }
    return [distinct, messages];
  }

  function assertClean(outcomes: FilingOutcome[]): void {
    const bad = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    expect(bad).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.contentType).toContain('application/problem+json');
      expect(o.retryAfter).toMatch(/^\d+$/);
    }
  }

  it('a. PostgreSQL restarted under load: in-flight filings answer 503, none half-written, recovery without restarts', async () => {
    const world = await system.world('CPG', 8);
    const load = system.load(world, 8);
    await sleep(3000);
    const before = (
      await system.sql<{ n: number }>(`SELECT count(*)::int AS n FROM requests WHERE agency_id = $1`, [
        world.agencyId,
      ])
    )[0].n;
    say('postgres', `8 clients filing; ${before} filed before the restart`);
    const t0 = Date.now();
    system.pg.stop('fast');
    const health = await fetch(`${system.base}/health`);
    say(
      'postgres',
      `PostgreSQL stopped (fast: open transactions rolled back); /health answers ${health.status}`,
    );
    await sleep(3000);
    system.pg.start();
    say('postgres', `PostgreSQL started again after ${Date.now() - t0} ms down`);
    await sleep(4000);
    const outcomes = await load.stop();
    const counts = tally(outcomes);
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    say('postgres', `filings during the run: ${JSON.stringify(counts)}; slowest answer ${slowest} ms`);
    assertClean(outcomes);
    expect(health.status).toBe(503);
    expect(counts['503']).toBeGreaterThan(0);

    // Recovery without restarting anything: /health is 200 again and new filings succeed.
    await system.until(
      'health back to 200',
      async () => (await fetch(`${system.base}/health`)).status === 200,
      30_000,
    );
    const after = await Promise.all(world.tokens.map((t, i) => system.file(world, t, 10_000 + i)));
    expect(after.map((o) => o.status)).toEqual(world.tokens.map(() => 201));
    say(
      'postgres',
      `checked: /health back to 200, ${after.length} new filings answered 201 (api and worker never restarted)`,
    );

    // Every 201 is a request; every request is whole; the worker delivered every acknowledgement.
    const requests = (
      await system.sql<{ n: number }>(`SELECT count(*)::int AS n FROM requests WHERE agency_id = $1`, [
        world.agencyId,
      ])
    )[0].n;
    expect(requests).toBeGreaterThanOrEqual((counts['201'] ?? 0) + after.length);
    say('postgres', `checked: ${await system.assertWhole(world)}`);
    await system.until(
      'every acknowledgement sent',
      async () => {
        const s = await system.outboxStatus(world.agencyId);
        return s.sent === requests && Object.keys(s).length === 1;
      },
      60_000,
      async () => JSON.stringify(await system.outboxStatus(world.agencyId)),
    );
    say('postgres', `checked: all ${requests} acknowledgements sent by the worker after the restart`);
  }, 150_000);
  async function countWhere(sql: string, params: unknown[]): Promise<number> {
    return (await system.sql<{ n: number }>(sql, params))[0].n;
  }

  /** Each of these outbox rows went out exactly once (by the row id stamped on every message). */
  function deliveredOnce(outboxIds: string[]): { missing: number; duplicates: number } {
    const deliveries = system.deliveriesByOutboxId();
    let missing = 0;
    let duplicates = 0;
    for (const id of outboxIds) {
      const n = deliveries.get(id) ?? 0;
      if (n === 0) missing++;
      if (n > 1) duplicates += n - 1;
    }
    return { missing, duplicates };
  }

  async function fileSequentially(world: World, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const outcome = await system.file(world, world.tokens[i % world.tokens.length], i);
      if (outcome.status !== 201) throw new Error(`filing ${i}: ${outcome.status} ${outcome.body}`);
    }
  }

  async function allAcknowledgementsSent(world: World, timeoutMs: number): Promise<string[]> {
    await system.until(
      'every acknowledgement sent',
      async () => {
        const s = await system.outboxStatus(world.agencyId);
        const total = Object.values(s).reduce((a, b) => a + b, 0);
        return total > 0 && s.sent === total;
      },
      timeoutMs,
      async () => JSON.stringify(await system.outboxStatus(world.agencyId)),
    );
    return (
      await system.sql<{ id: string }>(
        `SELECT o.id FROM outbox o JOIN requests r ON r.id = o.request_id
          WHERE r.agency_id = $1 AND o.template = 'request_acknowledged'`,
        [world.agencyId],
      )
    ).map((r) => r.id);
  }

  it('b. Redis restarted empty under load: every due milestone fires exactly once, no email lost or doubled', async () => {
    const world = await system.world('CRD', 4);
    await fileSequentially(world, 16);
    const ids = await burst(world, 200, 6000, 12_000);
    await system.schedule(ids);
    say('redis', `${ids.length} reminders due 6-18 s from now, on BullMQ; 4 clients filing`);
    const load = system.load(world, 4);
    await sleep(9000);
    const firedBefore = await countWhere(
      `SELECT count(*)::int AS n FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'fired'`,
      [ids],
    );
    const keys = await system.redis.dbsize();
    await system.redis.kill();
    say(
      'redis',
      `Redis killed (no persistence: its ${keys} keys are gone) with ${firedBefore}/${ids.length} fired`,
    );
    await sleep(2000);
    await system.redis.start();
    say('redis', 'Redis back on the same port, empty (a new process without persistence)');
    await sleep(4000);
    const outcomes = await load.stop();
    say('redis', `filings during the run: ${JSON.stringify(tally(outcomes))}`);
    assertClean(outcomes);

    const [distinct, messages] = await assertFiredOnce(world, ids, 90_000);
    say(
      'redis',
      `checked: all ${ids.length} reminders fired once (one outbox row per dedupe key), ${distinct} delivered, ${messages} SMTP messages`,
    );
    expect(distinct).toBe(ids.length);
    expect(messages).toBe(ids.length);
    expect(system.worker?.output).toContain('Redis lost the queue state');
    const acks = await allAcknowledgementsSent(world, 60_000);
    expect(deliveredOnce(acks)).toEqual({ missing: 0, duplicates: 0 });
    say(
      'redis',
      `checked: the worker noticed the empty Redis and rebuilt the timers itself (no restart, no CLI)`,
    );
    say(
      'redis',
      `checked: ${acks.length} acknowledgements each delivered exactly once; ${await system.assertWhole(world)}`,
    );
  }, 150_000);

  it(`c. worker SIGKILLed and restarted ${KILLS} times during a burst: every milestone fires once, duplicates only for kills between SMTP and commit`, async () => {
    const world = await system.world('CWK', 2);
    await fileSequentially(world, 20);
    await allAcknowledgementsSent(world, 60_000);
    const ids = await burst(world, 300, 3000, 20_000);
    await system.schedule(ids);
    say('worker', `${ids.length} reminders due 3-23 s from now, on BullMQ`);
    const keys = ids.map((id) => `milestone:${id}:${world.clerkId}`);
    const firedCount = () =>
      countWhere(
        `SELECT count(*)::int AS n FROM milestones WHERE id = ANY($1::uuid[]) AND status = 'fired'`,
        [ids],
      );
    const caught = new Set<string>();
    for (let kill = 1; kill <= KILLS; kill++) {
      // Kill a worker that is busy firing (not one still booting): after it fired a few more.
      const from = await firedCount();
      const deadline = Date.now() + 30_000;
      while ((await firedCount()) < Math.min(ids.length, from + 15) && Date.now() < deadline) await sleep(50);
      system.worker?.kill('SIGKILL');
      await system.worker?.wait();
      // The worker is dead: a row still in 'sending' may have been handed to SMTP without being marked.
      const sending = await system.sql<{ id: string }>(
        `SELECT id FROM outbox WHERE dedupe_key = ANY($1::text[]) AND status = 'sending'`,
        [keys],
      );
      for (const r of sending) caught.add(r.id);
      say(
        'worker',
        `kill ${kill}: SIGKILL with ${await firedCount()}/${ids.length} fired, ${sending.length} emails in 'sending'; restarted`,
      );
      await system.restartWorker('SIGKILL');
    }
    const [distinct, messages] = await assertFiredOnce(world, ids, 150_000);
    const deliveries = system.deliveriesByOutboxId();
    const duplicated = [...deliveries].filter(([, n]) => n > 1).map(([id]) => id);
    const outboxIds = new Set(
      (
        await system.sql<{ id: string }>(`SELECT id FROM outbox WHERE dedupe_key = ANY($1::text[])`, [keys])
      ).map((r) => r.id),
    );
    const mine = duplicated.filter((id) => outboxIds.has(id));
    say(
      'worker',
      `checked: all ${ids.length} fired exactly once (one outbox row each), ${distinct} delivered; ` +
        `${messages - distinct} duplicate SMTP message(s) from ${mine.length} row(s), every one of them caught in ` +
        `'sending' by a kill (${caught.size} rows were)`,
    );
    expect(distinct).toBe(ids.length);
    // A duplicate only where a kill fell between the SMTP answer and the commit of 'sent'.
    expect(mine.filter((id) => !caught.has(id))).toEqual([]);
  }, 240_000);

  it('d. SMTP refusing mail for a while: emails wait and all go out once it is back, none lost', async () => {
    const world = await system.world('CSM', 4);
    system.smtp.refuseWith = 451;
    await fileSequentially(world, 20);
    const ids = await burst(world, 30, 500, 2000);
    await system.schedule(ids);
    say('smtp', 'SMTP answers 451 to every recipient; 20 filings and 30 reminders due within 2.5 s');
    await sleep(8000);
    const during = await system.outboxStatus(world.agencyId);
    const attempts = await countWhere(
      `SELECT coalesce(sum(o.attempts), 0)::int AS n FROM outbox o JOIN requests r ON r.id = o.request_id WHERE r.agency_id = $1`,
      [world.agencyId],
    );
    say(
      'smtp',
      `after 8 s of refusals: outbox ${JSON.stringify(during)}, ${attempts} refused attempts so far`,
    );
    expect(during.sent ?? 0).toBe(0);
    expect(during.failed ?? 0).toBe(0);
    expect(attempts).toBeGreaterThan(0);
    system.smtp.refuseWith = undefined;
    say('smtp', 'SMTP accepts mail again');
    const acks = await allAcknowledgementsSent(world, 90_000);
    const [distinct, messages] = await assertFiredOnce(world, ids, 30_000);
    expect(deliveredOnce(acks)).toEqual({ missing: 0, duplicates: 0 });
    expect([distinct, messages]).toEqual([ids.length, ids.length]);
    say(
      'smtp',
      `checked: all ${acks.length} acknowledgements and ${ids.length} reminders delivered exactly once after the outage, none failed`,
    );
  }, 150_000);
});
