/**
 * Inserts a generated fixture (annual-report.fixture.ts) into the database: three agencies (a parent and two
 * below it, unique codes per run), one applicant, the requests with their fee events, and the cases.
 * Test support only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FixtureCase, FixtureRequest } from './annual-report.fixture';

const DISPOSITION: Record<string, string> = { upheld: 'upheld', corrected: 'revoked', other: 'withdrawn' };

export interface LoadedFixture {
  agencyIds: string[];
  agencyCodes: string[];
  applicantId: string;
}

export async function createAgencies(
  db: DataSource,
  ruleSet = 'cn-ogi-2019',
  names = ['市局', '甲县局', '乙县局'],
): Promise<{ ids: string[]; codes: string[] }> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const ids: string[] = [];
  const codes: string[] = [];
  for (const [i, name] of names.entries()) {
    const code = `RPT${suffix}-${i}`;
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO agencies (code, name_zh, parent_id, rule_set, timezone) VALUES ($1, $2, $3, $4, 'Asia/Shanghai') RETURNING id`,
      [code, name, i === 0 ? null : ids[0], ruleSet],
    );
    ids.push(rows[0].id);
    codes.push(code);
  }
  return { ids, codes };
}

export async function createApplicant(db: DataSource): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO users (email, name, role, applicant_type) VALUES ($1, '测试申请人', 'applicant', 'natural_person') RETURNING id`,
    [`rpt-${randomBytes(4).toString('hex')}@example.org`],
  );
  return rows[0].id;
}

export async function insertRequests(
  db: DataSource,
  requests: readonly FixtureRequest[],
  agencyIds: readonly string[],
  applicantId: string,
  ruleSet = 'cn-ogi-2019',
): Promise<string[]> {
  const rows = requests.map((r) => ({
    id: randomUUID(),
    tracking_number: r.trackingNumber,
    agency_id: agencyIds[r.agency],
    applicant_type: r.applicantType,
    received_on: r.receivedOn,
    due_on: r.dueOn,
    outcome: r.outcome,
    closed_on: r.closedOn,
    status: r.closedOn ? 'closed' : 'in_progress',
    fee: r.feeNotice?.fen ?? null,
  }));
  await db.query(
    `INSERT INTO requests (id, tracking_number, agency_id, applicant_id, created_by, subject, description,
                           delivery_method, channel, received_on, rule_set, status, due_on, outcome, decided_on,
                           closed_on, applicant_type, fee_amount_fen)
     SELECT x.id, x.tracking_number, x.agency_id, $2, $2, '测试申请', '测试', 'electronic', 'online', x.received_on,
            $3, x.status, x.due_on, x.outcome, x.closed_on, x.closed_on, x.applicant_type, x.fee
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, tracking_number text, agency_id uuid, applicant_type text,
            received_on date, due_on date, outcome text, closed_on date, status text, fee int)`,
    [JSON.stringify(rows), applicantId, ruleSet],
  );
  const events = requests.flatMap((r, i) => {
    if (!r.feeNotice) return [];
    const notice = {
      request_id: rows[i].id,
      seq: 1,
      type: 'fee_notice_issued',
      on_date: r.feeNotice.on,
      fen: r.feeNotice.fen,
    };
    const paid = r.feeNotice.paidOn
      ? [{ ...notice, seq: 2, type: 'fee_paid', on_date: r.feeNotice.paidOn }]
      : [];
    return [notice, ...paid];
  });
  await db.query(
    `INSERT INTO request_events (request_id, seq, type, occurred_at, on_date, payload, hash)
     SELECT x.request_id, x.seq, x.type, x.on_date::timestamptz, x.on_date, jsonb_build_object('amountFen', x.fen), 'fixture'
       FROM jsonb_to_recordset($1::jsonb) AS x(request_id uuid, seq int, type text, on_date date, fen int)`,
    [JSON.stringify(events)],
  );
  return rows.map((r) => r.id);
}

export async function insertCases(
  db: DataSource,
  cases: readonly FixtureCase[],
  requestIds: readonly string[],
  requests: readonly FixtureRequest[],
  agencyIds: readonly string[],
): Promise<void> {
  const ids = cases.map(() => randomUUID());
  const rows = cases.map((c, i) => ({
    id: ids[i],
    request_id: requestIds[c.request],
    agency_id: agencyIds[requests[c.request].agency],
    kind: c.kind,
    parent: c.parent === null ? null : ids[c.parent],
    filed_on: c.filedOn,
    disposition: c.outcome ? DISPOSITION[c.outcome] : null,
    outcome: c.outcome,
    decided_on: c.decidedOn,
  }));
  await db.query(
    `INSERT INTO cases (id, request_id, agency_id, kind, parent_case_id, filed_on, disposition, outcome, decided_on)
     SELECT x.id, x.request_id, x.agency_id, x.kind, x.parent, x.filed_on, x.disposition, x.outcome, x.decided_on
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, request_id uuid, agency_id uuid, kind text, parent uuid,
            filed_on date, disposition text, outcome text, decided_on date)`,
    [JSON.stringify(rows)],
  );
}
