import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { civilDate, loadVisibleCase, loadVisibleRequest } from '../access/case-access';
import { CASES_CLOCK, type CasesClock } from '../cases.tokens';
import { challengeWindows, type ChallengeWindow } from '../deadlines/challenge-windows';
import { CaseDocumentEntity, CaseEntity, CaseEventEntity, CaseHearingEntity } from '../entities';
import type { CaseListFilter } from '../records/case-inputs';
import { agencyCalendar, assertUuid } from '../records/case-records';
import { toCaseDetailView, toCaseView, type CaseDetailView, type CaseView } from '../records/case-view';

export interface ChallengeWindowsView {
  requestId: string;
  ruleSet: string;
  replyOn: string | null;
  today: string;
  /** The last day any window is open; null when there is no reply yet. */
  challengeableUntil: string | null;
  windows: ChallengeWindow[];
}

/** What the challenge windows of a request depend on. */
export interface ChallengeableRequest {
  id: string;
  agencyId: string;
  ruleSet: string;
  status: string;
  decidedOn: string | null;
}

/** Statuses in which the request's reply stands (decided, or closed with an outcome). */
const REPLIED = new Set(['decided', 'closed']);

/** Reading cases: lists and details within the caller's visibility, and a reply's challenge windows. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  async list(actor: AuthUser, filter: CaseListFilter): Promise<CaseView[]> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if (actor.role === 'applicant') {
      qb.innerJoin('requests', 'r', 'r.id = c.request_id').where('r.applicant_id = :me', { me: actor.id });
    } else {
      qb.where('c.agency_id = ANY(:visible)', { visible: await this.agencies.visibleAgencyIds(actor) });
    }
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.open !== undefined) qb.andWhere(filter.open ? 'c.outcome IS NULL' : 'c.outcome IS NOT NULL');
    if (filter.agencyId) qb.andWhere('c.agency_id = :agency', { agency: filter.agencyId });
    if (filter.requestId) qb.andWhere('c.request_id = :request', { request: filter.requestId });
    const rows = await qb
      .orderBy('c.filed_on', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .limit(500)
      .getMany();
    return rows.map((c) => toCaseView(c, actor));
  }

  /** The cases of one request (404 for a request the caller does not see). */
  async listForRequest(actor: AuthUser, requestId: string): Promise<CaseView[]> {
    assertUuid(requestId, 'REQUEST.NOT_FOUND');
    await loadVisibleRequest(this.dataSource.manager, this.agencies, actor, requestId);
    return this.list(actor, { requestId });
  }

  async get(actor: AuthUser, caseId: string): Promise<CaseDetailView> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    const m = this.dataSource.manager;
    const { entity } = await loadVisibleCase(m, this.agencies, actor, caseId);
    const [hearings, documents, events] = await Promise.all([
      m.find(CaseHearingEntity, { where: { caseId }, order: { heldAt: 'ASC' } }),
      m.find(CaseDocumentEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.find(CaseEventEntity, { where: { caseId }, order: { occurredAt: 'ASC' } }),
    ]);
    return toCaseDetailView(entity, actor, { hearings, documents, events });
  }

  /** Until when the request's reply can be challenged, by each way its rule set allows. */
  async challengeWindows(actor: AuthUser, requestId: string): Promise<ChallengeWindowsView> {
    assertUuid(requestId, 'REQUEST.NOT_FOUND');
    const request = await loadVisibleRequest(this.dataSource.manager, this.agencies, actor, requestId);
    return this.challengeWindowsOf(request);
  }

  /**
   * The same for a request the caller has already read (no access check: GET /api/v1/requests/:id and the
   * portal's request page show it with the request). Windows only while the reply stands: a request that
   * is reopened has no reply to challenge until it is answered again.
   */
  async challengeWindowsOf(request: ChallengeableRequest): Promise<ChallengeWindowsView> {
    const m = this.dataSource.manager;
    const agency = await this.agencies.getById(request.agencyId);
    const today = civilDate(this.clock.now(), agency?.timezone ?? 'UTC');
    const replyOn = REPLIED.has(request.status) ? request.decidedOn : null;
    const windows = replyOn
      ? challengeWindows(request.ruleSet, replyOn, today, await agencyCalendar(m, request.agencyId))
      : [];
    const last =
      windows
        .map((w) => w.dueOn)
        .sort()
        .at(-1) ?? null;
    return {
      requestId: request.id,
      ruleSet: request.ruleSet,
      replyOn,
      today,
      challengeableUntil: last,
      windows,
    };
  }
}
