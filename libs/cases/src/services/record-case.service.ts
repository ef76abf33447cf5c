import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FilingWindowClosedError,
  ForbiddenError,
  InvalidTransitionError,
  ValidationError,
} from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import {
  assertCaseWriter,
  civilDate,
  loadVisibleRequest,
  type CaseRequestFacts,
} from '../access/case-access';
import { CASES_CLOCK, type CasesClock } from '../cases.tokens';
import { isLate, kindsForRuleSet } from '../deadlines/case-deadlines';
import { challengeWindows } from '../deadlines/challenge-windows';
import { CaseEntity } from '../entities';
import type { ApplicantFilingInput, CreateCaseInput } from '../records/case-inputs';
import { agencyCalendar, appendCaseEvent, assertUuid, deadlinesOf } from '../records/case-records';
import { syncCaseMilestones } from '../records/case-milestones';
import { validateCaseLinks } from './case-validation';

/** Records a new case: by legal staff (every kind), or online by the applicant (UK review, US appeal). */
@Injectable()
export class RecordCaseService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  /** Legal staff log a case on a visible request (404 otherwise); other roles get 403. */
  async create(actor: AuthUser, input: CreateCaseInput): Promise<CaseEntity> {
    assertUuid(input.requestId, 'REQUEST.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      const request = await loadVisibleRequest(manager, this.agencies, actor, input.requestId);
      assertCaseWriter(actor, 'record_case');
      const problems = await validateCaseLinks(manager, this.agencies, actor, request, input);
      if (problems.length > 0) throw new ValidationError(problems);
      return this.insert(manager, actor, request, {
        ...input,
        legalOwnerId: input.legalOwnerId ?? (actor.role === 'legal' ? actor.id : null),
      });
    });
  }

  /**
   * The applicant asks for an internal review (UK s.45 Code Part 5 / FOISA s.20) or appeals (US
   * 552(a)(6)(A)(i)) online, on their own decided request; filed today, in the agency's time zone.
   */
  async fileByApplicant(
    actor: AuthUser,
    requestId: string,
    input: ApplicantFilingInput,
  ): Promise<CaseEntity> {
    assertUuid(requestId, 'REQUEST.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      // Locked: a double submission waits here and then finds the first one.
      const request = await loadVisibleRequest(manager, this.agencies, actor, requestId, true);
      if (actor.role !== 'applicant') throw new ForbiddenError('file_case_online');
      if (!kindsForRuleSet(request.ruleSet).includes(input.kind)) {
        throw new ValidationError([
          { field: 'kind', code: 'not_available_for_rule_set', params: { ruleSet: request.ruleSet } },
        ]);
      }
      if (request.status !== 'decided' && request.status !== 'closed') {
        throw new InvalidTransitionError(
          request.status,
          'file_case',
          'the request has no reply to challenge yet',
        );
      }
      // One review / appeal per reply: a reply given again after a reopen can be challenged again.
      const [already]: Array<{ id: string }> = await manager.query(
        `SELECT id FROM cases WHERE request_id = $1 AND kind = $2 AND reply_on IS NOT DISTINCT FROM $3::date LIMIT 1`,
        [requestId, input.kind, request.decidedOn],
      );
      if (already) {
        throw new InvalidTransitionError(
          request.status,
          'file_case',
          `this reply is already under ${input.kind === 'us_appeal' ? 'appeal' : 'internal review'} (case ${already.id})`,
        );
      }
      const agency = await this.agencies.getById(request.agencyId);
      const today = civilDate(this.clock.now(), agency?.timezone ?? 'UTC');
      // Online, the window is the law's: after its last day the applicant is told so (422), nothing is
      // written. A late application on paper is for legal staff to weigh and record (flagged late).
      if (request.decidedOn) {
        const calendar = await agencyCalendar(manager, request.agencyId);
        const window = challengeWindows(request.ruleSet, request.decidedOn, today, calendar).find(
          (w) => w.caseKind === input.kind,
        );
        if (window && !window.open) throw new FilingWindowClosedError(input.kind, window.dueOn);
      }
      return this.insert(manager, actor, request, {
        requestId,
        kind: input.kind,
        grounds: input.grounds,
        filedOn: today,
      });
    });
  }

  private async insert(
    manager: EntityManager,
    actor: AuthUser,
    request: CaseRequestFacts,
    input: CreateCaseInput,
  ): Promise<CaseEntity> {
    const draft = manager.create(CaseEntity, {
      requestId: request.id,
      agencyId: request.agencyId,
      kind: input.kind,
      parentCaseId: input.parentCaseId ?? null,
      body: input.body ?? null,
      caseNumber: input.caseNumber ?? null,
      replyOn: request.decidedOn,
      filedOn: input.filedOn,
      acceptedOn: input.acceptedOn ?? null,
      servedOn: input.servedOn ?? null,
      decisionReceivedOn: input.decisionReceivedOn ?? null,
      decisionExtensionDays: input.decisionExtensionDays ?? 0,
      parties: input.parties ?? null,
      counsel: input.counsel ?? null,
      legalOwnerId: input.legalOwnerId ?? null,
      internalNotes: input.internalNotes ?? null,
      grounds: input.grounds ?? null,
      filedBy: actor.id,
      disposition: null,
      outcome: null,
      decidedOn: null,
      outcomeNotes: null,
      reopenedDueOn: null,
      version: 1,
    });
    draft.deadlines = await deadlinesOf(manager, draft, request);
    const saved = await manager.save(CaseEntity, draft);
    const created = (await manager.findOneByOrFail(CaseEntity, { id: saved.id })) as CaseEntity;
    await appendCaseEvent(
      manager,
      created.id,
      actor.role === 'applicant' ? 'filed_online' : 'recorded',
      actor.id,
      {
        kind: created.kind,
        filedOn: created.filedOn,
        ...(isLate(created) ? { late: true } : {}),
      },
    );
    await syncCaseMilestones(manager, this.milestones, created, request, this.clock.now());
    return created;
  }
}
