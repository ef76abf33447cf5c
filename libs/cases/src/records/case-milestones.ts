import type { EntityManager } from 'typeorm';
import type { CaseMilestoneSnapshot, MilestoneSync } from '@disclose/milestones';
import type { CaseRequestFacts } from '../access/case-access';
import type { CaseEntity } from '../entities';
import { hearingDayReminderAt } from './hearing-reminder';

/** Working days before a hearing at which the legal staff member in charge is reminded (and on the day). */
export const HEARING_REMINDERS = [5, 1, 0] as const;

/** A hearing still to come, on its civil date in the agency's time zone. */
export interface UpcomingHearing {
  id: string;
  on: string;
  /** When its on-the-day reminder fires (hearingDayReminderAt); else at the agency's reminder hour. */
  remindAt?: Date;
}

export function caseMilestoneSnapshot(
  c: CaseEntity,
  request: CaseRequestFacts,
  hearings: readonly UpcomingHearing[] = [],
): CaseMilestoneSnapshot {
  return {
    caseId: c.id,
    requestId: c.requestId,
    trackingNumber: request.trackingNumber,
    agencyId: c.agencyId,
    kind: c.kind,
    caseNumber: c.caseNumber,
    legalOwnerId: c.legalOwnerId,
    ruleSet: request.ruleSet,
    open: c.outcome === null,
    deadlines: [
      ...c.deadlines
        .filter((d) => d.remind)
        .map((d) => ({ key: d.key, legalKind: d.legalKind, dueOn: d.dueOn, provisional: d.provisional })),
      // A hearing is a day to attend, not a deadline to miss: reminders before and on it, no overdue notice.
      ...hearings.map((h) => ({
        key: `hearing:${h.id}`,
        legalKind: 'hearing',
        dueOn: h.on,
        provisional: false,
        reminders: HEARING_REMINDERS,
        overdue: false,
        ...(h.remindAt ? { sameDayAt: h.remindAt.toISOString() } : {}),
      })),
    ],
  };
}

/** The case's hearings from today on (civil dates in the agency's zone); past ones need no reminder. */
export async function upcomingHearings(
  manager: EntityManager,
  c: Pick<CaseEntity, 'id' | 'agencyId'>,
  now: Date,
): Promise<UpcomingHearing[]> {
  const rows: Array<{ id: string; on: string; held_at: Date; timezone: string; reminder_hour: number }> =
    await manager.query(
      `SELECT h.id, to_char(h.held_at AT TIME ZONE a.timezone, 'YYYY-MM-DD') AS on, h.held_at, a.timezone,
              a.reminder_hour
         FROM case_hearings h JOIN agencies a ON a.id = $2
        WHERE h.case_id = $1
          AND (h.held_at AT TIME ZONE a.timezone)::date >= ($3::timestamptz AT TIME ZONE a.timezone)::date
        ORDER BY h.held_at, h.id`,
      [c.id, c.agencyId, now.toISOString()],
    );
  return rows.map((r) => ({
    id: r.id,
    on: r.on,
    remindAt: hearingDayReminderAt(new Date(r.held_at), r.timezone, Number(r.reminder_hour)),
  }));
}

/** In the caller's transaction: plan (or cancel) the case's reminder milestones from its deadlines and hearings. */
export async function syncCaseMilestones(
  manager: EntityManager,
  sync: MilestoneSync,
  c: CaseEntity,
  request: CaseRequestFacts,
  now: Date,
): Promise<void> {
  if (!sync.syncCase) return;
  const hearings = c.outcome === null ? await upcomingHearings(manager, c, now) : [];
  await sync.syncCase(manager, caseMilestoneSnapshot(c, request, hearings), now);
}
