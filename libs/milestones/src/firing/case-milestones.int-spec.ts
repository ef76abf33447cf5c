import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { CaseMilestoneSnapshot } from '../contract';
import { MilestonesService } from '../milestones.service';
import {
  createAgency,
  createUser,
  insertRequest,
  milestonesTestingModule,
} from '../testing/milestones-fixture';
import { MilestoneFiringService } from './milestone-firing.service';

/** Legal case deadlines (issue 6 through MilestoneSync.syncCase): reminders to the legal owner. */
describe('case milestones', () => {
  let module: TestingModule;
  let ds: DataSource;

  beforeAll(async () => {
    ({ module } = await milestonesTestingModule());
    ds = module.get(DataSource);
  }, 60_000);

  afterAll(() => module?.close());

  it('reminds the legal owner in their language, once, and skips once the case has an outcome', async () => {
    const agencyId = await createAgency(ds);
    const applicant = await createUser(ds, 'applicant', null, 'zh-CN');
    const [legal] = await ds.query(
      `INSERT INTO users (email, name, role, agency_id, locale) VALUES ($1, '法务', 'legal', $2, 'en') RETURNING id, email`,
      [`legal-${agencyId.slice(0, 8)}@example.test`, agencyId],
    );
    const request = await insertRequest(ds, {
      agencyId,
      applicantId: applicant.id,
      assigneeId: null,
      dueOn: '2026-02-02',
    });
    const deadlines = [
      {
        key: 'defence_due',
        legalKind: 'cn-reconsideration-defence',
        dueOn: '2026-03-16',
        provisional: false,
      },
    ];
    const [c] = await ds.query(
      `INSERT INTO cases (request_id, agency_id, kind, filed_on, legal_owner_id, deadlines)
       VALUES ($1, $2, 'reconsideration', '2026-03-02', $3, $4::jsonb) RETURNING id`,
      [request.requestId, agencyId, legal.id, JSON.stringify(deadlines.map((d) => ({ ...d, remind: true })))],
    );
    const snapshot: CaseMilestoneSnapshot = {
      caseId: c.id,
      requestId: request.requestId,
      trackingNumber: request.trackingNumber,
      agencyId,
      kind: 'reconsideration',
      caseNumber: null,
      legalOwnerId: legal.id,
      ruleSet: 'cn-ogi-2019',
      open: true,
      deadlines,
    };
    const sync = module.get(MilestonesService);
    await ds.transaction((m) => sync.syncCase(m, snapshot, new Date('2026-03-02T00:00:00Z')));
    await ds.transaction((m) => sync.syncCase(m, snapshot, new Date('2026-03-02T00:00:00Z')));
    const rows: Array<{ id: string; kind: string }> = await ds.query(
      `SELECT id, kind FROM milestones WHERE subject_type = 'case' AND subject_id = $1 AND status = 'pending' ORDER BY due_at`,
      [c.id],
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'case:defence_due:due_in_5',
      'case:defence_due:due_in_2',
      'case:defence_due:due_tomorrow',
      'case:defence_due:due_today',
      'case:defence_due:overdue',
    ]);
    const firing = module.get(MilestoneFiringService);
    const at = new Date('2026-03-16T02:00:00Z');
    expect(await firing.fire(rows[3].id, at)).toMatchObject({ outcome: 'fired', emails: 1 });
    expect(await firing.fire(rows[3].id, at)).toMatchObject({ outcome: 'not_pending', emails: 0 });
    const [email] = await ds.query(
      `SELECT to_address, locale, template, params FROM outbox WHERE dedupe_key = $1`,
      [`milestone:${rows[3].id}:${legal.id}`],
    );
    expect(email).toMatchObject({ to_address: legal.email, locale: 'en', template: 'case_reminder' });
    expect(email.params).toMatchObject({
      dueOn: '2026-03-16',
      daysLeft: 0,
      trackingNumber: request.trackingNumber,
    });
    await ds.query(
      `UPDATE cases SET outcome = 'upheld', disposition = 'upheld', decided_on = '2026-03-16' WHERE id = $1`,
      [c.id],
    );
    expect(await firing.fire(rows[4].id, new Date('2026-03-17T02:00:00Z'))).toMatchObject({
      outcome: 'skipped',
    });
  });
});
