import { TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type AuthUser, type Role } from '@disclose/identity';
import { DecisionService, FileRequestService } from '@disclose/requests';
import { casesTestingModule, insertTestUser } from '../testing/cases-int-fixture';
import { CaseQueryService } from './case-query.service';
import { RecordCaseService } from './record-case.service';
import { RecordOutcomeService } from './record-outcome.service';
import { UpdateCaseService } from './update-case.service';

const suffix = () => randomBytes(3).toString('hex').toUpperCase();
/** Monday 2026-03-02, 08:00 in Shanghai. */
const NOW = new Date('2026-03-02T00:00:00Z');

/** Hearings become reminders of the legal owner (milestones), move with the hearing, end with the case. */
describe('case hearings (services + PostgreSQL)', () => {
  let module: TestingModule;
  let ds: DataSource;
  let legal: AuthUser;
  let applicant: AuthUser;
  let caseId: string;

  const user = (role: Role, agencyId: string | null): Promise<AuthUser> =>
    insertTestUser(ds, role, agencyId, 'hearings.test');
  const reminders = async () =>
    (
      await ds.query(
        `SELECT kind, status, payload->>'on' AS on FROM milestones
          WHERE subject_type = 'case' AND subject_id = $1 AND kind LIKE 'case:hearing:%'
          ORDER BY due_at, kind`,
        [caseId],
      )
    ).map((m: { kind: string; status: string; on: string }) => ({
      kind: m.kind.replace(/^case:hearing:[0-9a-f-]+:/, ''),
      status: m.status,
      on: m.on,
    }));

  const dayOf = async () =>
    (
      await ds.query(
        `SELECT due_at FROM milestones WHERE subject_type = 'case' AND subject_id = $1
            AND kind LIKE 'case:hearing:%:due_today' AND status = 'pending' ORDER BY due_at`,
        [caseId],
      )
    ).map((m: { due_at: Date }) => m.due_at);

  beforeAll(async () => {
    module = await casesTestingModule('disclose-h-', NOW);
    ds = module.get(DataSource);
    const code = `HE${suffix()}`;
    const [agency] = await ds.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `听证${code}`],
    );
    const clerk = await user('clerk', agency.id);
    legal = await user('legal', agency.id);
    const filed = await module.get(FileRequestService).execute(clerk, {
      agencyCode: code,
      subject: '听证测试',
      description: '听证测试（说明）',
      channel: 'in_person',
      receivedOn: '2025-07-15',
      applicant: { name: '钱七', applicantType: 'natural_person' },
    });
    await module
      .get(DecisionService)
      .execute(clerk, filed.id, { outcome: 'disclosed', reasons: [], message: '公开' });
    const [{ applicant_id }] = await ds.query(`SELECT applicant_id FROM requests WHERE id = $1`, [filed.id]);
    applicant = { ...(await user('applicant', null)), id: applicant_id };
    caseId = (
      await module.get(RecordCaseService).create(legal, {
        requestId: filed.id,
        kind: 'litigation_direct',
        filedOn: '2026-02-01',
      })
    ).id;
  }, 60_000);

  afterAll(() => module?.close());

  it('reminds 5 and 1 working days before and on the day; a past hearing needs none; moving it moves them', async () => {
    const updates = module.get(UpdateCaseService);
    await updates.addHearing(legal, caseId, { heldAt: '2026-02-27T09:30:00+08:00', place: '第一法庭' });
    expect(await reminders()).toEqual([]);
    const hearing = await updates.addHearing(legal, caseId, {
      heldAt: '2026-03-16T09:30:00+08:00',
      place: '第二法庭',
      notes: '证据目录',
    });
    expect(await reminders()).toEqual([
      { kind: 'due_in_5', status: 'pending', on: '2026-03-09' },
      { kind: 'due_tomorrow', status: 'pending', on: '2026-03-13' },
      { kind: 'due_today', status: 'pending', on: '2026-03-16' },
    ]);
    // On the day: 2 h before a 09:30 hearing (07:30), not at the agency's 09:00 reminder hour.
    expect(await dayOf()).toEqual([new Date('2026-03-15T23:30:00Z')]);
    // A PATCH of the case re-plans from the case and its hearings: nothing changes.
    await updates.update(legal, caseId, { caseNumber: '(2026)甘0802行初1号' });
    expect((await reminders()).filter((r: { status: string }) => r.status === 'pending')).toHaveLength(3);

    await updates.updateHearing(legal, caseId, hearing.id, { heldAt: '2026-03-20T14:00:00+08:00' });
    expect((await reminders()).filter((r: { status: string }) => r.status === 'pending')).toEqual([
      { kind: 'due_in_5', status: 'pending', on: '2026-03-13' },
      { kind: 'due_tomorrow', status: 'pending', on: '2026-03-19' },
      { kind: 'due_today', status: 'pending', on: '2026-03-20' },
    ]);
    // An afternoon hearing: at the reminder hour, 09:00.
    expect(await dayOf()).toEqual([new Date('2026-03-20T01:00:00Z')]);

    const seen = await module.get(CaseQueryService).get(applicant, caseId);
    expect(seen.hearings.map((h) => Object.keys(h).sort())).toEqual([
      ['heldAt', 'id', 'place'],
      ['heldAt', 'id', 'place'],
    ]);
    expect((await module.get(CaseQueryService).get(legal, caseId)).hearings[1].notes).toBe('证据目录');
  });

  it('the outcome cancels the hearing reminders; a decided case’s hearings no longer change', async () => {
    const [{ id: hearingId }] = await ds.query(
      `SELECT id FROM case_hearings WHERE case_id = $1 ORDER BY held_at DESC LIMIT 1`,
      [caseId],
    );
    await module
      .get(RecordOutcomeService)
      .record(legal, caseId, { disposition: 'withdrawn', decidedOn: '2026-03-02' });
    expect((await reminders()).filter((r: { status: string }) => r.status === 'pending')).toEqual([]);
    const updates = module.get(UpdateCaseService);
    const refusals = [
      updates.addHearing(legal, caseId, { heldAt: '2026-04-01T09:00:00+08:00', place: 'x' }),
      updates.updateHearing(legal, caseId, hearingId, { place: 'y' }),
      updates.removeHearing(legal, caseId, hearingId),
    ];
    for (const refusal of refusals)
      await expect(refusal).rejects.toMatchObject({ name: 'InvalidTransitionError' });
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM case_hearings WHERE case_id = $1`, [caseId]))[0].n,
    ).toBe(2);
  });
});
