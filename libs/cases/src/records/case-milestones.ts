import type { EntityManager } from 'typeorm';
import type { CaseMilestoneSnapshot, MilestoneSync } from '@disclose/milestones';
import type { CaseRequestFacts } from '../access/case-access';
import type { CaseEntity } from '../entities';

export function caseMilestoneSnapshot(c: CaseEntity, request: CaseRequestFacts): CaseMilestoneSnapshot {
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
    deadlines: c.deadlines
      .filter((d) => d.remind)
      .map((d) => ({ key: d.key, legalKind: d.legalKind, dueOn: d.dueOn, provisional: d.provisional })),
  };
}

/** In the caller's transaction: plan (or cancel) the case's reminder milestones from its deadlines. */
export async function syncCaseMilestones(
  manager: EntityManager,
  sync: MilestoneSync,
  c: CaseEntity,
  request: CaseRequestFacts,
  now: Date,
): Promise<void> {
  await sync.syncCase?.(manager, caseMilestoneSnapshot(c, request), now);
}
