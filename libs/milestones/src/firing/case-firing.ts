import type { EntityManager } from 'typeorm';
import type { OutboxEmail } from '@disclose/mail';
import { toMailLocale } from '../notices/applicant-notice';

interface CaseRow {
  id: string;
  request_id: string;
  agency_id: string;
  legal_owner_id: string | null;
  outcome: string | null;
  case_number: string | null;
  kind: string;
  deadlines: Array<{ key: string; dueOn: string }>;
  tracking_number: string;
}

/** A hearing of the case: its civil date and local time in the agency's zone, its place; null if gone. */
async function hearingOn(
  manager: EntityManager,
  hearingId: string,
  agencyId: string,
): Promise<{ on: string; at: string; place: string } | null> {
  const rows: Array<{ on: string; at: string; place: string }> = await manager.query(
    `SELECT to_char(h.held_at AT TIME ZONE a.timezone, 'YYYY-MM-DD') AS on,
            to_char(h.held_at AT TIME ZONE a.timezone, 'YYYY-MM-DD HH24:MI') AS at, h.place
       FROM case_hearings h JOIN agencies a ON a.id = $2
      WHERE h.id::text = $1`,
    [hearingId, agencyId],
  );
  return rows[0] ?? null;
}

/**
 * Emails of a fired case milestone, or null when it no longer matters (the case has an outcome, or the
 * deadline or hearing moved). Recipients: the legal staff member in charge, else every legal user of the agency.
 */
export async function caseMilestoneEmails(
  manager: EntityManager,
  m: { id: string; subject_id: string; payload: { dueOn: string; key: string; daysLeft?: number } },
  publicUrl: string,
): Promise<OutboxEmail[] | null> {
  const [c]: CaseRow[] = await manager.query(
    `SELECT c.id, c.request_id, c.agency_id, c.legal_owner_id, c.outcome, c.case_number, c.kind, c.deadlines,
            r.tracking_number
       FROM cases c JOIN requests r ON r.id = c.request_id WHERE c.id = $1`,
    [m.subject_id],
  );
  if (!c || c.outcome !== null) return null;
  const hearing = m.payload.key.startsWith('hearing:')
    ? await hearingOn(manager, m.payload.key.slice('hearing:'.length), c.agency_id)
    : null;
  // The deadline (or the hearing's day) may have moved since the milestone was planned: then it no longer matters.
  if (
    hearing
      ? hearing.on !== m.payload.dueOn
      : !c.deadlines.some((d) => d.key === m.payload.key && d.dueOn === m.payload.dueOn)
  )
    return null;
  const users: Array<{ id: string; email: string; name: string; locale: string }> = await manager.query(
    `SELECT id, email, name, locale FROM users
      WHERE disabled_at IS NULL AND email IS NOT NULL
        AND (($1::uuid IS NOT NULL AND id = $1) OR ($1::uuid IS NULL AND role = 'legal' AND agency_id = $2))
      ORDER BY id`,
    [c.legal_owner_id, c.agency_id],
  );
  return users.map((u) => ({
    dedupeKey: `milestone:${m.id}:${u.id}`,
    to: u.email,
    locale: toMailLocale(u.locale),
    template: 'case_reminder',
    params: {
      caseNumber: c.case_number ?? undefined,
      caseKind: c.kind,
      trackingNumber: c.tracking_number,
      requestId: c.request_id,
      dueOn: m.payload.dueOn,
      daysLeft: m.payload.daysLeft,
      ...(hearing ? { hearingAt: hearing.at, hearingPlace: hearing.place } : {}),
      name: u.name,
      link: `${publicUrl}/requests/${c.request_id}`,
    },
    requestId: c.request_id,
    recipientUserId: u.id,
  }));
}
