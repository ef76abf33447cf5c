import type { EntityManager } from 'typeorm';
import { VersionConflictError, type RequestStatus } from '@disclose/domain';
import type { RequestDeadline } from './request-deadline';
import { REQUEST_COLUMNS, type RequestRow } from './request-row';

/** Compare-and-set on the version: zero rows means someone else won the race (409). */
export async function saveTransition(
  manager: EntityManager,
  request: RequestRow,
  status: RequestStatus,
  deadline: RequestDeadline,
  extra: Record<string, unknown>,
): Promise<RequestRow> {
  const values: unknown[] = [
    request.id,
    request.version,
    status,
    deadline.dueOn,
    deadline.provisional,
    deadline.clockStatus,
    JSON.stringify(deadline.trace),
    JSON.stringify(deadline.warnings),
    deadline.clarificationNoticeDueOn,
  ];
  const sets = Object.entries(extra).map(([column, value]) => {
    values.push(value);
    return `${column} = $${values.length}`;
  });
  const rows: RequestRow[] = await manager.query(
    `UPDATE requests r SET status = $3, due_on = $4, provisional = $5, clock_status = $6,
       deadline_trace = $7, deadline_warnings = $8, clarification_notice_due_on = $9,
       ${sets.map((s) => `${s}, `).join('')}version = version + 1, updated_at = now()
     WHERE r.id = $1 AND r.version = $2 RETURNING ${REQUEST_COLUMNS}`,
    values,
  );
  // TypeORM returns [rows, count] for UPDATE ... RETURNING.
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as RequestRow[];
  if (updated.length === 0) throw new VersionConflictError(request.id, request.version);
  return updated[0];
}
