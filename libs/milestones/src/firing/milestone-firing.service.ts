import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { shiftWorkingDays, type RuleSetId } from '@disclose/deadlines';
import { OUTBOX, type Outbox, type OutboxEmail } from '@disclose/mail';
import type {
  AgencyTiming,
  MilestonePayload,
  RecipientRole,
  RequestMilestoneKind,
} from '../planning/milestone-kinds';
import { overdueOccurrences } from '../planning/plan-request-milestones';
import { caseMilestoneEmails } from './case-firing';
import { DIGESTED_KINDS, milestoneEmails } from './milestone-email';
import { resolveRecipientsMany } from './recipients';
import { stillMatters } from './still-matters';

export type FireOutcome = 'fired' | 'skipped' | 'not_pending' | 'not_due' | 'missing';
export interface FireResult {
  outcome: FireOutcome;
  emails: number;
  /** The next overdue escalation planned by this firing (the caller schedules it after commit). */
  next?: { id: string; dueAt: Date };
}

/** What a fire job did: every due milestone it fired or skipped, in batches, and its own milestone. */
export interface FireJobReport {
  /** The outcome for the job's own milestone ('fired' also when a batch of this job fired it). */
  own: FireOutcome;
  fired: number;
  skipped: number;
  emails: number;
  batches: number;
  /** Next overdue escalations planned meanwhile (the caller schedules them after commit). */
  next: Array<{ id: string; dueAt: Date }>;
}

interface MilestoneRow {
  id: string;
  subject_type: string;
  subject_id: string;
  kind: RequestMilestoneKind;
  due_at: Date;
  status: string;
  recipients: RecipientRole[];
  payload: MilestonePayload;
}

/** The milestone row joined with what firing needs (nulls when the subject is gone). */
interface FiringRow extends MilestoneRow {
  request_id: string | null;
  tracking_number: string | null;
  agency_id: string | null;
  assignee_id: string | null;
  request_status: string | null;
  due_on: string | null;
  clarification_reply_by: string | null;
  fee_payment_due_on: string | null;
  assignee_name: string | null;
  timezone: string | null;
  reminder_hour: number | null;
  rule_set: string | null;
  count_makeup_workdays: boolean | null;
}

/** Jobs may run a little early (clock skew between Redis and this host); never more than this. */
const EARLY_TOLERANCE_MS = 2000;
/** Milestones fired per transaction by a fire job (one outbox insert, two status updates per batch). */
export const FIRE_BATCH = 500;

// The milestone rows with the request and agency they need, in one round trip (firing is bound by round
// trips, not by work). Completed by a WHERE clause and a row lock on m.
const SELECT_FIRING = `
  SELECT m.id, m.subject_type, m.subject_id, m.kind, m.due_at, m.status, m.recipients, m.payload,
         r.id AS request_id, r.tracking_number, r.agency_id, r.assignee_id, r.status AS request_status,
         r.due_on::text AS due_on, r.clarification_reply_by::text AS clarification_reply_by,
         r.fee_payment_due_on::text AS fee_payment_due_on, u.name AS assignee_name,
         ag.timezone, ag.reminder_hour, ag.rule_set, ag.count_makeup_workdays
    FROM milestones m
    LEFT JOIN requests r ON m.subject_type = 'request' AND r.id = m.subject_id
    LEFT JOIN users u ON u.id = r.assignee_id
    LEFT JOIN agencies ag ON ag.id = r.agency_id`;

/**
 * Fires milestones: row lock, re-check, outbox rows, status, in one transaction, so each has one effect.
 * A fire job (one BullMQ job per milestone, see milestone-jobs.ts) fires every milestone due by then, in
 * batches of {@link FIRE_BATCH} claimed with SKIP LOCKED, then makes sure of its own: a burst of reminders
 * due at 09:00 costs a few transactions, not one per milestone, and the jobs of milestones a batch has
 * already fired find nothing left to do.
 */
