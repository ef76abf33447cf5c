import type { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@disclose/domain';
import type { AgencyInfo } from '@disclose/identity';
import type { MilestoneSync } from '@disclose/milestones';
import { appendEvent, loadEvents } from '../lifecycle/event-log';
import { computeRequestDeadline, type AgencyCalendar } from '../lifecycle/request-deadline';
import { milestoneSnapshot, REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';

export interface DueDateChange {
  id: string;
  trackingNumber: string;
  from: string | null;
  to: string | null;
}

/**
 * Recomputes every open request of the agency with `calendar` (rows locked when writing). Writing: the
 * deadline columns are refreshed, and where the due date moved a 'deadline_recomputed' event is chained,
 * the version bumped and the milestones re-synced. Returns the requests whose due date moves.
 */
export async function recomputeOpenRequests(
  m: EntityManager,
  milestones: MilestoneSync,
  agency: AgencyInfo,
  calendar: AgencyCalendar,
  actorId: string | null,
  write: boolean,
): Promise<DueDateChange[]> {
  const open: RequestRow[] = await m.query(
    `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.agency_id = $1 AND r.status = ANY($2) ORDER BY r.id ${write ? 'FOR UPDATE' : ''}`,
    [agency.id, OPEN_STATUSES],
  );
  const changed: DueDateChange[] = [];
  const now = new Date();
  for (const row of open) {
    const events = await loadEvents(m, row.id);
    const deadline = computeRequestDeadline(row.rule_set, row.received_on, events, calendar, agency);
    const moved = deadline.dueOn !== row.due_on;
    if (moved)
      changed.push({
        id: row.id,
        trackingNumber: row.tracking_number,
        from: row.due_on,
        to: deadline.dueOn,
      });
    if (!write) continue;
    if (moved) {
      const last = events[events.length - 1];
      await appendEvent(m, last ?? null, {
        requestId: row.id,
        type: 'deadline_recomputed',
        actorId,
        occurredAt: now,
        on: now.toISOString().slice(0, 10),
        payload: { from: row.due_on, to: deadline.dueOn, reason: 'calendar_overrides' },
      });
    }
    const [[updated]]: [RequestRow[]] = await m.query(
      `UPDATE requests r SET due_on = $2, provisional = $3, deadline_trace = $4, deadline_warnings = $5,
         version = version + $6, updated_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
      [
        row.id,
        deadline.dueOn,
        deadline.provisional,
        JSON.stringify(deadline.trace),
        JSON.stringify(deadline.warnings),
        moved ? 1 : 0,
      ],
    );
    if (moved) await milestones.syncRequest(m, milestoneSnapshot(updated), now);
  }
  return changed;
}
