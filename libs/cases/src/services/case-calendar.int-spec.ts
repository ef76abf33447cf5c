import { TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeLegalDeadline } from '@disclose/deadlines';
import { type AuthUser, type Role } from '@disclose/identity';
import { CalendarOverridesService, DecisionService, FileRequestService } from '@disclose/requests';
import { casesTestingModule, insertTestUser } from '../testing/cases-int-fixture';
import { RecordCaseService } from './record-case.service';
import { RecordOutcomeService } from './record-outcome.service';

const suffix = () => randomBytes(3).toString('hex').toUpperCase();
/** Monday 2026-03-02, 08:00 in Shanghai. */
const NOW = new Date('2026-03-02T00:00:00Z');
const SERVED = '2026-03-02';
/** A one-off closure inside the 10 working days the agency has to answer the reconsideration (Art. 48). */
const CLOSURE = '2026-03-10';

/** Loading calendar overrides recomputes the agency's open cases and their reminders in the same transaction. */
describe('case deadlines follow the agency calendar overrides (services + PostgreSQL)', () => {
  let module: TestingModule;
  let ds: DataSource;
  let code: string;
  let legal: AuthUser;
  let open: { id: string; requestId: string };
  let decided: { id: string; deadlines: unknown };

  const user = (role: Role, agencyId: string | null): Promise<AuthUser> =>
    insertTestUser(ds, role, agencyId, 'case-calendar.test');
  const decidedRequest = async (clerk: AuthUser): Promise<string> => {
    const filed = await module.get(FileRequestService).execute(clerk, {
      agencyCode: code,
      subject: '日历测试',
      description: '日历测试（说明）',
      channel: 'in_person',
      receivedOn: '2025-07-15',
      applicant: { name: '孙八', applicantType: 'natural_person' },
    });
    await module
      .get(DecisionService)
      .execute(clerk, filed.id, { outcome: 'disclosed', reasons: [], message: '公开' });
    return filed.id;
  };
  const defenceReminders = async (caseId: string) =>
    (
      await ds.query(
        `SELECT kind, status, payload->>'on' AS on, due_at FROM milestones
          WHERE subject_type = 'case' AND subject_id = $1 AND kind IN ('case:defence_due:due_today', 'case:defence_due:overdue')
          ORDER BY due_at, kind`,
        [caseId],
      )
    ).map((m: { kind: string; status: string; on: string }) => [m.kind, m.status, m.on]);
  const defenceDue = async (caseId: string) =>
    (
      await ds.query(
        `SELECT d->>'dueOn' AS due FROM cases, jsonb_array_elements(deadlines) d WHERE id = $1 AND d->>'key' = 'defence_due'`,
        [caseId],
      )
    )[0]?.due;

  beforeAll(async () => {
    module = await casesTestingModule('disclose-cc-', NOW);
    await module.init();
    ds = module.get(DataSource);
    code = `CC${suffix()}`;
    const [agency] = await ds.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `日历${code}`],
    );
    const clerk = await user('clerk', agency.id);
    legal = await user('legal', agency.id);
    const record = module.get(RecordCaseService);
    const input = { kind: 'reconsideration' as const, filedOn: '2026-02-20', servedOn: SERVED };
    const requestId = await decidedRequest(clerk);
    open = { id: (await record.create(legal, { ...input, requestId })).id, requestId };
    const other = await record.create(legal, { ...input, requestId: await decidedRequest(clerk) });
    decided = await module
      .get(RecordOutcomeService)
      .record(legal, other.id, { disposition: 'upheld', decidedOn: '2026-03-02' });
  }, 60_000);

  afterAll(() => module?.close());

  it('an override day inside a case’s window moves its deadline and its reminders; a decided case keeps its own', async () => {
    const before = computeLegalDeadline({ kind: 'cn-reconsideration-defence', from: SERVED }).dueOn;
    const after = computeLegalDeadline({
      kind: 'cn-reconsideration-defence',
      from: SERVED,
      calendar: { holidays: [CLOSURE], workdays: [] },
    }).dueOn;
    expect(after > before).toBe(true);
    expect(await defenceDue(open.id)).toBe(before);
    expect(await defenceReminders(open.id)).toEqual([
      ['case:defence_due:due_today', 'pending', before],
      ['case:defence_due:overdue', 'pending', expect.any(String)],
    ]);
    const overrides = module.get(CalendarOverridesService);

    // A preview names the move and writes nothing.
    const preview = await overrides.preview({ ...legal, role: 'admin', agencyId: null }, code, 2026, {
      holidays: [CLOSURE],
      workdays: [],
    });
    const move = {
      subject: 'case',
      id: open.id,
      requestId: open.requestId,
      key: 'defence_due',
      from: before,
      to: after,
    };
    expect(preview.dependents).toEqual([expect.objectContaining(move)]);
    expect(await defenceDue(open.id)).toBe(before);

    const loaded = await overrides.load(null, code, 2026, { holidays: [CLOSURE], workdays: [] });
    expect(loaded.dependents).toEqual([expect.objectContaining(move)]);
    expect(await defenceDue(open.id)).toBe(after);
    const pending = (await defenceReminders(open.id)).filter((r: string[]) => r[1] === 'pending');
    expect(pending[0]).toEqual(['case:defence_due:due_today', 'pending', after]);
    expect(await defenceReminders(open.id)).toContainEqual([
      'case:defence_due:due_today',
      'cancelled',
      before,
    ]);
    const [row] = await ds.query(`SELECT version FROM cases WHERE id = $1`, [open.id]);
    expect(row.version).toBe(2);
    const events = await ds.query(
      `SELECT type, payload FROM case_events WHERE case_id = $1 AND type = 'deadlines_recomputed'`,
      [open.id],
    );
    expect(events).toEqual([
      {
        type: 'deadlines_recomputed',
        payload: { reason: 'calendar_overrides', changes: [{ key: 'defence_due', from: before, to: after }] },
      },
    ]);
    const [kept] = await ds.query(`SELECT deadlines FROM cases WHERE id = $1`, [decided.id]);
    expect(kept.deadlines).toEqual(decided.deadlines);

    // Loading the same overrides again moves nothing more.
    expect(
      (await overrides.load(null, code, 2026, { holidays: [CLOSURE], workdays: [] })).dependents,
    ).toEqual([]);
  });
});
