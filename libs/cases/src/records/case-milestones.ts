import type { EntityManager } from 'typeorm';
import type { MilestoneSync } from '@disclose/milestones';
import type { CaseRequestFacts } from '../access/case-access';
import type { CaseEntity } from '../entities';

/** What a case's milestones depend on: its deadlines that need reminders and the legal staff member in charge. */
export interface CaseMilestoneSnapshot {
  caseId: string;
  requestId: string;
  trackingNumber: string;
  agencyId: string;
  kind: string;
  caseNumber: string | null;
  /** Reminders go to this user (5 and 2 working days before, the day before, overdue). */
  legalOwnerId: string | null;
  ruleSet: string;
  /** Open = no outcome yet: reminders only matter while open. */
  open: boolean;
  deadlines: Array<{ key: string; legalKind: string; dueOn: string; provisional: boolean }>;
}

/** The milestones library's case member (MilestoneSync.syncCase), typed here for the call below. */
interface CaseMilestoneSync {
  syncCase(manager: EntityManager, snapshot: CaseMilestoneSnapshot, now: Date): Promise<void>;
}

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
  const withCases = sync as MilestoneSync & Partial<CaseMilestoneSync>;
  await withCases.syncCase?.(manager, caseMilestoneSnapshot(c, request), now);
}
