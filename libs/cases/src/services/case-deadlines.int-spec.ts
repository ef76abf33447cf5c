import { TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeLegalDeadline } from '@disclose/deadlines';
import { type AuthUser, type Role } from '@disclose/identity';
import { DecisionService, FileRequestService } from '@disclose/requests';
import { casesTestingModule, insertTestUser } from '../testing/cases-int-fixture';
import { RecordCaseService } from './record-case.service';
import { UpdateCaseService } from './update-case.service';

const suffix = () => randomBytes(3).toString('hex').toUpperCase();
const byKey = (c: { deadlines: Array<{ key: string; dueOn: string }> }) =>
  Object.fromEntries(c.deadlines.map((d) => [d.key, d.dueOn]));

/** The deadlines each kind of case stores, computed by the services against the real database. */
describe('case deadlines (services + PostgreSQL)', () => {
  let module: TestingModule;
  let ds: DataSource;
  const agency = async (ruleSet: string) => {
    const code = `CD${suffix()}`;
    const [row] = await ds.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, $3, 'Asia/Shanghai') RETURNING id`,
      [code, `案件${code}`, ruleSet],
    );
    return { id: row.id as string, code };
  };
  const user = (role: Role, agencyId: string | null): Promise<AuthUser> =>
    insertTestUser(ds, role, agencyId, 'cases.test');
  /** A paper request entered and answered by a clerk: decided today. */
  const decided = async (a: { code: string }, clerk: AuthUser) => {
    const filed = await module.get(FileRequestService).execute(clerk, {
      agencyCode: a.code,
      subject: '案件期限测试',
      description: '案件期限测试（说明）',
      channel: 'in_person',
      receivedOn: '2025-07-15',
      applicant: { name: '王五', applicantType: 'natural_person' },
    });
    await module
      .get(DecisionService)
      .execute(clerk, filed.id, { outcome: 'disclosed', reasons: [], message: '公开' });
    return filed.id;
  };

  beforeAll(async () => {
    module = await casesTestingModule('disclose-cases-', new Date('2026-06-26T04:00:00Z'));
    ds = module.get(DataSource);
  }, 60_000);

  afterAll(() => module?.close());

  it('reconsideration: decision 60 days from acceptance, +30 extension, then 15 days to sue after the decision', async () => {
    const cn = await agency('cn-ogi-2019');
    const [clerk, legal] = [await user('clerk', cn.id), await user('legal', cn.id)];
    const requestId = await decided(cn, clerk);
    const created = await module.get(RecordCaseService).create(legal, {
      requestId,
      kind: 'reconsideration',
      filedOn: '2025-08-01',
      acceptedOn: '2025-08-02',
    });
    const replyOn = created.replyOn as string;
    expect(byKey(created)).toEqual({
      filing_window: computeLegalDeadline({ kind: 'cn-reconsideration-application', from: replyOn }).dueOn,
      decision_due: '2025-10-09', // 60th day 10-01 is a holiday (rules/README.md example)
    });
    expect(created.legalOwnerId).toBe(legal.id);
    const updates = module.get(UpdateCaseService);
    const extended = await updates.update(legal, created.id, {
      filedOn: '2025-06-01',
      acceptedOn: '2025-06-02',
      decisionExtensionDays: 30,
    });
    expect(byKey(extended).decision_due).toBe('2025-09-01'); // 08-01 + 30 = Sun 08-31, rolled
    const received = await updates.update(legal, created.id, { decisionReceivedOn: '2025-09-20' });
    expect(byKey(received).litigation_window).toBe('2025-10-09');
    const [stored] = await ds.query(`SELECT deadlines FROM cases WHERE id = $1`, [created.id]);
    expect(
      stored.deadlines.find((d: { key: string }) => d.key === 'decision_due').trace.length,
    ).toBeGreaterThan(1);

    const suit = await module.get(RecordCaseService).create(legal, {
      requestId,
      kind: 'litigation_after_reconsideration',
      parentCaseId: created.id,
      filedOn: '2025-09-25',
      servedOn: '2025-09-26',
    });
    // Day 15 is Sat 10-11, a 调休 working day: no roll (cn.md C.3).
    expect(byKey(suit)).toEqual({ filing_window: '2025-10-09', defence_due: '2025-10-11' });
  });

  it('US appeal filed online today (the clock): 20 working days from receipt', async () => {
    const us = await agency('us-foia');
    const clerk = await user('clerk', us.id);
    const requestId = await decided(us, clerk);
    const [{ applicant_id }] = await ds.query(`SELECT applicant_id FROM requests WHERE id = $1`, [requestId]);
    const applicant = { ...(await user('applicant', null)), id: applicant_id };
    const appeal = await module
      .get(RecordCaseService)
      .fileByApplicant(applicant, requestId, { kind: 'us_appeal', grounds: 'search' });
    expect(appeal.filedOn).toBe('2026-06-26');
    expect(byKey(appeal).decision_due).toBe('2026-07-27'); // 07-03 observed Independence Day
  });

  it('UK internal review honours the agency’s calendar overrides', async () => {
    const uk = await agency('uk-foia');
    const [clerk, legal] = [await user('clerk', uk.id), await user('legal', uk.id)];
    const requestId = await decided(uk, clerk);
    const review = await module
      .get(RecordCaseService)
      .create(legal, { requestId, kind: 'internal_review', filedOn: '2025-04-17' });
    expect(byKey(review).decision_due).toBe('2025-05-20');
    await ds.query(
      `INSERT INTO calendar_overrides (agency_id, date, kind) VALUES ($1, '2025-05-20', 'holiday')`,
      [uk.id],
    );
    const moved = await module.get(UpdateCaseService).update(legal, review.id, { caseNumber: 'IR-1' });
    expect(byKey(moved).decision_due).toBe('2025-05-21');
  });
});
