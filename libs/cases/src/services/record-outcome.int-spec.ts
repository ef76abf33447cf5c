import { TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeDeadline } from '@disclose/deadlines';
import { type AuthUser, type Role } from '@disclose/identity';
import { DecisionService, FileRequestService } from '@disclose/requests';
import { casesTestingModule, insertTestUser } from '../testing/cases-int-fixture';
import { RecordCaseService } from './record-case.service';
import { RecordOutcomeService } from './record-outcome.service';

const suffix = () => randomBytes(3).toString('hex').toUpperCase();

/**
 * A decision that corrects the agency reopens its request in the SAME transaction as the case's outcome:
 * a failure after the reopen was written leaves neither (request row, its events, milestones, the
 * applicant's email, the case, its trail); the reply date a decision fixes is the request's due date.
 */
describe('case outcome and request reopen (one transaction, PostgreSQL)', () => {
  let module: TestingModule;
  let ds: DataSource;
  let agency: { id: string; code: string };
  let clerk: AuthUser;
  let legal: AuthUser;

  const user = (role: Role, agencyId: string | null): Promise<AuthUser> =>
    insertTestUser(ds, role, agencyId, 'outcome.test');

  /** A paper request (the applicant has an email, so a reopen notifies them) answered today. */
  const decidedRequest = async (): Promise<{ id: string; decidedOn: string }> => {
    const filed = await module.get(FileRequestService).execute(clerk, {
      agencyCode: agency.code,
      subject: '复议纠正测试',
      description: '复议纠正测试（说明）',
      channel: 'in_person',
      receivedOn: '2025-07-15',
      applicant: {
        name: '赵六',
        applicantType: 'natural_person',
        email: `applicant-${suffix()}@outcome.test`.toLowerCase(),
      },
    });
    await module
      .get(DecisionService)
      .execute(clerk, filed.id, { outcome: 'disclosed', reasons: [], message: '公开' });
    const [row] = await ds.query(`SELECT decided_on::text AS d FROM requests WHERE id = $1`, [filed.id]);
    return { id: filed.id, decidedOn: row.d };
  };

  /** Everything a reopen or an outcome writes, for one request and its case. */
  const footprint = async (requestId: string, caseId: string) => {
    const [r] = await ds.query(
      `SELECT status, version, due_on::text AS "dueOn", closed_on::text AS "closedOn" FROM requests WHERE id = $1`,
      [requestId],
    );
    const events = await ds.query(`SELECT type FROM request_events WHERE request_id = $1 ORDER BY seq`, [
      requestId,
    ]);
    const milestones = await ds.query(
      `SELECT kind, status FROM milestones WHERE subject_id = ANY($1::uuid[]) ORDER BY kind, status`,
      [[requestId, caseId]],
    );
    const outbox = await ds.query(`SELECT template FROM outbox WHERE request_id = $1 ORDER BY template`, [
      requestId,
    ]);
    const [c] = await ds.query(
      `SELECT outcome, disposition, reopened_due_on::text AS "reopenedDueOn", version FROM cases WHERE id = $1`,
      [caseId],
    );
    const trail = await ds.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY occurred_at`, [
      caseId,
    ]);
    return {
      request: r,
      events: events.map((e: { type: string }) => e.type),
      milestones,
      outbox,
      case: c,
      trail: trail.map((e: { type: string }) => e.type),
    };
  };

  beforeAll(async () => {
    module = await casesTestingModule('disclose-outcome-');
    ds = module.get(DataSource);
    const code = `RO${suffix()}`;
    const [row] = await ds.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `复议${code}`],
    );
    agency = { id: row.id, code };
    clerk = await user('clerk', agency.id);
    legal = await user('legal', agency.id);
  }, 60_000);

  afterAll(() => module?.close());

  it('a failure after the reopen rolls back the reopen too; on retry both commit, with the ordered reply date', async () => {
    const request = await decidedRequest();
    const recon = await module.get(RecordCaseService).create(legal, {
      requestId: request.id,
      kind: 'reconsideration',
      filedOn: request.decidedOn,
      acceptedOn: request.decidedOn,
    });
    const before = await footprint(request.id, recon.id);
    expect(before.request.status).toBe('decided');

    // Fault injection: the case's outcome UPDATE (written after the reopen) fails for this case only.
    const fn = `fail_outcome_${suffix().toLowerCase()}`;
    await ds.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = '${recon.id}' AND NEW.outcome IS NOT NULL THEN
          RAISE EXCEPTION 'injected failure between the reopen and the outcome';
        END IF;
        RETURN NEW;
      END $$`);
    await ds.query(`CREATE TRIGGER ${fn} BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    const ordered = addDays(request.decidedOn, 15);
    const input = {
      disposition: 'revoked_re_reply' as const,
      decidedOn: request.decidedOn,
      newReplyDueOn: ordered,
    };
    try {
      await expect(module.get(RecordOutcomeService).record(legal, recon.id, input)).rejects.toThrow(
        /injected failure/,
      );
    } finally {
      await ds.query(`DROP TRIGGER ${fn} ON cases`);
      await ds.query(`DROP FUNCTION ${fn}()`);
    }
    expect(await footprint(request.id, recon.id)).toEqual(before);

    const decided = await module.get(RecordOutcomeService).record(legal, recon.id, input);
    expect(decided).toMatchObject({ outcome: 'corrected', reopenedDueOn: ordered });
    const after = await footprint(request.id, recon.id);
    expect(after.request).toMatchObject({ status: 'in_progress', dueOn: ordered, closedOn: null });
    expect(after.request.version).toBe(before.request.version + 1);
    expect(after.events).toEqual([...before.events, 'reopened']);
    expect(after.trail).toEqual([...before.trail, 'decided']);
    expect(after.outbox.map((o: { template: string }) => o.template)).toContain('request_reopened');
    // The case's reminders are cancelled, the reopened request's planned from the ordered date.
    expect(after.milestones.filter((m: { kind: string; status: string }) => m.status === 'pending')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'due_today' })]),
    );
    expect(
      after.milestones.filter(
        (m: { kind: string; status: string }) => m.kind.startsWith('case:') && m.status === 'pending',
      ),
    ).toEqual([]);
    const [{ payload }] = await ds.query(
      `SELECT payload FROM milestones WHERE subject_id = $1 AND kind = 'due_today' AND status = 'pending'`,
      [request.id],
    );
    expect(payload.dueOn).toBe(ordered);
    const [{ trace }] = await ds.query(`SELECT deadline_trace AS trace FROM requests WHERE id = $1`, [
      request.id,
    ]);
    expect(trace.en[0]).toContain(`reply by ${ordered}`);
    expect(trace['zh-CN'][0]).toContain(ordered);
  });

  it('without a date in the decision, the rule set’s period runs from the decision', async () => {
    const request = await decidedRequest();
    const recon = await module.get(RecordCaseService).create(legal, {
      requestId: request.id,
      kind: 'reconsideration',
      filedOn: request.decidedOn,
    });
    const decided = await module.get(RecordOutcomeService).record(legal, recon.id, {
      disposition: 'ordered_to_perform',
      decidedOn: request.decidedOn,
    });
    const statutory = computeDeadline({ ruleSet: 'cn-ogi-2019', receivedOn: request.decidedOn }).dueOn;
    expect(decided.reopenedDueOn).toBe(statutory);
    const [row] = await ds.query(
      `SELECT status, due_on::text AS "dueOn", deadline_trace AS trace FROM requests WHERE id = $1`,
      [request.id],
    );
    expect(row).toMatchObject({ status: 'in_progress', dueOn: statutory });
    expect(row.trace.en.join('\n')).not.toContain('set by the decision');
  });

  it('a request that cannot be reopened (already reopened by another case) leaves the second case open', async () => {
    const request = await decidedRequest();
    const cases = module.get(RecordCaseService);
    const first = await cases.create(legal, {
      requestId: request.id,
      kind: 'reconsideration',
      filedOn: request.decidedOn,
    });
    const second = await cases.create(legal, {
      requestId: request.id,
      kind: 'litigation_direct',
      filedOn: request.decidedOn,
    });
    await module.get(RecordOutcomeService).record(legal, first.id, {
      disposition: 'revoked_re_reply',
      decidedOn: request.decidedOn,
    });
    const before = await footprint(request.id, second.id);
    await expect(
      module.get(RecordOutcomeService).record(legal, second.id, {
        disposition: 'ordered_to_perform',
        decidedOn: request.decidedOn,
      }),
    ).rejects.toMatchObject({ name: 'InvalidTransitionError' });
    expect(await footprint(request.id, second.id)).toEqual(before);
  });
});

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
