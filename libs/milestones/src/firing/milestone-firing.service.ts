import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { shiftWorkingDays, type RuleSetId } from '@disclose/deadlines';
import { OUTBOX, type Outbox } from '@disclose/mail';
import type {
  AgencyTiming,
  MilestonePayload,
  RecipientRole,
  RequestMilestoneKind,
} from '../planning/milestone-kinds';
import { overdueOccurrences } from '../planning/plan-request-milestones';
import { caseMilestoneEmails } from './case-firing';
import { DIGESTED_KINDS, milestoneEmails } from './milestone-email';
import { resolveRecipients } from './recipients';
import { stillMatters } from './still-matters';

export type FireOutcome = 'fired' | 'skipped' | 'not_pending' | 'not_due' | 'missing';
export interface FireResult {
  outcome: FireOutcome;
  emails: number;
  /** The next overdue escalation planned by this firing (the caller schedules it after commit). */
  next?: { id: string; dueAt: Date };
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

/** Fires one milestone: row lock, re-check, outbox rows, status — one transaction, one effect. */
@Injectable()
export class MilestoneFiringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  fire(milestoneId: string, now: Date = new Date()): Promise<FireResult> {
    return this.dataSource.transaction((manager) => this.fireIn(manager, milestoneId, now));
  }

  private async fireIn(manager: EntityManager, milestoneId: string, now: Date): Promise<FireResult> {
    // One round trip: the row under lock with the request and agency it needs (firing bursts are
    // bound by round trips, not by work).
    const [m]: FiringRow[] = await manager.query(
      `SELECT m.id, m.subject_type, m.subject_id, m.kind, m.due_at, m.status, m.recipients, m.payload,
              r.id AS request_id, r.tracking_number, r.agency_id, r.assignee_id, r.status AS request_status,
              r.due_on::text AS due_on, r.clarification_reply_by::text AS clarification_reply_by,
              r.fee_payment_due_on::text AS fee_payment_due_on, u.name AS assignee_name,
              ag.timezone, ag.reminder_hour, ag.rule_set, ag.count_makeup_workdays
         FROM milestones m
         LEFT JOIN requests r ON m.subject_type = 'request' AND r.id = m.subject_id
         LEFT JOIN users u ON u.id = r.assignee_id
         LEFT JOIN agencies ag ON ag.id = r.agency_id
        WHERE m.id = $1 FOR UPDATE OF m`,
      [milestoneId],
    );
    if (!m) return { outcome: 'missing', emails: 0 };
    if (m.status !== 'pending') return { outcome: 'not_pending', emails: 0 };
    if (new Date(m.due_at).getTime() > now.getTime() + EARLY_TOLERANCE_MS)
      return { outcome: 'not_due', emails: 0 };
    if (m.subject_type === 'case') return this.fireCase(manager, m, now);
    const request = m.request_id
      ? {
          id: m.request_id,
          tracking_number: m.tracking_number!,
          agency_id: m.agency_id!,
          assignee_id: m.assignee_id,
          assignee_name: m.assignee_name,
          status: m.request_status!,
          due_on: m.due_on,
          clarification_reply_by: m.clarification_reply_by,
          fee_payment_due_on: m.fee_payment_due_on,
        }
      : null;
    if (!request || !stillMatters(m.kind, m.payload, request)) {
      await manager.query(`UPDATE milestones SET status = 'skipped' WHERE id = $1`, [m.id]);
      return { outcome: 'skipped', emails: 0 };
    }
    const everyone = await resolveRecipients(manager, request, m.recipients);
    // Users who chose the daily digest get these in it instead (DigestService).
    const recipients = DIGESTED_KINDS.has(m.kind) ? everyone.filter((r) => !r.dailyDigest) : everyone;
    const agency: AgencyTiming = {
      timezone: m.timezone!,
      reminderHour: Number(m.reminder_hour),
      ruleSet: m.rule_set as RuleSetId,
      countMakeupWorkdays: m.count_makeup_workdays!,
    };
    const daysOverdue = m.kind === 'overdue' ? workingDaysBetween(agency, m.payload.dueOn!, m.payload.on) : 0;
    const emails = milestoneEmails(m, request, recipients, this.config.publicUrl, daysOverdue);
    await this.outbox.enqueue(manager, emails);
    await manager.query(`UPDATE milestones SET status = 'fired', fired_at = $2 WHERE id = $1`, [m.id, now]);
    const next = m.kind === 'overdue' ? await this.planNextOverdue(manager, m, agency, now) : undefined;
    return { outcome: 'fired', emails: emails.length, next };
  }

  private async fireCase(manager: EntityManager, m: MilestoneRow, now: Date): Promise<FireResult> {
    const emails = await caseMilestoneEmails(manager, m as never, this.config.publicUrl);
    if (!emails) {
      await manager.query(`UPDATE milestones SET status = 'skipped' WHERE id = $1`, [m.id]);
      return { outcome: 'skipped', emails: 0 };
    }
    await this.outbox.enqueue(manager, emails);
    await manager.query(`UPDATE milestones SET status = 'fired', fired_at = $2 WHERE id = $1`, [m.id, now]);
    return { outcome: 'fired', emails: emails.length };
  }

  /** Escalations repeat every working day until the request is answered: one row ahead at a time. */
  private async planNextOverdue(manager: EntityManager, m: MilestoneRow, agency: AgencyTiming, now: Date) {
    const { next } = overdueOccurrences(m.payload.dueOn!, agency, now);
    const [row]: Array<{ id: string; due_at: Date }> = await manager.query(
      `INSERT INTO milestones (subject_type, subject_id, kind, due_at, recipients, payload, generation)
       SELECT subject_type, subject_id, kind, $2, recipients, payload || jsonb_build_object('on', $3::text), generation
         FROM milestones WHERE id = $1
       ON CONFLICT (subject_type, subject_id, kind, due_at) WHERE status = 'pending' DO NOTHING
       RETURNING id, due_at`,
      [m.id, next.dueAt, next.on],
    );
    return row ? { id: row.id, dueAt: new Date(row.due_at) } : undefined;
  }
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
