import { Client } from 'pg';
import { fireJob } from '../../libs/milestones/src/scheduling/milestone-jobs';

/** Bench fixtures in SQL: one agency, 50 clerks, a supervisor, and open requests with five milestones each. */
export async function seed(db: Client, requests: number): Promise<{ agencyId: string; clerkIds: string[] }> {
  const { rows } = await db.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone, reminder_hour)
     VALUES ('BENCHT', '计时基准局', 'cn-ogi-2019', 'Asia/Shanghai', 9) RETURNING id`,
  );
  const agencyId: string = rows[0].id;
  const staff = await db.query(
    `INSERT INTO users (email, name, role, agency_id, locale)
     SELECT 'clerk' || g || '@bench.test', '科员' || g, CASE WHEN g = 0 THEN 'supervisor' ELSE 'clerk' END, $1,
            CASE WHEN g % 2 = 0 THEN 'zh-CN' ELSE 'en' END
       FROM generate_series(0, 50) g RETURNING id, role`,
    [agencyId],
  );
  const clerkIds = staff.rows.filter((r) => r.role === 'clerk').map((r) => r.id as string);
  const applicant = await db.query(
    `INSERT INTO users (email, name, role, applicant_type) VALUES ('applicant@bench.test', '申请人', 'applicant',
       'natural_person') RETURNING id`,
  );
  await insertRequests(db, agencyId, applicant.rows[0].id, clerkIds, 'B', requests, 3, 40);
  // Five milestones per request as the planner makes them, all still ahead (nothing fires during the bench).
  await db.query(
    `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload)
     SELECT 'request', r.id, k.kind, ((r.due_on - k.off)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai',
            k.recipients, jsonb_build_object('dueOn', r.due_on::text, 'on', (r.due_on - k.off)::text,
              'trackingNumber', r.tracking_number)
       FROM requests r CROSS JOIN (VALUES ('due_in_5', 7, '["clerk","supervisors"]'::jsonb),
              ('due_in_2', 2, '["clerk","supervisors"]'), ('due_tomorrow', 1, '["clerk","supervisors"]'),
              ('due_today', 0, '["clerk","supervisors"]'), ('overdue', -1, '["supervisors"]')) AS k(kind, off, recipients)
      WHERE r.agency_id = $1 AND r.tracking_number LIKE 'B-%'
        AND ((r.due_on - k.off)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai' > now() + interval '1 hour'`,
    [agencyId],
  );
  await db.query(`ANALYZE requests; ANALYZE milestones`);
  return { agencyId, clerkIds };
}

export async function insertRequests(
  db: Client,
  agencyId: string,
  applicantId: string,
  clerkIds: string[],
  prefix: string,
  n: number,
  firstDay: number,
  spreadDays: number,
): Promise<void> {
  await db.query(
    `INSERT INTO requests (tracking_number, agency_id, applicant_id, subject, description, delivery_method, channel,
        received_on, rule_set, status, assignee_id, due_on, applicant_type, created_by)
     SELECT $1 || '-' || g, $2, $3, '基准', '基准', 'electronic', 'online', current_date, 'cn-ogi-2019', 'in_progress',
            ($4::uuid[])[1 + g % cardinality($4::uuid[])], current_date + $5::int + (g % $6::int), 'natural_person', $3
       FROM generate_series(1, $7::int) g`,
    [prefix, agencyId, applicantId, clerkIds, firstDay, spreadDays, n],
  );
}

/**
 * The burst: `n` more open requests, each with one due_today milestone for its clerk, due between
 * `start` and `start + windowMs`, handed to the milestones queue after the commit as syncRequest does.
 */
export async function insertBurst(
  db: Client,
  agencyId: string,
  clerkIds: string[],
  n: number,
  start: number,
  windowMs: number,
  queue: { addBulk(jobs: Array<ReturnType<typeof fireJob>>): Promise<unknown> },
) {
  const applicant = await db.query(`SELECT id FROM users WHERE email = 'applicant@bench.test'`);
  await insertRequests(db, agencyId, applicant.rows[0].id, clerkIds, 'X', n, 0, 1);
  const { rows } = await db.query(
    `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload)
     SELECT 'request', r.id, 'due_today',
            to_timestamp(($2::float8 + (substring(r.tracking_number from 3)::int % $3) * $4::float8 / $3) / 1000),
            '["clerk"]', jsonb_build_object('dueOn', r.due_on::text, 'on', r.due_on::text, 'trackingNumber', r.tracking_number)
       FROM requests r WHERE r.agency_id = $1 AND r.tracking_number LIKE 'X-%' RETURNING id, due_at`,
    [agencyId, start, n, windowMs],
  );
  const ids = rows.map((r) => r.id as string);
  const nowMs = Date.now();
  for (let i = 0; i < rows.length; i += 1000)
    await queue.addBulk(rows.slice(i, i + 1000).map((r) => fireJob(r.id, new Date(r.due_at), nowMs)));
  return ids;
}
