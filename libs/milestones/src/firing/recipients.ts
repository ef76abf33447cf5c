import type { EntityManager } from 'typeorm';
import type { RecipientRole } from '../planning/milestone-kinds';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: string;
  dailyDigest: boolean;
}

/** Who a milestone is for, relative to its request as it is now. */
export interface RecipientQuery {
  agency_id: string;
  assignee_id: string | null;
  roles: readonly RecipientRole[];
}

/**
 * Resolves recipient roles against the request as it is now (see RecipientRole): a reassignment after
 * planning reaches the new assignee. Disabled users and users without an email are left out.
 */
export async function resolveRecipients(
  manager: EntityManager,
  request: { agency_id: string; assignee_id: string | null },
  roles: readonly RecipientRole[],
): Promise<Recipient[]> {
  const [recipients] = await resolveRecipientsMany(manager, [{ ...request, roles }]);
  return recipients;
}

/**
 * The recipients of many milestones in one round trip (a firing batch): one list per query, in order.
 * The assignee (or, unassigned, every clerk of the agency) for 'clerk'; for 'supervisors', the agency's
 * supervisors, or its parent agency's when it has none.
 */
export async function resolveRecipientsMany(
  manager: EntityManager,
  queries: readonly RecipientQuery[],
): Promise<Recipient[][]> {
  // Identical questions (same agency, assignee and roles) are asked once.
  const keyOf = (q: RecipientQuery) =>
    `${q.agency_id}|${q.assignee_id ?? ''}|${q.roles.includes('clerk')}|${q.roles.includes('supervisors')}`;
  const keys = new Map<string, number>();
  const asked: Array<{
    key: number;
    agency_id: string;
    assignee_id: string | null;
    clerk: boolean;
    sup: boolean;
  }> = [];
  for (const q of queries) {
    const k = keyOf(q);
    if (keys.has(k)) continue;
    keys.set(k, asked.length);
    asked.push({
      key: asked.length,
      agency_id: q.agency_id,
      assignee_id: q.assignee_id,
      clerk: q.roles.includes('clerk'),
      sup: q.roles.includes('supervisors'),
    });
  }
  const rows: Array<{
    key: number;
    id: string;
    email: string;
    name: string;
    locale: string;
    daily_digest: boolean | null;
  }> = asked.length
    ? await manager.query(
        `WITH k AS (
           SELECT * FROM json_to_recordset($1::json)
             AS k(key int, agency_id uuid, assignee_id uuid, clerk boolean, sup boolean)),
         s AS (
           SELECT k.key, coalesce(
                    (SELECT k.agency_id WHERE EXISTS (SELECT 1 FROM users WHERE agency_id = k.agency_id
                       AND role = 'supervisor' AND disabled_at IS NULL)),
                    (SELECT parent_id FROM agencies WHERE id = k.agency_id)) AS agency_id
             FROM k WHERE k.sup),
         hit AS (
           SELECT k.key, k.assignee_id AS user_id FROM k WHERE k.clerk AND k.assignee_id IS NOT NULL
           UNION
           SELECT k.key, u.id FROM k JOIN users u ON u.agency_id = k.agency_id AND u.role = 'clerk'
            WHERE k.clerk AND k.assignee_id IS NULL
           UNION
           SELECT s.key, u.id FROM s JOIN users u ON u.agency_id = s.agency_id AND u.role = 'supervisor')
         SELECT hit.key, u.id, u.email, u.name, u.locale, p.daily_digest
           FROM hit JOIN users u ON u.id = hit.user_id
           LEFT JOIN notification_preferences p ON p.user_id = u.id
          WHERE u.disabled_at IS NULL AND u.email IS NOT NULL
          ORDER BY hit.key, u.id`,
        [JSON.stringify(asked)],
      )
    : [];
  const byKey: Recipient[][] = asked.map(() => []);
  for (const r of rows)
    byKey[r.key].push({
      id: r.id,
      email: r.email,
      name: r.name,
      locale: r.locale,
      dailyDigest: r.daily_digest === true,
    });
  return queries.map((q) => byKey[keys.get(keyOf(q))!]);
}
