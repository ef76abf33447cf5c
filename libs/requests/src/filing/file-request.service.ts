import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, RequestStatus, ValidationError } from '@disclose/domain';
import {
  AGENCY_DIRECTORY,
  APPLICANT_DIRECTORY,
  type AgencyDirectory,
  type AgencyInfo,
  type ApplicantDirectory,
  type AuthUser,
} from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { loadAgencyCalendar } from '../lifecycle/agency-calendar';
import { appendEvent } from '../lifecycle/event-log';
import { onlineReceiptDate, ruleSetFor } from '../lifecycle/receipt-date';
import { computeRequestDeadline, type AgencyCalendar } from '../lifecycle/request-deadline';
import { milestoneSnapshot, REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';
import { RequestAccess } from '../lifecycle/request-access';
import type { FilingInput, FilingResult, StaffFilingInput } from './filing.types';
import { checkApplicantInput, checkStaffInput, filingResult } from './filing-checks';
import { IdempotencyStore } from './idempotency.store';
import { applicantHistory } from './repeat-check';
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
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(APPLICANT_DIRECTORY) private readonly applicants: ApplicantDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
  ) {}

  async execute(actor: AuthUser, input: FilingInput, idempotencyKey?: string): Promise<FilingResult> {
    const staff = actor.role !== 'applicant';
    if (staff && !['clerk', 'supervisor', 'admin'].includes(actor.role)) throw new ForbiddenError('file');
    const agency = await this.agencies.getByCode(String(input.agencyCode ?? ''));
    if (!agency) throw new ValidationError([{ field: 'agencyCode', code: 'unknown_agency' }]);
    if (staff) checkStaffInput(await this.access.visibleAgencyIds(actor), agency, input);
    else checkApplicantInput(input);
    const replay = await this.idempotency.replay(actor.id, idempotencyKey, input);
    if (replay) return replay;
    const now = new Date();
    const calendar = await loadAgencyCalendar(this.dataSource.manager, agency.id);
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
      ? {
          id: (await this.applicants.findOrCreateOfflineApplicant(m, staffInput.applicant)).id,
          type: staffInput.applicant.applicantType,
        }
      : { id: actor.id, type: actor.applicantType ?? 'natural_person' };
    const text = `${input.subject} ${input.description}`;
    const history = await applicantHistory(m, applicant.id, agency.id, text, receivedOn);
    const id = randomUUID();
    const payload = { channel: staffInput?.channel ?? 'online', receivedOn, ruleSet };
    const deadline = computeRequestDeadline(
      ruleSet,
      receivedOn,
      [{ type: 'filed', on: receivedOn, payload }],
      calendar,
      agency,
    );
    const [row]: RequestRow[] = await m.query(
      `INSERT INTO requests AS r (id, tracking_number, agency_id, applicant_id, subject, description, delivery_method,
         channel, received_on, rule_set, status, due_on, provisional, clock_status, deadline_trace, deadline_warnings,
         clarification_notice_due_on, applicant_type, repeat_of, repeat_score, applicant_month_count,
         idempotency_key, idempotency_fingerprint, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)
       RETURNING ${REQUEST_COLUMNS}`,
      [
        id,
        trackingNumber,
        agency.id,
        applicant.id,
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
        applicant.type,
        history.repeatOf,
        history.repeatScore,
        history.monthCount,
        idempotencyKey ?? null,
        idempotencyKey ? this.idempotency.fingerprint(input) : null,
        actor.id,
      ],
    );
    const event = await appendEvent(m, null, {
      requestId: id,
      type: 'filed',
      actorId: actor.id,
      occurredAt: now,
      on: receivedOn,
      payload,
    });
    const snapshot = milestoneSnapshot(row);
    await this.milestones.syncRequest(m, snapshot, now);
    await this.milestones.noticeApplicant(m, snapshot, 'acknowledged', event.id, {
      trackingNumber,
      receivedOn,
      dueOn: deadline.dueOn,
      agencyName: agency.nameZh,
    });
    const result = filingResult(row, actor.role !== 'applicant');
    if (idempotencyKey) await this.idempotency.remember(m, id, result);
    return result;
  }
}
