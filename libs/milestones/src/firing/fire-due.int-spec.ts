import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { ApplicantNoticeKind, RequestMilestoneSnapshot } from '../contract';
import { NOTICE_TEMPLATES } from '../notices/applicant-notice';
import { MilestonesService } from '../milestones.service';
import {
  createAgency,
  createUser,
  insertRequest,
  milestonesTestingModule,
  TestUser,
} from '../testing/milestones-fixture';
import { MilestoneFiringService } from './milestone-firing.service';

/**
 * Batched firing (what a fire job does): every milestone due by `now` goes in batches claimed with SKIP
 * LOCKED, each exactly once, to the right people in their language. Time is injected and the suite's
 * milestones are planned in 2015, so `now` in March 2015 claims no other suite's rows.
 */
describe('firing due milestones in batches', () => {
  let module: TestingModule;
  let ds: DataSource;
  let sync: MilestonesService;
  let firing: MilestoneFiringService;
  let agencyId: string;
  let clerkEn: TestUser;
  let clerkZh: TestUser;
  let supervisor: TestUser;
  const planAt = new Date('2015-03-02T00:00:00Z');
  // 2015-03-16 is a Monday; reminders at 09:00 Shanghai (01:00Z) on 03-09, 03-12, 03-13 and 03-16.
  const dueOn = '2015-03-16';
  const mine: string[] = [];

  const newRequest = async (assigneeId: string | null): Promise<RequestMilestoneSnapshot> => {
    const applicant = await createUser(ds, 'applicant', null, 'en');
    const snap = await insertRequest(ds, { agencyId, applicantId: applicant.id, assigneeId, dueOn });
    await ds.query(`UPDATE requests SET received_on = '2015-02-13' WHERE id = $1`, [snap.requestId]);
    await ds.transaction((m) => sync.syncRequest(m, snap, planAt));
    mine.push(snap.requestId);
    return snap;
  };
  const milestonesOf = (requestIds: string[]) =>
    ds.query(
      `SELECT id, subject_id, kind, status FROM milestones WHERE subject_id = ANY($1::uuid[]) ORDER BY due_at, kind`,
      [requestIds],
    ) as Promise<Array<{ id: string; subject_id: string; kind: string; status: string }>>;
  const emailsOf = (milestoneIds: string[]) =>
    ds.query(
      `SELECT split_part(dedupe_key, ':', 2) AS milestone, to_address, locale, template, params
         FROM outbox WHERE split_part(dedupe_key, ':', 1) = 'milestone'
          AND split_part(dedupe_key, ':', 2) = ANY($1::text[])`,
      [milestoneIds],
    ) as Promise<
      Array<{ milestone: string; to_address: string; locale: string; template: string; params: any }>
    >;

  beforeAll(async () => {
    ({ module } = await milestonesTestingModule());
    ds = module.get(DataSource);
    sync = module.get(MilestonesService);
    firing = module.get(MilestoneFiringService);
    agencyId = await createAgency(ds);
    clerkEn = await createUser(ds, 'clerk', agencyId, 'en');
    clerkZh = await createUser(ds, 'clerk', agencyId, 'zh-CN');
    supervisor = await createUser(ds, 'supervisor', agencyId, 'zh-CN');
  }, 60_000);

  // Each test starts with none of the suite's milestones pending, and so do the suites after this one.
  afterEach(async () => {
    if (mine.length)
      await ds.query(
        `UPDATE milestones SET status = 'cancelled' WHERE subject_id = ANY($1::uuid[]) AND status = 'pending'`,
        [mine],
      );
  });

  afterAll(() => module?.close());

  it('fires a burst in batches, each milestone once, to the assignee or every clerk, and the supervisor, in their language', async () => {
    const assigned = [];
    const unassigned = [];
    for (let i = 0; i < 12; i++) assigned.push(await newRequest(clerkEn.id));
    for (let i = 0; i < 8; i++) unassigned.push(await newRequest(null));
    const ids = [...assigned, ...unassigned].map((s) => s.requestId);
    const due = (await milestonesOf(ids)).filter((m) => m.kind !== 'overdue');
    expect(due).toHaveLength(20 * 4);

    const at = new Date('2015-03-16T02:00:00Z');
    const report = await firing.fireDue(at, 25);
    expect(report).toMatchObject({ fired: 80, skipped: 0, emails: 12 * 4 * 2 + 8 * 4 * 3 });
    expect(report.batches).toBeGreaterThanOrEqual(4);
    // Run again (a second job, a retried job): nothing more.
    expect(await firing.fireDue(at, 25)).toMatchObject({ fired: 0, emails: 0, batches: 0 });

    const after = await milestonesOf(ids);
    expect(after.filter((m) => m.kind !== 'overdue').every((m) => m.status === 'fired')).toBe(true);
    expect(after.filter((m) => m.kind === 'overdue').every((m) => m.status === 'pending')).toBe(true);
    const emails = await emailsOf(due.map((m) => m.id));
    expect(emails).toHaveLength(report.emails);
    const localeOf = new Map([
      [clerkEn.email, 'en'],
      [clerkZh.email, 'zh-CN'],
      [supervisor.email, 'zh-CN'],
    ]);
    for (const m of due) {
      const to = emails.filter((e) => e.milestone === m.id);
      const expected = assigned.some((s) => s.requestId === m.subject_id)
        ? [clerkEn.email, supervisor.email]
        : [clerkEn.email, clerkZh.email, supervisor.email];
      expect(to.map((e) => e.to_address).sort()).toEqual(expected.sort());
      for (const e of to) {
        expect(e.locale).toBe(localeOf.get(e.to_address));
        expect(e).toMatchObject({ template: 'reminder_due', params: { dueOn, requestId: m.subject_id } });
      }
    }
  });

  it('fires each milestone once when jobs run batches at the same time', async () => {
    const snaps = [];
    for (let i = 0; i < 15; i++) snaps.push(await newRequest(clerkZh.id));
    const at = new Date('2015-03-13T02:00:00Z'); // due_in_5, due_in_2, due_tomorrow
    const reports = await Promise.all([1, 2, 3, 4].map(() => firing.fireDue(at, 7)));
    expect(reports.reduce((n, r) => n + r.fired, 0)).toBe(45);
    const fired = (await milestonesOf(snaps.map((s) => s.requestId))).filter((m) => m.status === 'fired');
    expect(fired).toHaveLength(45);
    const emails = await emailsOf(fired.map((m) => m.id));
    expect(emails).toHaveLength(90);
    expect(new Set(emails.map((e) => `${e.milestone} ${e.to_address}`)).size).toBe(90);
  });

  it('skips what no longer matters and plans the next escalation of each overdue one, in the same batch', async () => {
    const open = await newRequest(clerkEn.id);
    const decided = await newRequest(clerkEn.id);
    await ds.query(`UPDATE requests SET status = 'decided' WHERE id = $1`, [decided.requestId]);
    const at = new Date('2015-03-17T01:00:05Z'); // the first overdue morning
    const report = await firing.fireDue(at);
    expect(report).toMatchObject({ fired: 5, skipped: 5 });
    expect(report.next).toHaveLength(1);
    const rows = await milestonesOf([open.requestId, decided.requestId]);
    const overdue = rows.filter((r) => r.subject_id === open.requestId && r.kind === 'overdue');
    expect(overdue.map((r) => r.status).sort()).toEqual(['fired', 'pending']);
    expect(overdue.find((r) => r.status === 'pending')!.id).toBe(report.next[0].id);
    expect(rows.filter((r) => r.subject_id === decided.requestId).every((r) => r.status === 'skipped')).toBe(
      true,
    );
    const [escalation] = await emailsOf([overdue.find((r) => r.status === 'fired')!.id]);
    expect(escalation).toMatchObject({
      to_address: supervisor.email,
      locale: 'zh-CN',
      template: 'overdue_escalation',
    });
  });

  it("tells the clerk in their language when the applicant's clarification or fee deadline lapsed", async () => {
    const cases = [
      { kind: 'clarification_lapsed', status: 'awaiting_clarification', column: 'clarification_reply_by' },
      { kind: 'fee_lapsed', status: 'awaiting_fee', column: 'fee_payment_due_on' },
    ] as const;
    for (const c of cases) {
      const applicant = await createUser(ds, 'applicant', null, 'en');
      const snap = await insertRequest(ds, {
        agencyId,
        applicantId: applicant.id,
        assigneeId: clerkZh.id,
        dueOn,
      });
      mine.push(snap.requestId);
      // 2015-03-20 is a Friday: the clerk hears on Monday 2015-03-23 at 09:00.
      await ds.query(
        `UPDATE requests SET status = $2, due_on = NULL, ${c.column} = '2015-03-20' WHERE id = $1`,
        [snap.requestId, c.status],
      );
      const paused = {
        ...snap,
        status: c.status,
        dueOn: null,
        clarificationReplyBy: c.kind === 'clarification_lapsed' ? '2015-03-20' : null,
        feePaymentDueOn: c.kind === 'fee_lapsed' ? '2015-03-20' : null,
      };
      await ds.transaction((m) => sync.syncRequest(m, paused, planAt));
      const [lapse] = await milestonesOf([snap.requestId]);
      expect(lapse.kind).toBe(c.kind);
      expect(await firing.fireDue(new Date('2015-03-20T12:00:00Z'))).toMatchObject({ fired: 0 });
      expect(await firing.runJob(lapse.id, new Date('2015-03-23T01:00:05Z'))).toMatchObject({ own: 'fired' });
      const emails = await emailsOf([lapse.id]);
      expect(emails).toEqual([
        expect.objectContaining({
          to_address: clerkZh.email,
          locale: 'zh-CN',
          template: 'reminder_due',
          params: expect.objectContaining({
            lapse: c.kind,
            dueOn: '2015-03-20',
            trackingNumber: snap.trackingNumber,
          }),
        }),
      ]);
    }
  });

  it('notices the applicant of every event with its template, in their language', async () => {
    const kinds = Object.keys(NOTICE_TEMPLATES) as ApplicantNoticeKind[];
    for (const locale of ['zh-CN', 'en'] as const) {
      const applicant = await createUser(ds, 'applicant', null, locale);
      const snap = await insertRequest(ds, { agencyId, applicantId: applicant.id, assigneeId: null, dueOn });
      mine.push(snap.requestId);
      const events = kinds.map(() => randomUUID());
      for (let round = 0; round < 2; round++)
        await ds.transaction(async (m) => {
          for (const [i, kind] of kinds.entries()) await sync.noticeApplicant(m, snap, kind, events[i]);
        });
      const rows: Array<{
        dedupe_key: string;
        to_address: string;
        locale: string;
        template: string;
        params: any;
      }> = await ds.query(
        `SELECT dedupe_key, to_address, locale, template, params FROM outbox WHERE dedupe_key = ANY($1)`,
        [events.map((e) => `notice:${e}`)],
      );
      expect(rows).toHaveLength(kinds.length);
      for (const [i, kind] of kinds.entries())
        expect(rows.find((r) => r.dedupe_key === `notice:${events[i]}`)).toMatchObject({
          to_address: applicant.email,
          locale,
          template: NOTICE_TEMPLATES[kind],
          params: { trackingNumber: snap.trackingNumber, requestId: snap.requestId },
        });
    }
  });

  it('waits for its own milestone when a sync holds it, and does nothing if the sync cancelled it', async () => {
    for (const cancel of [true, false]) {
      const snap = await newRequest(clerkEn.id);
      const [first] = await milestonesOf([snap.requestId]);
      const at = new Date('2015-03-09T01:00:05Z');
      const runner = ds.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        // What syncRequest does first: lock the request's milestone rows.
        await runner.query(`SELECT id FROM milestones WHERE subject_id = $1 FOR UPDATE`, [snap.requestId]);
        const job = firing.runJob(first.id, at);
        await new Promise((r) => setTimeout(r, 300));
        if (cancel)
          await runner.query(`UPDATE milestones SET status = 'cancelled' WHERE id = $1`, [first.id]);
        await runner.commitTransaction();
        const report = await job;
        expect(report.own).toBe(cancel ? 'not_pending' : 'fired');
        expect(await emailsOf([first.id])).toHaveLength(cancel ? 0 : 2);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
  });
});
