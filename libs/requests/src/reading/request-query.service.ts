import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestAccess } from '../lifecycle/request-access';
import { REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';
import { requestView } from './request-view';

/** Events whose payload the applicant may read (internal notes and third-party opinions stay inside). */
const APPLICANT_PAYLOADS = new Set([
  'filed',
  'clarification_requested',
  'fee_notice_issued',
  'extension_approved',
  'decided',
]);

function applicantEvent(e: Record<string, unknown>): Record<string, unknown> {
  return { ...e, actorId: undefined, payload: APPLICANT_PAYLOADS.has(String(e.type)) ? e.payload : {} };
}

/** One request with its deadline, timeline, documents, consultations and extensions. */
@Injectable()
export class RequestQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RequestAccess,
  ) {}

  /** The row if the user may see it; a foreign or unknown id is a 404 for every role. */
  async visibleRow(user: AuthUser, id: string): Promise<RequestRow> {
    const [row]: RequestRow[] = await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.id = $1`,
      [id],
    );
    const visible = await this.access.visibleAgencyIds(user);
    if (!row || !this.access.canSee(user, visible, row)) throw new NotFoundError('REQUEST.NOT_FOUND', id);
    return row;
  }

  async get(user: AuthUser, id: string): Promise<Record<string, unknown>> {
    const row = await this.visibleRow(user, id);
    const staff = user.role !== 'applicant';
    const q = (sql: string) => this.dataSource.query(sql, [id]);
    const [events, documents, consultations, extensions, [track]] = await Promise.all([
      q(`SELECT id, seq, type, actor_id AS "actorId", occurred_at AS "occurredAt", on_date::text AS "on", payload
         FROM request_events WHERE request_id = $1 ORDER BY seq`),
      q(`SELECT id, filename, content_type AS "contentType", size, sha256, visible_to_applicant AS "visibleToApplicant",
           created_at AS "createdAt" FROM documents WHERE request_id = $1 ${staff ? '' : 'AND visible_to_applicant'}
         ORDER BY created_at`),
      q(`SELECT id, party, sent_on::text AS "sentOn", replied_on::text AS "repliedOn", opinion
         FROM consultations WHERE request_id = $1 ORDER BY created_at`),
      q(`SELECT id, working_days AS "workingDays", reason, status, requested_on::text AS "requestedOn",
           decided_on::text AS "decidedOn" FROM extensions WHERE request_id = $1 ORDER BY created_at`),
      q(`SELECT processing_track AS "processingTrack" FROM requests WHERE id = $1`),
    ]);
    return {
      ...requestView(row, staff, user.locale),
      // Applicants see what happened and when, not who on the staff did it.
      events: staff ? events : events.map(applicantEvent),
      documents,
      consultations: staff ? consultations : [],
      extensions,
      // The US processing track (POST .../track), for staff; null until set (the DOJ report counts it as simple).
      ...(staff ? { processingTrack: track?.processingTrack ?? null } : {}),
    };
  }
}
