import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { assertCaseWriter, loadVisibleCase } from '../access/case-access';
import { CASES_CLOCK, type CasesClock } from '../cases.tokens';
import { CaseEntity, CaseHearingEntity } from '../entities';
import type { AddHearingInput, UpdateCaseInput } from '../records/case-inputs';
import { appendCaseEvent, assertUuid, deadlinesOf } from '../records/case-records';
import { syncCaseMilestones } from '../records/case-milestones';
import { datesInOrder, validateLegalOwner } from './case-validation';

/** Fields whose change is logged without its value (the applicant may read the trail's types). */
const PRIVATE_FIELDS = new Set(['internalNotes', 'counsel']);

/** Legal staff complete a case as it goes (acceptance, service, the decision's receipt...) and log hearings. */
@Injectable()
export class UpdateCaseService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  /** Changes fields, recomputes the deadlines and the milestones; compare-and-set on the version. */
  async update(actor: AuthUser, caseId: string, input: UpdateCaseInput): Promise<CaseEntity> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      const { entity, request } = await loadVisibleCase(manager, this.agencies, actor, caseId, true);
      assertCaseWriter(actor, 'update_case');
      if (input.version !== undefined && input.version !== entity.version) {
        throw new VersionConflictError(caseId, input.version);
      }
      const { version: _version, ...fields } = input;
      const changed = Object.keys(fields).filter(
        (k) => fields[k as keyof typeof fields] !== undefined,
      ) as (keyof typeof fields)[];
      const next = Object.assign(new CaseEntity(), entity);
      for (const k of changed)
        (next as unknown as Record<string, unknown>)[k] =
          fields[k] ?? (k === 'decisionExtensionDays' ? 0 : null);
      const problems = [
        ...datesInOrder(next),
        ...(changed.includes('legalOwnerId')
          ? await validateLegalOwner(manager, this.agencies, actor, next.legalOwnerId)
          : []),
      ];
      if (problems.length > 0) throw new ValidationError(problems);
      next.deadlines = await deadlinesOf(manager, next, request);
      const result = await manager
        .createQueryBuilder()
        .update(CaseEntity)
        .set({
          ...pick(next, changed),
          deadlines: next.deadlines,
          version: () => 'version + 1',
          updatedAt: () => 'now()',
        })
        .where('id = :id AND version = :version', { id: caseId, version: entity.version })
        .execute();
      if (result.affected === 0) throw new VersionConflictError(caseId, entity.version);
      await appendCaseEvent(manager, caseId, 'updated', actor.id, {
        fields: changed,
        values: Object.fromEntries(
          changed.filter((k) => !PRIVATE_FIELDS.has(k)).map((k) => [k, next[k as keyof CaseEntity]]),
        ),
      });
      const updated = await manager.findOneByOrFail(CaseEntity, { id: caseId });
      await syncCaseMilestones(manager, this.milestones, updated, request, this.clock.now());
      return updated;
    });
  }

  /**
   * Logs a hearing (date, place, notes) on a visible, open case; the legal staff member in charge is reminded
   * 5 and 1 working days before and on the day (milestones, in the same transaction).
   */
  async addHearing(actor: AuthUser, caseId: string, input: AddHearingInput): Promise<CaseHearingEntity> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      const { entity, request } = await loadVisibleCase(manager, this.agencies, actor, caseId, true);
      assertCaseWriter(actor, 'add_hearing');
      assertOpenForHearings(entity);
      const hearing = await manager.save(
        manager.create(CaseHearingEntity, {
          caseId,
          heldAt: new Date(input.heldAt),
          place: input.place,
          notes: input.notes ?? null,
          createdBy: actor.id,
        }),
      );
      await appendCaseEvent(manager, caseId, 'hearing_added', actor.id, {
        hearingId: hearing.id,
        heldAt: input.heldAt,
      });
      await syncCaseMilestones(manager, this.milestones, entity, request, this.clock.now());
      return hearing;
    });
  }

  /** Reschedules or corrects a hearing; its reminders move with it. */
  async updateHearing(
    actor: AuthUser,
    caseId: string,
    hearingId: string,
    input: Partial<AddHearingInput>,
  ): Promise<CaseHearingEntity> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    assertUuid(hearingId, 'HEARING.NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      const { entity, request } = await loadVisibleCase(manager, this.agencies, actor, caseId, true);
      assertCaseWriter(actor, 'update_hearing');
      assertOpenForHearings(entity);
      const hearing = await manager.findOneBy(CaseHearingEntity, { id: hearingId, caseId });
      if (!hearing) throw new NotFoundError('HEARING.NOT_FOUND', hearingId);
      if (input.heldAt !== undefined) hearing.heldAt = new Date(input.heldAt);
      if (input.place !== undefined) hearing.place = input.place;
      if (input.notes !== undefined) hearing.notes = input.notes ?? null;
      const saved = await manager.save(hearing);
      await appendCaseEvent(manager, caseId, 'hearing_updated', actor.id, {
        hearingId,
        fields: Object.keys(input).filter((k) => input[k as keyof AddHearingInput] !== undefined),
        heldAt: saved.heldAt.toISOString(),
      });
      await syncCaseMilestones(manager, this.milestones, entity, request, this.clock.now());
      return saved;
    });
  }

  /** Removes a hearing that will not take place (adjourned sine die, logged by mistake); its reminders are cancelled. */
  async removeHearing(actor: AuthUser, caseId: string, hearingId: string): Promise<void> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    assertUuid(hearingId, 'HEARING.NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      const { entity, request } = await loadVisibleCase(manager, this.agencies, actor, caseId, true);
      assertCaseWriter(actor, 'remove_hearing');
      assertOpenForHearings(entity);
      const result = await manager.delete(CaseHearingEntity, { id: hearingId, caseId });
      if (!result.affected) throw new NotFoundError('HEARING.NOT_FOUND', hearingId);
      await appendCaseEvent(manager, caseId, 'hearing_removed', actor.id, { hearingId });
      await syncCaseMilestones(manager, this.milestones, entity, request, this.clock.now());
    });
  }
}

/** Hearings belong to the proceedings: once the case has its outcome they are history. */
function assertOpenForHearings(c: CaseEntity): void {
  if (c.outcome !== null)
    throw new InvalidTransitionError('decided', 'change_hearing', 'the case already has an outcome');
}

function pick(c: CaseEntity, keys: readonly string[]): Partial<CaseEntity> {
  return Object.fromEntries(keys.map((k) => [k, c[k as keyof CaseEntity]])) as Partial<CaseEntity>;
}
