import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import type { RuleSetId } from '@disclose/deadlines';
import { OUTBOX, type Outbox } from '@disclose/mail';
import { QUEUES, QueueHandOff } from '@disclose/queues';
import type {
  ApplicantNoticeKind,
  CaseMilestoneSnapshot,
  MilestoneSync,
  NoticeRecipient,
  RequestMilestoneSnapshot,
  RequestSyncHints,
} from './contract';
import { loadAgencyTiming } from './agency-timing';
import { specKey } from './planning/milestone-kinds';
import { planRequestMilestones } from './planning/plan-request-milestones';
import { planCaseMilestones } from './planning/plan-case-milestones';
import { noticeEmail } from './notices/applicant-notice';
import { fireJob } from './scheduling/milestone-jobs';

interface ExistingRow {
  id: string;
  kind: string;
  due_at: Date;
  status: string;
  generation: number;
  version: string | null;
}

/**
 * MILESTONE_SYNC: keeps a request's milestone rows equal to the plan, inside the caller's transaction.
 * New milestones due within MILESTONE_HORIZON_HOURS are put on the milestones queue as delayed fire jobs
 * once that transaction commits (same job ids as the reconciler's, so either may come first). Where the
 * queue is missing (the CLI) or Redis does not answer, the worker's reconciler schedules them: at its start
 * and every few minutes (`disclose schedules register`).
 */
@Injectable()
export class MilestonesService implements MilestoneSync {
  private readonly logger = new Logger(MilestonesService.name);
  private readonly handOff: QueueHandOff | null;

  constructor(
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @InjectQueue(QUEUES.milestones) queue?: Queue,
  ) {
    this.handOff = queue
      ? new QueueHandOff(queue as never, (error, jobs) =>
          this.logger.warn(`${jobs} milestone jobs left to the reconciler: ${String(error)}`),
        )
      : null;
  }

  /** Resolves once every hand-off so far has reached the queue (or was left to the reconciler). */
  async handOffsSettled(): Promise<void> {
    await this.handOff?.settled();
  }

  async syncRequest(
    manager: EntityManager,
    snapshot: RequestMilestoneSnapshot,
    now: Date,
    hints: RequestSyncHints = {},
  ): Promise<void> {
    const agency = !snapshot.open
      ? null
      : hints.agency
        ? { ...hints.agency, ruleSet: hints.agency.ruleSet as RuleSetId }
        : await loadAgencyTiming(manager, snapshot.agencyId);
    const specs = agency ? planRequestMilestones(snapshot, agency, now) : [];
    await this.syncSubject(
      manager,
      'request',
      snapshot.requestId,
      specs,
      snapshot.dueOn ?? null,
      now,
      hints.isNew === true,
    );
  }

  async syncCase(manager: EntityManager, snapshot: CaseMilestoneSnapshot, now: Date): Promise<void> {
    const agency = snapshot.open ? await loadAgencyTiming(manager, snapshot.agencyId) : null;
    const specs = agency ? planCaseMilestones(snapshot, agency, now) : [];
    const version = snapshot.deadlines.map((d) => `${d.key}=${d.dueOn}`).join(',');
    await this.syncSubject(manager, 'case', snapshot.caseId, specs, version, now);
  }

  /**
   * Cancels the pending rows whose (kind, due_at) is no longer planned, inserts the missing ones, and
   * hands the near-term ones to the milestones queue after the commit. `version` identifies the deadline
   * the plan came from: a new one starts a new generation.
   */
  private async syncSubject(
    manager: EntityManager,
    subjectType: 'request' | 'case',
    subjectId: string,
    specs: ReadonlyArray<{ kind: string; dueAt: Date; recipients: string[]; payload: object }>,
    version: string | null,
    now: Date,
    isNew = false,
  ): Promise<void> {
    // FOR UPDATE: serialises with a firing job holding the same rows (it re-reads status under lock).
    // A subject inserted in this transaction has no rows yet: nothing to read.
    const existing: ExistingRow[] = isNew
      ? []
      : await manager.query(
          `SELECT id, kind, due_at, status, generation, payload->>'version' AS version
         FROM milestones WHERE subject_type = $1 AND subject_id = $2 AND status <> 'cancelled'
        ORDER BY created_at, id FOR UPDATE`,
          [subjectType, subjectId],
        );
    const wanted = new Set(specs.map((s) => specKey(s.kind, s.dueAt)));
    const have = new Set(existing.map((e) => specKey(e.kind, new Date(e.due_at))));
    const stale = existing.filter(
      (e) => e.status === 'pending' && !wanted.has(specKey(e.kind, new Date(e.due_at))),
    );
    if (stale.length > 0)
      await manager.query(`UPDATE milestones SET status = 'cancelled' WHERE id = ANY($1::uuid[])`, [
        stale.map((e) => e.id),
      ]);
    const fresh = specs.filter((s) => !have.has(specKey(s.kind, s.dueAt)));
    if (fresh.length === 0) return;
    const last = existing[existing.length - 1];
    const generation = !last ? 1 : last.version === version ? last.generation : last.generation + 1;
    const rows = fresh.map((s) => ({
      kind: s.kind,
      due_at: s.dueAt.toISOString(),
      recipients: s.recipients,
      payload: { ...s.payload, version },
    }));
    const inserted: Array<{ id: string; due_at: Date }> = await manager.query(
      `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload, generation)
       SELECT $1, $2, r.kind, r.due_at, r.recipients, r.payload, $3
         FROM json_to_recordset($4::json) AS r(kind text, due_at timestamptz, recipients jsonb, payload jsonb)
       ON CONFLICT (subject_type, subject_id, kind, due_at) WHERE status = 'pending' DO NOTHING
       RETURNING id, due_at`,
      [subjectType, subjectId, generation, JSON.stringify(rows)],
    );
    const horizon = now.getTime() + this.config.milestoneHorizonHours * 3_600_000;
    const near = inserted.filter((r) => new Date(r.due_at).getTime() <= horizon);
    if (near.length > 0 && this.handOff) {
      // Built at the commit: the delay counts from then. A milestone cancelled by a later transaction
      // before it fires is skipped by the firing service, which re-reads its row under lock.
      this.handOff.afterCommit(manager, () => {
        const nowMs = Date.now();
        return near.map((r) => fireJob(r.id, new Date(r.due_at), nowMs));
      });
    }
  }

  async noticeApplicant(
    manager: EntityManager,
    snapshot: RequestMilestoneSnapshot,
    kind: ApplicantNoticeKind,
    eventId: string,
    params: Record<string, unknown> = {},
    recipient?: NoticeRecipient,
  ): Promise<void> {
    const rows: NoticeRecipient[] = recipient
      ? [recipient]
      : await manager.query(`SELECT email, locale, name FROM users WHERE id = $1`, [snapshot.applicantId]);
    // A paper request's applicant may have no email: the notice goes out on paper, not through us.
    if (rows.length === 0 || !rows[0].email) return;
    const email = noticeEmail(snapshot, kind, eventId, params, rows[0], this.config.publicUrl);
    await this.outbox.enqueue(manager, [email]);
  }
}
