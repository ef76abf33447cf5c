import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, RequestStatus, ValidationError } from '@disclose/domain';
import {
  APPLICANT_DIRECTORY,
  type AgencyInfo,
  type ApplicantDirectory,
  type AuthUser,
} from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { chainedEvent, type NewEvent } from '../lifecycle/event-log';
import { onlineReceiptDate, ruleSetFor } from '../lifecycle/receipt-date';
import { computeRequestDeadline, type AgencyCalendar } from '../lifecycle/request-deadline';
import { milestoneSnapshot, REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';
import { RequestAccess } from '../lifecycle/request-access';
import type { FilingInput, FilingResult, StaffFilingInput } from './filing.types';
import { checkApplicantInput, checkStaffInput, filingResult } from './filing-checks';
import { loadFilingAgency } from './filing-agency';
import { IdempotencyStore } from './idempotency.store';
import { applicantHistorySql, REPEAT_SIMILARITY } from './repeat-check';
import { allocateTrackingNumber } from './tracking-numbers';

/** Everything decided before the filing's transaction. */
interface Filing {
  actor: AuthUser;
  agency: AgencyInfo;
  input: FilingInput;
  staffInput: StaffFilingInput | null;
  calendar: AgencyCalendar;
  receivedOn: string;
  trackingNumber: string;
  now: Date;
}

/** Files a request: online by an applicant, or entered by staff from a paper channel (one transaction). */
@Injectable()
export class FileRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RequestAccess,
    private readonly idempotency: IdempotencyStore,
    @Inject(APPLICANT_DIRECTORY) private readonly applicants: ApplicantDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
  ) {}

  async execute(actor: AuthUser, input: FilingInput, idempotencyKey?: string): Promise<FilingResult> {
    const staff = actor.role !== 'applicant';
    if (staff && !['clerk', 'supervisor', 'admin'].includes(actor.role)) throw new ForbiddenError('file');
    const found = await loadFilingAgency(this.dataSource.manager, String(input.agencyCode ?? ''));
    if (!found) throw new ValidationError([{ field: 'agencyCode', code: 'unknown_agency' }]);
    const { agency, calendar } = found;
    if (staff) checkStaffInput(await this.access.visibleAgencyIds(actor), agency, input);
    else checkApplicantInput(input);
    const replay = await this.idempotency.replay(actor.id, idempotencyKey, input);
    if (replay) return replay;
    const now = new Date();
    const staffInput = staff ? (input as StaffFilingInput) : null;
    const receivedOn = staffInput?.receivedOn ?? onlineReceiptDate(now, agency, agency.ruleSet, calendar);
    const trackingNumber = await allocateTrackingNumber(
      this.dataSource,
      agency,
      Number(receivedOn.slice(0, 4)),
    );
    const filing: Filing = { actor, agency, input, staffInput, calendar, receivedOn, trackingNumber, now };
    try {
      return await this.dataSource.transaction((m) => this.file(m, filing, idempotencyKey));
    } catch (error) {
      // A concurrent retry with the same key won the unique constraint: answer what it answered.
      const again = await this.idempotency.afterUniqueViolation(error, actor.id, idempotencyKey, input);
      if (again) return again;
      throw error;
    }
  }

  private async file(m: EntityManager, filing: Filing, idempotencyKey?: string): Promise<FilingResult> {
    const { actor, agency, input, staffInput, calendar, receivedOn, trackingNumber, now } = filing;
    const ruleSet = ruleSetFor(agency.ruleSet, receivedOn);
    const applicant = staffInput
      ? await this.applicants.findOrCreateOfflineApplicant(m, staffInput.applicant)
      : null;
    const applicantId = applicant?.id ?? actor.id;
    const applicantType = staffInput?.applicant.applicantType ?? actor.applicantType ?? 'natural_person';
    const id = randomUUID();
    const payload = { channel: staffInput?.channel ?? 'online', receivedOn, ruleSet };
    const deadline = computeRequestDeadline(
      ruleSet,
      receivedOn,
      [{ type: 'filed', on: receivedOn, payload }],
      calendar,
      agency,
    );
    const filed: NewEvent = {
      requestId: id,
      type: 'filed',
      actorId: actor.id,
      occurredAt: now,
      on: receivedOn,
      payload,
    };
    const chain = chainedEvent(null, filed);
    // One statement (one round trip): the applicant's history (month count, near-repeat), the request row
    // and its first hash-chained event. The history does not see the new row (statement snapshot).
    const [row]: Array<RequestRow & { event_id: string }> = await m.query(
      `WITH h AS (${applicantHistorySql('$4::uuid', '$3::uuid', '$22::text', '$9::date', '$23::real')}),
       r AS (
         INSERT INTO requests AS r (id, tracking_number, agency_id, applicant_id, subject, description,
           delivery_method, channel, received_on, rule_set, status, due_on, provisional, clock_status,
           deadline_trace, deadline_warnings, clarification_notice_due_on, applicant_type, repeat_of,
           repeat_score, applicant_month_count, idempotency_key, idempotency_fingerprint, created_by)
         SELECT $1::uuid, $2::text, $3::uuid, $4::uuid, $5::text, $6::text, $7::text, $8::text, $9::date,
           $10::text, $11::text, $12::date, $13::boolean, $14::text, $15::jsonb, $16::jsonb, $17::date,
           $18::text, h.id, h.score, h.n + 1, $19::text, $20::text, $21::uuid FROM h
         RETURNING ${REQUEST_COLUMNS}),
       e AS (
         INSERT INTO request_events (request_id, seq, type, actor_id, occurred_at, on_date, payload, prev_hash, hash)
         SELECT r.id, $24::int, 'filed', $21::uuid, $25::timestamptz, $9::date, $26::jsonb, NULL, $27::text FROM r
         RETURNING id)
       SELECT r.*, e.id AS event_id FROM r, e`,
      [
        id,
        trackingNumber,
        agency.id,
        applicantId,
        input.subject,
        input.description,
        input.deliveryMethod ?? 'electronic',
        payload.channel,
        receivedOn,
        ruleSet,
        RequestStatus.Received,
        deadline.dueOn,
        deadline.provisional,
        deadline.clockStatus,
        JSON.stringify(deadline.trace),
        JSON.stringify(deadline.warnings),
        deadline.clarificationNoticeDueOn,
        applicantType,
        idempotencyKey ?? null,
        idempotencyKey ? this.idempotency.fingerprint(input) : null,
        actor.id,
        `${input.subject} ${input.description}`,
        REPEAT_SIMILARITY,
        chain.seq,
        chain.occurredAt,
        JSON.stringify(payload),
        chain.hash,
      ],
    );
    const snapshot = milestoneSnapshot(row);
    await this.milestones.syncRequest(m, snapshot, now, {
      isNew: true,
      agency: {
        timezone: agency.timezone,
        reminderHour: agency.reminderHour,
        ruleSet: agency.ruleSet,
        countMakeupWorkdays: agency.countMakeupWorkdays,
      },
    });
    await this.milestones.noticeApplicant(
      m,
      snapshot,
      'acknowledged',
      row.event_id,
      { trackingNumber, receivedOn, dueOn: deadline.dueOn, agencyName: agency.nameZh },
      // Online: the applicant is the signed-in user, whose address and language the session carries.
      applicant ? undefined : { email: actor.email, locale: actor.locale, name: actor.name },
    );
    const result = filingResult(row, actor.role !== 'applicant');
    if (idempotencyKey) await this.idempotency.remember(m, id, result);
    return result;
  }
}
