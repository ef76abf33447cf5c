import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError } from '@disclose/domain';
import type { AgencyDirectory, AuthUser } from '@disclose/identity';
import { CaseEntity } from '../entities';

/** The request a case is about, as the cases need it (read-only: requests are written by their service). */
export interface CaseRequestFacts {
  id: string;
  trackingNumber: string;
  agencyId: string;
  applicantId: string;
  status: string;
  ruleSet: string;
  decidedOn: string | null;
  dueOn: string | null;
}

/** Roles that record and change cases (issue 6); everyone else reads at most. */
export const CASE_WRITER_ROLES = ['legal', 'admin'] as const;

export function canWriteCases(user: AuthUser): boolean {
  return (CASE_WRITER_ROLES as readonly string[]).includes(user.role);
}

/** Throws 403 unless the caller may record cases (checked after visibility, so foreign ids stay 404). */
export function assertCaseWriter(user: AuthUser, action: string): void {
  if (!canWriteCases(user)) throw new ForbiddenError(action);
}

/** The request, or 404 when it does not exist or the caller may not see it (DESIGN.md decision 7). */
export async function loadVisibleRequest(
  manager: EntityManager,
  agencies: AgencyDirectory,
  user: AuthUser,
  requestId: string,
  lock = false,
): Promise<CaseRequestFacts> {
  const rows: CaseRequestFacts[] = await manager.query(
    `SELECT id, tracking_number AS "trackingNumber", agency_id AS "agencyId", applicant_id AS "applicantId",
            status, rule_set AS "ruleSet", decided_on::text AS "decidedOn", due_on::text AS "dueOn"
       FROM requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [requestId],
  );
  const request = rows[0];
  if (!request || !(await mayReadAgencyOrOwn(agencies, user, request.agencyId, request.applicantId))) {
    throw new NotFoundError('REQUEST.NOT_FOUND', requestId);
  }
  return request;
}

/** Applicants read what concerns their own requests; staff the agencies they see (theirs and below). */
export async function mayReadAgencyOrOwn(
  agencies: AgencyDirectory,
  user: AuthUser,
  agencyId: string,
  applicantId: string,
): Promise<boolean> {
  if (user.role === 'applicant') return applicantId === user.id;
  return (await agencies.visibleAgencyIds(user)).includes(agencyId);
}

/** Today's civil date in a time zone (deadlines are civil dates in the agency's zone, DESIGN.md decision 4). */
export function civilDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The case and its request, or 404 when either is unknown or not visible to the caller. */
export async function loadVisibleCase(
  manager: EntityManager,
  agencies: AgencyDirectory,
  user: AuthUser,
  caseId: string,
  lock = false,
): Promise<{ entity: CaseEntity; request: CaseRequestFacts }> {
  const entity = await manager.findOne(CaseEntity, {
    where: { id: caseId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!entity) throw new NotFoundError('CASE.NOT_FOUND', caseId);
  try {
    return { entity, request: await loadVisibleRequest(manager, agencies, user, entity.requestId) };
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('CASE.NOT_FOUND', caseId);
    throw error;
  }
}
