import type { EntityManager } from 'typeorm';
import type { CalendarOverrides } from '@disclose/deadlines';
import { NotFoundError, type CaseKind } from '@disclose/domain';
import type { CaseRequestFacts } from '../access/case-access';
import { computeCaseDeadlines, type CaseDeadline } from '../deadlines/case-deadlines';
import { CaseEntity, CaseEventEntity } from '../entities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can only be unknown: answer 404 rather than let PostgreSQL reject the cast. */
export function assertUuid(
  id: string,
  code: 'CASE.NOT_FOUND' | 'REQUEST.NOT_FOUND' | 'DOCUMENT.NOT_FOUND' | 'HEARING.NOT_FOUND',
): void {
  if (!UUID.test(id)) throw new NotFoundError(code, id);
}

/** The agency's calendar overrides (a one-off closure, a new State Council notice), as the engine takes them. */
export async function agencyCalendar(manager: EntityManager, agencyId: string): Promise<CalendarOverrides> {
  const rows: { date: string; kind: string }[] = await manager.query(
    `SELECT date::text AS date, kind FROM calendar_overrides WHERE agency_id = $1 ORDER BY date`,
    [agencyId],
  );
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
  };
}

/** The agency's setting for CN working-day periods (cn.md settings, `cn_count_makeup_days`). */
async function countsMakeupWorkdays(manager: EntityManager, agencyId: string): Promise<boolean> {
  const rows: { count: boolean }[] = await manager.query(
    `SELECT count_makeup_workdays AS count FROM agencies WHERE id = $1`,
    [agencyId],
  );
  return rows[0]?.count ?? true;
}

/**
 * The case's deadlines from its dates (and its parent reconsideration's, for a lawsuit after it). `over`
 * replaces what is read from the database: the calendar (a preview of new overrides) and the parent (whose
 * deadlines were just recomputed in the same pass).
 */
export async function deadlinesOf(
  manager: EntityManager,
  c: CaseEntity,
  request: Pick<CaseRequestFacts, 'ruleSet' | 'agencyId'>,
  over: { calendar?: CalendarOverrides; parent?: CaseEntity | null } = {},
): Promise<CaseDeadline[]> {
  const parent =
    over.parent !== undefined
      ? over.parent
      : c.parentCaseId
        ? await manager.findOneBy(CaseEntity, { id: c.parentCaseId })
        : null;
  return computeCaseDeadlines({
    kind: c.kind as CaseKind,
    ruleSet: request.ruleSet,
    replyOn: c.replyOn,
    filedOn: c.filedOn,
    acceptedOn: c.acceptedOn,
    servedOn: c.servedOn,
    decisionReceivedOn: c.decisionReceivedOn,
    decisionExtensionDays: c.decisionExtensionDays,
    parentDecisionReceivedOn: parent?.decisionReceivedOn ?? null,
    parentDecisionDueOn: parent?.deadlines.find((d) => d.key === 'decision_due')?.dueOn ?? null,
    calendar: over.calendar ?? (await agencyCalendar(manager, request.agencyId)),
    countMakeupWorkdays: await countsMakeupWorkdays(manager, request.agencyId),
  });
}

/** Appends one row to the case's audit trail (the table refuses updates and deletes). */
export async function appendCaseEvent(
  manager: EntityManager,
  caseId: string,
  type: string,
  actorId: string | null,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await manager.insert(CaseEventEntity, { caseId, type, actorId, payload: payload as never });
}
