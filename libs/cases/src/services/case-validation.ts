import type { EntityManager } from 'typeorm';
import type { FieldMessage } from '@disclose/domain';
import type { AgencyDirectory, AuthUser } from '@disclose/identity';
import type { CaseRequestFacts } from '../access/case-access';
import { kindsForRuleSet } from '../deadlines/case-deadlines';
import { CaseEntity } from '../entities';
import type { CreateCaseInput } from '../records/case-inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks what a new case links to: its kind exists under the request's rule set; a lawsuit after
 * reconsideration (行政诉讼法 Art. 45) links to a reconsideration of the same request, other kinds link to
 * nothing; the legal owner is legal staff (or admin) of an agency the actor sees. Returns field messages.
 */
export async function validateCaseLinks(
  manager: EntityManager,
  agencies: AgencyDirectory,
  actor: AuthUser,
  request: CaseRequestFacts,
  input: CreateCaseInput,
): Promise<FieldMessage[]> {
  const problems: FieldMessage[] = [];
  if (!kindsForRuleSet(request.ruleSet).includes(input.kind)) {
    problems.push({
      field: 'kind',
      code: 'not_available_for_rule_set',
      params: { ruleSet: request.ruleSet },
    });
  }
  if (input.kind === 'litigation_after_reconsideration') {
    const parent =
      input.parentCaseId && UUID.test(input.parentCaseId)
        ? await manager.findOneBy(CaseEntity, { id: input.parentCaseId })
        : null;
    if (!input.parentCaseId) problems.push({ field: 'parentCaseId', code: 'required' });
    else if (!parent || parent.requestId !== request.id || parent.kind !== 'reconsideration') {
      problems.push({ field: 'parentCaseId', code: 'must_be_reconsideration_of_same_request' });
    }
  } else if (input.parentCaseId) {
    problems.push({ field: 'parentCaseId', code: 'only_for_litigation_after_reconsideration' });
  }
  problems.push(...(await validateLegalOwner(manager, agencies, actor, input.legalOwnerId)));
  problems.push(...datesInOrder(input));
  return problems;
}

/** The person in charge must be legal staff or an admin of an agency the actor sees. */
export async function validateLegalOwner(
  manager: EntityManager,
  agencies: AgencyDirectory,
  actor: AuthUser,
  legalOwnerId: string | null | undefined,
): Promise<FieldMessage[]> {
  if (!legalOwnerId) return [];
  const rows: { role: string; agency_id: string | null }[] = UUID.test(legalOwnerId)
    ? await manager.query(`SELECT role, agency_id FROM users WHERE id = $1 AND disabled_at IS NULL`, [
        legalOwnerId,
      ])
    : [];
  const owner = rows[0];
  const visible = await agencies.visibleAgencyIds(actor);
  if (
    !owner ||
    !['legal', 'admin'].includes(owner.role) ||
    !owner.agency_id ||
    !visible.includes(owner.agency_id)
  ) {
    return [{ field: 'legalOwnerId', code: 'must_be_legal_staff_of_agency' }];
  }
  return [];
}

/** Acceptance, service and the decision cannot come before the filing. */
export function datesInOrder(c: {
  filedOn?: string | null;
  acceptedOn?: string | null;
  servedOn?: string | null;
  decisionReceivedOn?: string | null;
}): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (!c.filedOn) problems.push({ field: 'filedOn', code: 'required' });
  for (const field of ['acceptedOn', 'servedOn', 'decisionReceivedOn'] as const) {
    const value = c[field];
    if (value && c.filedOn && value < c.filedOn) problems.push({ field, code: 'not_before_filed_on' });
  }
  return problems;
}