@Injectable()
export class MilestoneFiringService {
  private readonly logger = new Logger(MilestoneFiringService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Fires one milestone, waiting for its row lock (a sync of its request in progress). */
  fire(milestoneId: string, now: Date = new Date()): Promise<FireResult> {
    return this.dataSource.transaction(async (manager) => {
      const [m]: FiringRow[] = await manager.query(`${SELECT_FIRING} WHERE m.id = $1 FOR UPDATE OF m`, [
        milestoneId,
      ]);
      if (!m) return { outcome: 'missing', emails: 0 };
      if (m.status !== 'pending') return { outcome: 'not_pending', emails: 0 };
      if (new Date(m.due_at).getTime() > now.getTime() + EARLY_TOLERANCE_MS)
        return { outcome: 'not_due', emails: 0 };
      return (await this.fireRows(manager, [m], now)).get(m.id)!;
    });
  }

  /**
   * Fires every pending milestone due by `now`, in batches of `batch` (one transaction each). Rows locked
   * by another transaction are skipped (another batch, or a sync about to cancel them): their own jobs, or
   * the next batch, take them. A batch that fails is retried one milestone at a time, so one bad row
   * cannot hold back the others.
   */
  async fireDue(now: Date = new Date(), batch = FIRE_BATCH): Promise<Omit<FireJobReport, 'own'>> {
    const report = { fired: 0, skipped: 0, emails: 0, batches: 0, next: [] as FireJobReport['next'] };
    // Others' milestones only once due (a job's own may run up to EARLY_TOLERANCE_MS early: see fire).
    const until = now;
    for (;;) {
      let claimed = 0;
      try {
        const results = await this.dataSource.transaction(async (manager) => {
          const rows: FiringRow[] = await manager.query(
            `${SELECT_FIRING} WHERE m.status = 'pending' AND m.due_at <= $1
              ORDER BY m.due_at LIMIT $2 FOR UPDATE OF m SKIP LOCKED`,
            [until, batch],
          );
          claimed = rows.length;
          return rows.length ? this.fireRows(manager, rows, now) : new Map<string, FireResult>();
        });
        if (claimed === 0) break;
        report.batches++;
        for (const r of results.values()) add(report, r);
      } catch (error) {
        this.logger.warn(`a firing batch failed (${(error as Error).message}); firing one at a time`);
        await this.fireOneByOne(until, batch, now, report);
        break;
      }
      if (claimed < batch) break;
    }
    return report;
  }

  /**
   * What a fire job does: fire what is due, then make sure of the job's own milestone. Most jobs of a
   * burst find their milestone fired by another job's batch: one query, no transaction, tells them so.
   */
  async runJob(milestoneId: string, now: Date = new Date()): Promise<FireJobReport> {
    const none = { fired: 0, skipped: 0, emails: 0, batches: 0, next: [] as FireJobReport['next'] };
    const [probe]: Array<{ own: string | null; due: boolean }> = await this.dataSource.query(
      `SELECT (SELECT status FROM milestones WHERE id = $1) AS own,
              EXISTS (SELECT 1 FROM milestones WHERE status = 'pending' AND due_at <= $2) AS due`,
      [milestoneId, now],
    );
    const report = probe.due ? await this.fireDue(now) : none;
    // Re-read after the batches (a non-locking read: a status that is no longer pending never returns).
    const [row]: Array<{ status: string }> = probe.due
      ? await this.dataSource.query(`SELECT status FROM milestones WHERE id = $1`, [milestoneId])
      : probe.own === null
        ? []
        : [{ status: probe.own }];
    if (!row) return { own: 'missing', ...report };
    // Still pending: not due yet, or skipped by the batches because a transaction held it (a sync).
    if (row.status !== 'pending') {
      const own: FireOutcome =
        row.status === 'fired' || row.status === 'skipped' ? row.status : 'not_pending';
      return { own, ...report };
    }
    const own = await this.fire(milestoneId, now);
    add(report, own);
    return { own: own.outcome, ...report };
  }

  private async fireOneByOne(until: Date, batch: number, now: Date, report: Omit<FireJobReport, 'own'>) {
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM milestones WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [until, batch],
    );
    for (const { id } of ids) {
      try {
        add(report, await this.fire(id, now));
      } catch (error) {
        this.logger.error(`milestone ${id} cannot be fired: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Fires locked, pending, due rows within `manager`'s transaction: re-checks each against its subject as
   * it is now, writes every email of the batch in one outbox insert, marks the rows fired or skipped, and
   * plans the next escalation of each overdue one.
   */
  private async fireRows(
    manager: EntityManager,
    rows: readonly FiringRow[],
    now: Date,
  ): Promise<Map<string, FireResult>> {
    const results = new Map<string, FireResult>();
    const emails: OutboxEmail[] = [];
    const skip = (m: FiringRow) => results.set(m.id, { outcome: 'skipped', emails: 0 });
    const fired = (m: FiringRow, mails: OutboxEmail[]) => {
      emails.push(...mails);
      results.set(m.id, { outcome: 'fired', emails: mails.length });
    };

    const live: Array<{ m: FiringRow; request: NonNullable<ReturnType<typeof requestOf>> }> = [];
    for (const m of rows) {
      if (m.subject_type === 'case') continue;
      const request = requestOf(m);
      if (!request || !stillMatters(m.kind, m.payload, request)) skip(m);
      else live.push({ m, request });
    }
    const lists = await resolveRecipientsMany(
      manager,
      live.map(({ m, request }) => ({ ...request, roles: m.recipients })),
    );
    const overdue: Array<{ m: FiringRow; dueAt: Date; on: string }> = [];
    live.forEach(({ m, request }, i) => {
      // Users who chose the daily digest get these in it instead (DigestService).
      const recipients = DIGESTED_KINDS.has(m.kind) ? lists[i].filter((r) => !r.dailyDigest) : lists[i];
      const agency = agencyOf(m);
      const daysOverdue =
        m.kind === 'overdue' ? workingDaysBetween(agency, m.payload.dueOn!, m.payload.on) : 0;
      fired(m, milestoneEmails(m, request, recipients, this.config.publicUrl, daysOverdue));
      if (m.kind === 'overdue')
        overdue.push({ m, ...overdueOccurrences(m.payload.dueOn!, agency, now).next });
    });
    for (const m of rows.filter((r) => r.subject_type === 'case')) {
      const mails = await caseMilestoneEmails(manager, m as never, this.config.publicUrl);
      if (mails) fired(m, mails);
      else skip(m);
    }

    await this.outbox.enqueue(manager, emails);
    const ids = (outcome: FireOutcome) =>
      rows.filter((m) => results.get(m.id)!.outcome === outcome).map((m) => m.id);
    const skippedIds = ids('skipped');
    const firedIds = ids('fired');
    if (skippedIds.length)
      await manager.query(`UPDATE milestones SET status = 'skipped' WHERE id = ANY($1::uuid[])`, [
        skippedIds,
      ]);
    if (firedIds.length)
      await manager.query(
        `UPDATE milestones SET status = 'fired', fired_at = $2 WHERE id = ANY($1::uuid[])`,
        [firedIds, now],
      );
    if (overdue.length) await this.planNextOverdue(manager, overdue, results);
    return results;
  }

  /** Escalations repeat every working day until the request is answered: one row ahead at a time. */
  private async planNextOverdue(
    manager: EntityManager,
    overdue: ReadonlyArray<{ m: FiringRow; dueAt: Date; on: string }>,
    results: Map<string, FireResult>,
  ): Promise<void> {
    const planned: Array<{ id: string; subject_id: string; due_at: Date }> = await manager.query(
      `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload, generation)
       SELECT m.subject_type, m.subject_id, m.kind, n.due_at, m.recipients,
              m.payload || jsonb_build_object('on', n.on), m.generation
         FROM json_to_recordset($1::json) AS n(id uuid, due_at timestamptz, "on" text)
         JOIN milestones m ON m.id = n.id
       ON CONFLICT (subject_type, subject_id, kind, due_at) WHERE status = 'pending' DO NOTHING
       RETURNING id, subject_id, due_at`,
      [JSON.stringify(overdue.map((o) => ({ id: o.m.id, due_at: o.dueAt.toISOString(), on: o.on })))],
    );
    for (const o of overdue) {
      const row = planned.find(
        (p) => p.subject_id === o.m.subject_id && new Date(p.due_at).getTime() === o.dueAt.getTime(),
      );
      if (row) results.get(o.m.id)!.next = { id: row.id, dueAt: new Date(row.due_at) };
    }
  }
}

function add(report: Omit<FireJobReport, 'own'>, r: FireResult): void {
  if (r.outcome === 'fired') report.fired++;
  if (r.outcome === 'skipped') report.skipped++;
  report.emails += r.emails;
  if (r.next) report.next.push(r.next);
}

function requestOf(m: FiringRow) {
  if (!m.request_id) return null;
  return {
    id: m.request_id,
    tracking_number: m.tracking_number!,
    agency_id: m.agency_id!,
    assignee_id: m.assignee_id,
    assignee_name: m.assignee_name,
    status: m.request_status!,
    due_on: m.due_on,
    clarification_reply_by: m.clarification_reply_by,
    fee_payment_due_on: m.fee_payment_due_on,
  };
}

function agencyOf(m: FiringRow): AgencyTiming {
  return {
    timezone: m.timezone!,
    reminderHour: Number(m.reminder_hour),
    ruleSet: m.rule_set as RuleSetId,
    countMakeupWorkdays: m.count_makeup_workdays!,
  };
}

/** Working days in (from, to]: how late the answer is on the day of an escalation. */
function workingDaysBetween(agency: AgencyTiming, from: string, to: string): number {
  let n = 0;
  for (let d = from; d < to && n < 400; n++)
    d = shiftWorkingDays(agency.ruleSet, d, 1, agency.calendar, {
      countMakeupWorkdays: agency.countMakeupWorkdays,
    });
  return n;
}
