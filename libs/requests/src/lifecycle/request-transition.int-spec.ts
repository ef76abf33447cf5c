import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { computeDeadline } from '@disclose/deadlines';
import type { AuthUser } from '@disclose/identity';
import { ClarificationService } from '../actions/clarification.service';
import { ConsultationService } from '../actions/consultation.service';
import { DecisionService } from '../actions/decision.service';
import { ExtensionService } from '../actions/extension.service';
import { verifyAuditChains } from '../audit/audit-verify.service';
import { CalendarOverridesService } from '../calendars/calendar-overrides.service';
import { FileRequestService } from '../filing/file-request.service';
import { RequestQueryService } from '../reading/request-query.service';
import { createAgency, createUser, requestsTestingModule } from '../testing/requests-fixture';
import { localDateTime } from './receipt-date';
import { RequestTransitionRunner } from './request-transition.runner';

describe(RequestTransitionRunner.name, () => {
  let module: TestingModule;
  let ds: DataSource;
  let agency: { id: string; code: string };
  let clerk: AuthUser;
  let supervisor: AuthUser;
  let admin: AuthUser;
  const file = (receivedOn: string, subject: string) =>
    module.get(FileRequestService).execute(clerk, {
      agencyCode: agency.code,
      subject,
      description: `${subject}（说明）`,
      channel: 'in_person',
      receivedOn,
      applicant: { name: '李四', applicantType: 'natural_person' },
    });
  const eventCount = async (id: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1`, [id]))[0].n;

  beforeAll(async () => {
    module = await requestsTestingModule();
    ds = module.get(DataSource);
    agency = await createAgency(ds);
    clerk = await createUser(ds, 'clerk', agency.id);
    supervisor = await createUser(ds, 'supervisor', agency.id);
    admin = await createUser(ds, 'admin', agency.id);
  }, 60_000);

  afterAll(() => module?.close());

  it('stops the clock on a 补正 notice and restarts it with the full period on the supplement', async () => {
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    const filed = await file(today, '补正测试');
    const clarifications = module.get(ClarificationService);
    const asked = await clarifications.request(clerk, filed.id, {
      message: '请说明年份',
      replyBy: '2099-01-01',
    });
    expect(asked).toMatchObject({
      status: 'awaiting_clarification',
      dueOn: null,
      clockStatus: 'stopped',
      version: 2,
    });
    const answered = await clarifications.receive(clerk, filed.id, { text: '2023年' });
    const restarted = computeDeadline({ ruleSet: 'cn-ogi-2019', receivedOn: today }).dueOn;
    expect(answered).toMatchObject({
      status: 'in_progress',
      dueOn: restarted,
      clockStatus: 'running',
      version: 3,
    });
    expect(await eventCount(filed.id)).toBe(3);
  });

  it('pauses for a consultation (rules example 2025-03-03 → 2025-04-16)', async () => {
    const filed = await file('2025-03-03', '征求意见测试');
    const consultations = module.get(ConsultationService);
    const started = await consultations.start(clerk, filed.id, { party: '第三方公司', sentOn: '2025-03-10' });
    expect(started).toMatchObject({ status: 'awaiting_consultation', dueOn: null });
    const replied = await consultations.reply(clerk, filed.id, started.consultationId as string, {
      receivedOn: '2025-03-24',
      opinion: '同意公开',
    });
    expect(replied).toMatchObject({ status: 'in_progress', dueOn: '2025-04-16' });
  });

  it('gives one success and one 409 to two clerks deciding at once', async () => {
    const filed = await file('2025-06-02', '并发决定');
    const decide = () =>
      module.get(DecisionService).execute(clerk, filed.id, {
        outcome: 'disclosed',
        reasons: [],
        message: '予以公开',
        expectedVersion: filed.version,
      });
    const results = await Promise.allSettled([decide(), decide()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.code).toBe('REQUEST.VERSION_CONFLICT');
    expect(await eventCount(filed.id)).toBe(2);
  });

  it('refuses an extension beyond the maximum and writes nothing', async () => {
    const filed = await file('2025-12-15', '延期测试');
    const extensions = module.get(ExtensionService);
    await extensions.request(clerk, filed.id, { workingDays: 25, reason: '材料多' });
    await expect(extensions.decide(clerk, filed.id, true, {})).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    const before = await eventCount(filed.id);
    await expect(extensions.decide(supervisor, filed.id, true, {})).rejects.toMatchObject({
      code: 'DEADLINE.RULE',
    });
    expect(await eventCount(filed.id)).toBe(before);
    const [ext] = await ds.query(`SELECT status FROM extensions WHERE request_id = $1`, [filed.id]);
    expect(ext.status).toBe('pending');
    const rejected = await extensions.decide(supervisor, filed.id, false, {});
    expect(rejected.dueOn).toBe('2026-01-13');
    await extensions.request(clerk, filed.id, { workingDays: 20, reason: '材料多' });
    expect((await extensions.decide(supervisor, filed.id, true, {})).dueOn).toBe('2026-02-10');
  });

  it('answers a foreign id as not found, for staff of another agency and for applicants', async () => {
    const filed = await file('2025-06-03', '可见性');
    const otherAgency = await createAgency(ds);
    const outsider = await createUser(ds, 'clerk', otherAgency.id);
    const applicant = await createUser(ds, 'applicant', null);
    const query = module.get(RequestQueryService);
    await expect(query.get(outsider, filed.id)).rejects.toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    await expect(query.get(applicant, filed.id)).rejects.toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    await expect(
      module.get(ClarificationService).request(outsider, filed.id, { message: 'x', replyBy: '2099-01-01' }),
    ).rejects.toMatchObject({ code: 'REQUEST.NOT_FOUND' });
  });

  it('recomputes open requests when overrides are loaded, with an event only where the due date moved', async () => {
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    const filed = await file(today, '日历覆盖');
    const year = Number(filed.dueOn!.slice(0, 4));
    const input = { holidays: [filed.dueOn!], workdays: [] };
    const overrides = module.get(CalendarOverridesService);
    const preview = await overrides.preview(admin, agency.code, year, input);
    expect(preview.changed.map((c) => c.id)).toContain(filed.id);
    const before = await eventCount(filed.id);
    const { changed } = await overrides.load(admin, agency.code, year, input);
    const mine = changed.find((c) => c.id === filed.id)!;
    expect(mine.from).toBe(filed.dueOn);
    expect(mine.to! > mine.from!).toBe(true);
    expect(await eventCount(filed.id)).toBe(before + 1);
    const again = await overrides.load(admin, agency.code, year, input);
    expect(again.changed).toHaveLength(0);
    await expect(overrides.load(clerk, agency.code, year, input)).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('keeps the event log append-only and every chain intact', async () => {
    const filed = await file('2025-06-04', '审计');
    await expect(
      ds.query(`UPDATE request_events SET payload = '{}' WHERE request_id = $1`, [filed.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM request_events WHERE request_id = $1`, [filed.id])).rejects.toThrow(
      /append-only/,
    );
    const { breaks } = await verifyAuditChains(ds);
    expect(breaks.filter((b) => b.requestId === filed.id)).toEqual([]);
  });
});
