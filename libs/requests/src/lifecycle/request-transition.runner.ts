import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ACTION_EVENT_TYPE,
  ForbiddenError,
  NotFoundError,
  RequestAction,
  RequestStatus,
  VersionConflictError,
  nextStatus,
} from '@disclose/domain';
import {
  AGENCY_DIRECTORY,
  type AgencyDirectory,
  type AgencyInfo,
  type AuthUser,
  type Role,
} from '@disclose/identity';
import { MILESTONE_SYNC, type ApplicantNoticeKind, type MilestoneSync } from '@disclose/milestones';
import { loadAgencyCalendar } from './agency-calendar';
import { appendEvent, loadEvents, type StoredEvent } from './event-log';
import { localDateTime } from './receipt-date';
import { computeRequestDeadline, type RequestDeadline } from './request-deadline';
import { REQUEST_COLUMNS, milestoneSnapshot, type RequestRow } from './request-row';
import { saveTransition } from './save-transition';
import { RequestAccess } from './request-access';

export const STAFF_WRITERS: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export interface TransitionCommand {
  requestId: string;
  actor: AuthUser;
  action: RequestAction;
  /** Roles allowed to take the action (the request must also be visible to the actor). */
  roles: readonly Role[];
  expectedVersion?: number;
}

/** What the use case sees inside the transaction. */
export interface TransitionScope {
  manager: EntityManager;
  request: RequestRow;
  agency: AgencyInfo;
  events: StoredEvent[];
  next: RequestStatus;
  now: Date;
  /** Today in the agency's time zone. */
  today: string;
}

/** What the use case decides: the event, extra columns to set, an applicant notice. */
export interface TransitionPlan {
  /** Civil date the event counts on (default: today in the agency's time zone). */
  on?: string;
  payload: Record<string, unknown>;
  set?: Record<string, unknown>;
  notice?: { kind: ApplicantNoticeKind; params?: Record<string, unknown> };
}

/** The use case's part of a transition. */
export type TransitionPlanner = (scope: TransitionScope) => Promise<TransitionPlan> | TransitionPlan;

export interface TransitionResult {
  request: RequestRow;
  deadline: RequestDeadline;
  eventId: string;
}

/**
 * The one way a request changes (DESIGN.md decision 3), in ONE transaction: lock the row, check visibility,
 * role, version and the state machine, let the use case write its part, append exactly one hash-chained
 * event, recompute the deadline from the whole log, compare-and-set the row (version + 1), and sync the
 * milestones. Any error rolls everything back, so nothing is written on a 4xx. `runIn` does the same inside
 * a transaction the caller already holds (a case outcome that reopens its request commits both or neither).
 */
@Injectable()
export class RequestTransitionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RequestAccess,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
  ) {}

  async run(cmd: TransitionCommand, plan: TransitionPlanner): Promise<TransitionResult> {
    const visible = await this.access.visibleAgencyIds(cmd.actor);
    return this.dataSource.transaction((manager) => this.transition(manager, visible, cmd, plan));
  }

  /** {@link run} within the caller's transaction (`manager` must be in one); the caller commits or rolls back. */
  async runIn(
    manager: EntityManager,
    cmd: TransitionCommand,
    plan: TransitionPlanner,
  ): Promise<TransitionResult> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('RequestTransitionRunner.runIn needs a manager inside a transaction');
    }
    return this.transition(manager, await this.access.visibleAgencyIds(cmd.actor), cmd, plan);
  }

  private async transition(
    manager: EntityManager,
    visible: readonly string[],
    cmd: TransitionCommand,
    plan: TransitionPlanner,
  ): Promise<TransitionResult> {
    const [request]: RequestRow[] = await manager.query(
      `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.id = $1 FOR UPDATE`,
      [cmd.requestId],
    );
    if (!request || !this.access.canSee(cmd.actor, visible, request)) {
      throw new NotFoundError('REQUEST.NOT_FOUND', cmd.requestId);
    }
    if (!cmd.roles.includes(cmd.actor.role)) throw new ForbiddenError(cmd.action);
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== request.version) {
      throw new VersionConflictError(request.id, cmd.expectedVersion);
    }
    const events = await loadEvents(manager, request.id);
    const [facts]: Array<{ open: number; pending: boolean }> = await manager.query(
      `SELECT (SELECT count(*)::int FROM consultations WHERE request_id = $1 AND replied_on IS NULL) AS open,
              EXISTS (SELECT 1 FROM extensions WHERE request_id = $1 AND status = 'pending') AS pending`,
      [request.id],
    );
    const lastReopen = events.map((e) => e.type).lastIndexOf('reopened');
    const next = nextStatus(request.status, cmd.action, {
      openConsultations: facts.open,
      pendingExtension: facts.pending,
      clarificationRequestedBefore: events
        .slice(lastReopen + 1)
        .some((e) => e.type === 'clarification_requested'),
    });
    const agency = await this.agencies.getById(request.agency_id);
    if (!agency) throw new NotFoundError('AGENCY.NOT_FOUND', request.agency_id);
    const now = new Date();
    const today = localDateTime(now, agency.timezone).date;
    const decided = await plan({ manager, request, agency, events, next, now, today });

    const last = events[events.length - 1];
    const on = decided.on ?? today;
    const type = ACTION_EVENT_TYPE[cmd.action];
    const event = await appendEvent(manager, last ?? null, {
      requestId: request.id,
      type,
      actorId: cmd.actor.id,
      occurredAt: now,
      on,
      payload: decided.payload,
    });
    const calendar = await loadAgencyCalendar(manager, request.agency_id);
    const log = [
      ...events,
      { id: event.id, seq: event.seq, hash: event.hash, type, on, payload: decided.payload },
    ];
    const deadline = computeRequestDeadline(request.rule_set, request.received_on, log, calendar, agency);
    const updated = await saveTransition(manager, request, next, deadline, decided.set ?? {});
    const snapshot = milestoneSnapshot(updated);
    await this.milestones.syncRequest(manager, snapshot, now);
    if (decided.notice) {
      await this.milestones.noticeApplicant(manager, snapshot, decided.notice.kind, event.id, {
        trackingNumber: updated.tracking_number,
        dueOn: updated.due_on,
        ...decided.notice.params,
      });
    }
    return { request: updated, deadline, eventId: event.id };
  }
}
