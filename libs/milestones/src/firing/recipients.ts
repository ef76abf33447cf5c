import type { EntityManager } from 'typeorm';
import type { RecipientRole } from '../planning/milestone-kinds';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: string;
  dailyDigest: boolean;
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
  const wantClerk = roles.includes('clerk');
  const wantSupervisors = roles.includes('supervisors');
  const rows: Array<{
    id: string;
    email: string;
    name: string;
    locale: string;
    daily_digest: boolean | null;
  }> = await manager.query(
    `WITH sup AS (
         SELECT coalesce(
           (SELECT $2::uuid WHERE EXISTS (SELECT 1 FROM users WHERE agency_id = $2 AND role = 'supervisor'
              AND disabled_at IS NULL)),
           (SELECT parent_id FROM agencies WHERE id = $2)) AS agency_id)
       SELECT u.id, u.email, u.name, u.locale, p.daily_digest
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.disabled_at IS NULL AND u.email IS NOT NULL AND (
              ($1 AND $3::uuid IS NOT NULL AND u.id = $3)
           OR ($1 AND $3::uuid IS NULL AND u.role = 'clerk' AND u.agency_id = $2)
           OR ($4 AND u.role = 'supervisor' AND u.agency_id = (SELECT agency_id FROM sup)))
        ORDER BY u.id`,
    [wantClerk, request.agency_id, request.assignee_id, wantSupervisors],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    locale: r.locale,
    dailyDigest: r.daily_digest === true,
  }));
}
