import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@disclose/identity';
import { FileRequestService } from './file-request.service';
import { createAgency, createUser, requestsTestingModule } from '../testing/requests-fixture';

describe(FileRequestService.name, () => {
  let module: TestingModule;
  let ds: DataSource;
  let sut: FileRequestService;
  let agency: { id: string; code: string };
  let clerk: AuthUser;
  let applicant: AuthUser;

  beforeAll(async () => {
    module = await requestsTestingModule();
    ds = module.get(DataSource);
    sut = module.get(FileRequestService);
    agency = await createAgency(ds);
    clerk = await createUser(ds, 'clerk', agency.id);
    applicant = await createUser(ds, 'applicant', null);
  }, 60_000);

  afterAll(() => module?.close());

  const staffFiling = (receivedOn: string, subject = '土地出让收入') => ({
    agencyCode: agency.code,
    subject,
    description: `${subject}的明细`,
    channel: 'mail',
    receivedOn,
    applicant: {
      name: '张三',
      applicantType: 'commercial' as const,
      email: `zhang-${agency.code}@example.test`,
    },
  });

  it('computes the due date from the legal date of receipt (2025-09-26 → 2025-10-30, with 调休)', async () => {
    const result = await sut.execute(clerk, staffFiling('2025-09-26'));
    expect(result).toMatchObject({
      receivedOn: '2025-09-26',
      dueOn: '2025-10-30',
      ruleSet: 'cn-ogi-2019',
      status: 'received',
    });
    expect(result.trackingNumber).toMatch(new RegExp(`^${agency.code}-2025-\\d{6}$`));
    const [row] = await ds.query(`SELECT applicant_type FROM requests WHERE id = $1`, [result.id]);
    expect(row.applicant_type).toBe('commercial');
  });

  it("applies the agency's own calendar overrides, and finds the agency by its code in any case", async () => {
    const local = await createAgency(ds);
    const localClerk = await createUser(ds, 'clerk', local.id);
    // The day it would be due becomes a local holiday: due the next working day.
    await ds.query(
      `INSERT INTO calendar_overrides (agency_id, date, kind) VALUES ($1, '2025-10-30', 'holiday')`,
      [local.id],
    );
    const result = await sut.execute(localClerk, {
      ...staffFiling('2025-09-26', '本地假日'),
      agencyCode: local.code.toLowerCase(),
    });
    expect(result).toMatchObject({ receivedOn: '2025-09-26', dueOn: '2025-10-31' });
    expect(result.trackingNumber.startsWith(`${local.code}-2025-`)).toBe(true);
  });

  it('uses the 2008 Regulation for a receipt before 2019-05-15 (cn.md A)', async () => {
    const result = await sut.execute(clerk, staffFiling('2015-09-01', '旧申请'));
    expect(result).toMatchObject({ ruleSet: 'cn-ogi-2008', dueOn: '2015-09-23' });
  });

  it('numbers 20 parallel filings without gaps or duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sut.execute(applicant, {
          agencyCode: agency.code,
          subject: `并发申请 ${i} ${'x'.repeat(i)}`,
          description: `第${i}件`,
        }),
      ),
    );
    const year = results[0].trackingNumber.split('-')[1];
    const seqs = results.map((r) => Number(r.trackingNumber.split('-')[2])).sort((a, b) => a - b);
    const [counter] = await ds.query(
      `SELECT last FROM tracking_counters WHERE agency_id = $1 AND year = $2`,
      [agency.id, Number(year)],
    );
    expect(new Set(seqs).size).toBe(20);
    expect(seqs[19] - seqs[0]).toBe(19);
    expect(seqs[19]).toBe(counter.last);
  }, 60_000);

  it('answers a retried Idempotency-Key with the first response and refuses the key with another body', async () => {
    const body = { agencyCode: agency.code, subject: '幂等测试', description: '同一个请求' };
    const first = await sut.execute(applicant, body, 'key-1');
    const [again, concurrent] = await Promise.all([
      sut.execute(applicant, body, 'key-1'),
      sut.execute(applicant, body, 'key-1'),
    ]);
    expect(again).toEqual(first);
    expect(concurrent).toEqual(first);
    await expect(sut.execute(applicant, { ...body, subject: '另一个' }, 'key-1')).rejects.toMatchObject({
      code: 'REQUEST.DUPLICATE_IDEMPOTENCY_KEY',
    });
    const [n] = await ds.query(
      `SELECT count(*)::int AS n FROM requests WHERE created_by = $1 AND idempotency_key = 'key-1'`,
      [applicant.id],
    );
    expect(n.n).toBe(1);
  });

  it('flags a near-repeat by the same applicant and counts the month (Art. 35, cn.md A.9)', async () => {
    const other = await createUser(ds, 'applicant', null);
    const body = {
      agencyCode: agency.code,
      subject: '关于平凉市2024年土地出让收入的信息',
      description: '请公开2024年全年土地出让收入及支出明细',
    };
    const first = await sut.execute(other, body);
    const second = await sut.execute(other, { ...body, subject: '关于平凉市2024年土地出让收入信息' });
    const rows = await ds.query(
      `SELECT id, repeat_of, applicant_month_count FROM requests WHERE id = ANY($1) ORDER BY applicant_month_count`,
      [[first.id, second.id]],
    );
    expect(rows.map((r: { applicant_month_count: number }) => r.applicant_month_count)).toEqual([1, 2]);
    expect(rows[0].repeat_of).toBeNull();
    expect(rows[1].repeat_of).toBe(first.id);
  });

  it('writes, with the request, its chained first event, its reminders and the acknowledgement to the applicant', async () => {
    const filed = await sut.execute(applicant, {
      agencyCode: agency.code,
      subject: '一次写入',
      description: '请求、事件、提醒和确认邮件',
    });
    const [event] = await ds.query(
      `SELECT seq, type, actor_id, prev_hash, hash FROM request_events WHERE request_id = $1`,
      [filed.id],
    );
    expect(event).toMatchObject({ seq: 1, type: 'filed', actor_id: applicant.id, prev_hash: null });
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    const milestones = await ds.query(
      `SELECT kind FROM milestones WHERE subject_type = 'request' AND subject_id = $1 AND status = 'pending'`,
      [filed.id],
    );
    expect(milestones.map((m: { kind: string }) => m.kind).sort()).toEqual(
      ['due_in_2', 'due_in_5', 'due_today', 'due_tomorrow', 'overdue'].sort(),
    );
    const mail = await ds.query(
      `SELECT to_address, locale, template, params FROM outbox WHERE request_id = $1`,
      [filed.id],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      to_address: applicant.email,
      locale: applicant.locale,
      template: 'request_acknowledged',
    });
    expect(mail[0].params).toMatchObject({ trackingNumber: filed.trackingNumber, dueOn: filed.dueOn });
  });

  it('refuses staff-only fields from an applicant', async () => {
    await expect(
      sut.execute(applicant, {
        agencyCode: agency.code,
        subject: 'x',
        description: 'y',
        receivedOn: '2020-01-01',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
      details: [{ field: 'receivedOn', code: 'staff_only' }],
    });
  });

  it('refuses a staff filing without receipt data, writing nothing', async () => {
    const before = await ds.query(`SELECT count(*)::int AS n FROM requests WHERE agency_id = $1`, [
      agency.id,
    ]);
    await expect(
      sut.execute(clerk, { agencyCode: agency.code, subject: 'x', description: 'y' }),
    ).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    const after = await ds.query(`SELECT count(*)::int AS n FROM requests WHERE agency_id = $1`, [agency.id]);
    expect(after[0].n).toBe(before[0].n);
  });
});
