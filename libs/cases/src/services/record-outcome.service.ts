import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CASE_DISPOSITIONS,
  InvalidTransitionError,
  ValidationError,
  VersionConflictError,
  caseReportColumn,
  isCnReportedCaseKind,
  reopensRequest,
  type CaseKind,
  type FieldMessage,
} from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { assertCaseWriter, loadVisibleCase } from '../access/case-access';
import { CASES_CLOCK, type CasesClock } from '../cases.tokens';
import { CaseEntity } from '../entities';
import type { RecordOutcomeInput } from '../records/case-inputs';
import { appendCaseEvent, assertUuid } from '../records/case-records';
import { syncCaseMilestones } from '../records/case-milestones';
import { REQUEST_REOPENER, type RequestReopener } from '../records/request-reopener';

/**
 * Ends a case with its disposition; `outcome` is the table 3 column (cn-annual-report.md B.5). A disposition
 * that sends the request back (责令履行 Art. 66, 撤销并责令重新答复 Art. 64, a US/UK reversal) reopens it
 * through the requests library's transition runner with the reply date the decision fixed (else the rule
 * set's period from the decision). ONE transaction: the outcome, the reopen, both events, the request's
 * deadline and both sets of milestones commit together or not at all.
 */
@Injectable()
export class RecordOutcomeService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
    @Inject(REQUEST_REOPENER) private readonly reopener: RequestReopener,
  ) {}

  async record(actor: AuthUser, caseId: string, input: RecordOutcomeInput): Promise<CaseEntity> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      // The case row is locked first, then (by the runner) its request: no other path locks them the other way.
      const { entity, request } = await loadVisibleCase(manager, this.agencies, actor, caseId, true);
      assertCaseWriter(actor, 'record_outcome');
      assertOpen(entity);
      const problems = outcomeProblems(entity, input);
      if (problems.length > 0) throw new ValidationError(problems);
      const reopened = reopensRequest(input.disposition)
        ? await this.reopener.reopen(manager, actor, request.id, {
            caseId,
            disposition: input.disposition,
            decidedOn: input.decidedOn,
            orderedDueOn: input.newReplyDueOn ?? null,
          })
        : null;
      const newReplyDueOn = reopened ? (reopened.dueOn ?? input.newReplyDueOn ?? null) : null;
      const result = await manager
        .createQueryBuilder()
        .update(CaseEntity)
        .set({
          disposition: input.disposition,
          outcome: caseReportColumn(input.disposition),
          decidedOn: input.decidedOn,
          outcomeNotes: input.notes ?? null,
          reopenedDueOn: newReplyDueOn,
          version: () => 'version + 1',
          updatedAt: () => 'now()',
        })
        .where('id = :id AND version = :version AND outcome IS NULL', { id: caseId, version: entity.version })
        .execute();
      if (result.affected === 0) throw new VersionConflictError(caseId, entity.version);
      await appendCaseEvent(manager, caseId, 'decided', actor.id, {
        disposition: input.disposition,
        outcome: caseReportColumn(input.disposition),
        decidedOn: input.decidedOn,
        reopenedDueOn: newReplyDueOn,
        ...(input.newReplyDueOn ? { orderedDueOn: input.newReplyDueOn } : {}),
      });
      const decided = await manager.findOneByOrFail(CaseEntity, { id: caseId });
      await syncCaseMilestones(manager, this.milestones, decided, request, this.clock.now());
      return decided;
    });
  }
}

function assertOpen(c: CaseEntity): void {
  if (c.outcome !== null)
    throw new InvalidTransitionError('decided', 'record_outcome', 'the case already has an outcome');
}

/** The disposition must belong to the case's legal system; dates in order; a new reply date only when reopening. */
function outcomeProblems(c: CaseEntity, input: RecordOutcomeInput): FieldMessage[] {
  const problems: FieldMessage[] = [];
  const jurisdiction = isCnReportedCaseKind(c.kind as CaseKind) ? 'cn' : 'us_uk';
  const def = CASE_DISPOSITIONS.find((d) => d.code === input.disposition);
  if (!def || def.jurisdiction !== jurisdiction) {
    problems.push({ field: 'disposition', code: 'not_for_case_kind', params: { kind: c.kind } });
  }
  if (input.decidedOn < c.filedOn) problems.push({ field: 'decidedOn', code: 'not_before_filed_on' });
  if (input.newReplyDueOn) {
    if (def && !def.reopensRequest)
      problems.push({ field: 'newReplyDueOn', code: 'only_when_request_reopened' });
    else if (input.newReplyDueOn <= input.decidedOn)
      problems.push({ field: 'newReplyDueOn', code: 'after_decided_on' });
  }
  return problems;
}
