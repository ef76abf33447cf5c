import { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES } from '@disclose/queues';
import type { AppConfig } from '@disclose/config';
import type { RequestMilestoneSnapshot } from './contract';
import { MilestoneFiringService } from './firing/milestone-firing.service';
import { MilestonesService } from './milestones.service';
import { milestoneJobId } from './scheduling/milestone-jobs';
import {
  createAgency,
  createUser,
  flushPrefix,
  insertRequest,
  milestonesTestingModule,
  TestUser,
} from './testing/milestones-fixture';

/** Sync, fire and notice against the run's PostgreSQL; time is injected (`now`). */
describe('milestones (sync and fire)', () => {
  let module: TestingModule;
  let config: AppConfig;
  let ds: DataSource;
  let sync: MilestonesService;
  let firing: MilestoneFiringService;
  let agencyId: string;
  let clerkEn: TestUser;
  let clerkZh: TestUser;
  let supervisor: TestUser;
  let digestClerk: TestUser;
  let applicant: TestUser;

  // Planned "on 2026-03-02"; 2026-03-16 is a Monday, reminders at 09:00 Shanghai = 01:00Z.
  const planAt = new Date('2026-03-02T00:00:00Z');
  const withSync = (snapshot: RequestMilestoneSnapshot, now = planAt) =>
    ds.transaction((m) => sync.syncRequest(m, snapshot, now));
  const rows = (requestId: string) =>
    ds.query(
      `SELECT id, kind, status, due_at, generation, payload->>'on' AS on FROM milestones
        WHERE subject_id = $1 ORDER BY due_at, kind`,
      [requestId],
    ) as Promise<
      Array<{ id: string; kind: string; status: string; due_at: Date; generation: number; on: string }>
    >;
  const outboxOf = (milestoneId: string) =>
    ds.query(
      `SELECT to_address, locale, template, params FROM outbox WHERE dedupe_key LIKE $1 ORDER BY to_address`,
      [`milestone:${milestoneId}:%`],
    ) as Promise<
      Array<{ to_address: string; locale: string; template: string; params: Record<string, unknown> }>
    >;

  beforeAll(async () => {
    ({ module, config } = await milestonesTestingModule());
    ds = module.get(DataSource);
    sync = module.get(MilestonesService);
    firing = module.get(MilestoneFiringService);
    agencyId = await createAgency(ds);
    clerkEn = await createUser(ds, 'clerk', agencyId, 'en');
    clerkZh = await createUser(ds, 'clerk', agencyId, 'zh-CN');
    supervisor = await createUser(ds, 'supervisor', agencyId, 'zh-CN');
    digestClerk = await createUser(ds, 'clerk', agencyId, 'en', { digest: true });
    applicant = await createUser(ds, 'applicant', null, 'en');
  }, 60_000);

  afterAll(async () => {
    await sync?.handOffsSettled();
    if (config) await flushPrefix(config);
    await module?.close();
  });

  it('hands the near-term milestones to the queue after the commit (reconciler job ids), none for a rollback', async () => {
    const queue = module.get<Queue>(getQueueToken(QUEUES.milestones));
    const at = new Date('2026-03-06T00:00:00Z'); // due_in_5 and due_in_2 are within the 168 h horizon
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkEn.id,
      dueOn: '2026-03-16',
    });
    // Rolled back: the rows vanish and nothing reaches the queue.
    let rolledBack: string[] = [];
    await ds
      .transaction(async (m) => {
        await sync.syncRequest(m, snap, at);
        rolledBack = (await m.query(`SELECT id FROM milestones WHERE subject_id = $1`, [snap.requestId])).map(
          (r: { id: string }) => r.id,
        );
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await sync.handOffsSettled();
    expect(rolledBack).toHaveLength(5);
    for (const id of rolledBack) expect(await queue.getJob(milestoneJobId(id))).toBeUndefined();
    // Committed: exactly the milestones due within the horizon of `now` get their fire job.
    await ds.transaction(async (m) => {
      await sync.syncRequest(m, snap, at);
      await sync.handOffsSettled();
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM milestones WHERE subject_id = $1`, [
        snap.requestId,
      ]);
      expect(n).toBe(5);
      for (const id of rolledBack) expect(await queue.getJob(milestoneJobId(id))).toBeUndefined();
    });
    await sync.handOffsSettled();
    const horizon = at.getTime() + config.milestoneHorizonHours * 3_600_000;
    const all = await rows(snap.requestId);
    const near = all.filter((r) => new Date(r.due_at).getTime() <= horizon);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    for (const r of all) {
      const job = await queue.getJob(milestoneJobId(r.id));
      if (near.includes(r)) expect(job?.data).toEqual({ milestoneId: r.id });
      else expect(job).toBeUndefined();
    }
  });

  it('plans the reminders once however often it is synced', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkEn.id,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    await withSync(snap);
    await withSync(snap, new Date(planAt.getTime() + 3_600_000));
    expect((await rows(snap.requestId)).map((r) => `${r.kind} ${r.on} ${r.status}`)).toEqual([
      'due_in_5 2026-03-09 pending',
      'due_in_2 2026-03-12 pending',
      'due_tomorrow 2026-03-13 pending',
      'due_today 2026-03-16 pending',
      'overdue 2026-03-17 pending',
    ]);
  });

  it('sends a reminder to the assignee and the supervisor, each in their language, and only once', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkEn.id,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    const [due5] = await rows(snap.requestId);
    const at = new Date('2026-03-09T01:00:00Z');
    expect(await firing.fire(due5.id, at)).toMatchObject({ outcome: 'fired', emails: 2 });
    expect(await firing.fire(due5.id, at)).toMatchObject({ outcome: 'not_pending', emails: 0 });
    const emails = await outboxOf(due5.id);
    expect(emails.map((e) => [e.to_address, e.locale, e.template])).toEqual(
      [
        [clerkEn.email, 'en', 'reminder_due'],
        [supervisor.email, 'zh-CN', 'reminder_due'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(emails[0].params).toMatchObject({
      trackingNumber: snap.trackingNumber,
      dueOn: '2026-03-16',
      daysLeft: 5,
    });
    expect(String(emails[0].params.link)).toBe(`${config.publicUrl}/requests/${snap.requestId}`);
  });

  it('sends an unassigned request to every clerk except those who chose the digest', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: null,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    const dueToday = (await rows(snap.requestId)).find((r) => r.kind === 'due_today')!;
    await firing.fire(dueToday.id, new Date('2026-03-16T02:00:00Z'));
    const to = (await outboxOf(dueToday.id)).map((e) => e.to_address).sort();
    expect(to).toEqual([clerkEn.email, clerkZh.email, supervisor.email].sort());
    expect(to).not.toContain(digestClerk.email);
  });

  it('escalates overdue requests to the supervisor every working day, one row ahead', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkZh.id,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    const overdue = (await rows(snap.requestId)).find((r) => r.kind === 'overdue')!;
    const result = await firing.fire(overdue.id, new Date('2026-03-17T01:00:05Z'));
    expect(result).toMatchObject({ outcome: 'fired', emails: 1 });
    const [email] = await outboxOf(overdue.id);
    expect(email).toMatchObject({
      to_address: supervisor.email,
      locale: 'zh-CN',
      template: 'overdue_escalation',
    });
    expect(email.params).toMatchObject({ daysOverdue: 1, dueOn: '2026-03-16' });
    const pending = (await rows(snap.requestId)).filter(
      (r) => r.status === 'pending' && r.kind === 'overdue',
    );
    expect(pending.map((r) => `${r.kind} ${r.on}`)).toEqual(['overdue 2026-03-18']);
    expect(pending[0].id).toBe(result.next!.id);
    // A sync on the next morning keeps the chain (the fired row stays, the next one is kept) and drops the
    // reminders that never fired: they are superseded by the escalation.
    await withSync(snap, new Date('2026-03-17T08:00:00Z'));
    expect((await rows(snap.requestId)).filter((r) => r.status === 'pending').map((r) => r.id)).toEqual([
      result.next!.id,
    ]);
  });

  it('a moved due date (extension, clarification) cancels the old reminders; the new ones fire', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkEn.id,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    const old = await rows(snap.requestId);
    await ds.query(`UPDATE requests SET due_on = '2026-04-14' WHERE id = $1`, [snap.requestId]);
    await withSync({ ...snap, dueOn: '2026-04-14' });
    const after = await rows(snap.requestId);
    expect(after.filter((r) => old.some((o) => o.id === r.id)).every((r) => r.status === 'cancelled')).toBe(
      true,
    );
    const fresh = after.filter((r) => r.status === 'pending');
    expect(fresh).toHaveLength(5);
    expect(new Set(fresh.map((r) => r.generation))).toEqual(new Set([old[0].generation + 1]));
    for (const o of old)
      expect(await firing.fire(o.id, new Date('2026-03-20T00:00:00Z'))).toMatchObject({ emails: 0 });
    const newDue = fresh.find((r) => r.kind === 'due_today')!;
    expect(await firing.fire(newDue.id, new Date('2026-04-14T01:00:00Z'))).toMatchObject({
      outcome: 'fired',
      emails: 2,
    });
    // A clarification stops the clock: every reminder goes; only the lapse notice to the clerk remains.
    await withSync({ ...snap, dueOn: null, clarificationReplyBy: '2026-04-20' });
    const paused = (await rows(snap.requestId)).filter((r) => r.status === 'pending');
    expect(paused.map((r) => `${r.kind} ${r.on}`)).toEqual(['clarification_lapsed 2026-04-21']);
  });

  it('skips a milestone whose request was decided without a sync, and cancels all on close', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: clerkEn.id,
      dueOn: '2026-03-16',
    });
    await withSync(snap);
    const [first, second] = await rows(snap.requestId);
    await ds.query(`UPDATE requests SET status = 'decided' WHERE id = $1`, [snap.requestId]);
    expect(await firing.fire(first.id, new Date('2026-03-10T00:00:00Z'))).toMatchObject({
      outcome: 'skipped',
    });
    await withSync({ ...snap, status: 'decided', open: false });
    const statuses = (await rows(snap.requestId)).map((r) => r.status);
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(0);
    expect(await firing.fire(second.id, new Date('2026-03-13T00:00:00Z'))).toMatchObject({
      outcome: 'not_pending',
    });
    expect(await outboxOf(second.id)).toHaveLength(0);
  });

  it('notices the applicant once per event, in their language; a paper applicant gets none', async () => {
    const snap = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: null,
      dueOn: '2026-03-16',
    });
    const eventId = '7a1c2b3d-0000-4000-8000-000000000001'.replace('0001', suffixHex());
    await ds.transaction((m) => sync.noticeApplicant(m, snap, 'acknowledged', eventId));
    await ds.transaction((m) => sync.noticeApplicant(m, snap, 'acknowledged', eventId));
    const sent = await ds.query(
      `SELECT to_address, locale, template, params FROM outbox WHERE dedupe_key = $1`,
      [`notice:${eventId}`],
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to_address: applicant.email,
      locale: 'en',
      template: 'request_acknowledged',
    });
    expect(sent[0].params).toMatchObject({
      trackingNumber: snap.trackingNumber,
      dueOn: '2026-03-16',
      requestId: snap.requestId,
    });
    const paper = await createUser(ds, 'applicant', null, 'zh-CN', { email: false });
    const paperEvent = eventId.replace(/.{4}$/, 'ffff');
    await ds.transaction((m) =>
      sync.noticeApplicant(m, { ...snap, applicantId: paper.id }, 'withdrawn', paperEvent),
    );
    expect(
      await ds.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [`notice:${paperEvent}`]),
    ).toHaveLength(0);
  });
});

function suffixHex(): string {
  return Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, '0');
}
