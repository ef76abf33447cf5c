import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { CalendarOverrides } from '@disclose/deadlines';
import type { AgencyInfo } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { CalendarDependents, type CalendarDependent, type DependentDeadlineChange } from '@disclose/requests';
import type { CaseRequestFacts } from '../access/case-access';
import { CASES_CLOCK, type CasesClock } from '../cases.tokens';
import { CaseEntity } from '../entities';
import { appendCaseEvent, deadlinesOf } from '../records/case-records';
import { syncCaseMilestones } from '../records/case-milestones';

/**
 * When an agency loads calendar overrides, its open cases' deadlines are recomputed in the same transaction
 * as its open requests (CalendarOverridesService calls every registered CalendarDependent), and their
 * reminder milestones re-planned; a case whose deadlines move gets a 'deadlines_recomputed' event and a new
 * version. Closed cases keep the deadlines they were decided under.
 */
@Injectable()
export class CaseCalendarService implements CalendarDependent, OnModuleInit {
  constructor(
    private readonly dependents: CalendarDependents,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  onModuleInit(): void {
    this.dependents.register(this);
  }

  async recomputeForCalendar(
    m: EntityManager,
    agency: AgencyInfo,
    calendar: CalendarOverrides,
    actorId: string | null,
    write: boolean,
  ): Promise<DependentDeadlineChange[]> {
    const open = await m.find(CaseEntity, {
      where: { agencyId: agency.id, outcome: IsNull() },
      order: { id: 'ASC' },
      ...(write ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (open.length === 0) return [];
    const requests = await requestFacts(m, [...new Set(open.map((c) => c.requestId))]);
    // A lawsuit after reconsideration counts from its parent's decision deadline: parents first, and the
    // parent as just recomputed (not as stored) when it is open too.
    const ordered = [...open].sort((a, b) => Number(!!a.parentCaseId) - Number(!!b.parentCaseId));
    const fresh = new Map<string, CaseEntity>();
    const changes: DependentDeadlineChange[] = [];
    const now = this.clock.now();
    for (const c of ordered) {
      const request = requests.get(c.requestId);
      if (!request) continue;
      const parent = c.parentCaseId ? (fresh.get(c.parentCaseId) ?? undefined) : null;
      const deadlines = await deadlinesOf(m, c, request, { calendar, parent });
      const moved = movedDeadlines(c, deadlines, request);
      changes.push(...moved);
      const next = Object.assign(new CaseEntity(), c, { deadlines });
      fresh.set(c.id, next);
      if (!write) continue;
      if (JSON.stringify(deadlines) !== JSON.stringify(c.deadlines)) {
        await m
          .createQueryBuilder()
          .update(CaseEntity)
          .set({
            deadlines,
            ...(moved.length > 0 ? { version: () => 'version + 1' } : {}),
            updatedAt: () => 'now()',
          })
          .where('id = :id', { id: c.id })
          .execute();
      }
      if (moved.length > 0)
        await appendCaseEvent(m, c.id, 'deadlines_recomputed', actorId, {
          reason: 'calendar_overrides',
          changes: moved.map(({ key, from, to }) => ({ key, from, to })),
        });
      // Reminders follow the deadlines (and hearing reminders count working days): re-plan every open case.
      await syncCaseMilestones(m, this.milestones, next, request, now);
    }
    return changes;
  }
}

/** Each deadline whose day changes (or that appears or disappears) with the new computation. */
function movedDeadlines(
  c: CaseEntity,
  deadlines: CaseEntity['deadlines'],
  request: CaseRequestFacts,
): DependentDeadlineChange[] {
  const before = new Map(c.deadlines.map((d) => [d.key, d.dueOn]));
  const after = new Map(deadlines.map((d) => [d.key, d.dueOn]));
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => ({
      subject: 'case',
      id: c.id,
      requestId: c.requestId,
      trackingNumber: request.trackingNumber,
      key,
      from: before.get(key) ?? null,
      to: after.get(key) ?? null,
    }));
}

/** The requests of the cases, as the cases read them (what is used here never changes: no lock). */
async function requestFacts(m: EntityManager, ids: string[]): Promise<Map<string, CaseRequestFacts>> {
  const rows: CaseRequestFacts[] = await m.query(
    `SELECT id, tracking_number AS "trackingNumber", agency_id AS "agencyId", applicant_id AS "applicantId",
            status, rule_set AS "ruleSet", decided_on::text AS "decidedOn", due_on::text AS "dueOn"
       FROM requests WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
