import { Injectable } from '@nestjs/common';
import { CaseQueryService, type CaseView, type ChallengeWindowsView } from '@disclose/cases';
import { AgenciesService, UsersService, type AuthUser } from '@disclose/identity';
import { localDateTime } from '@disclose/domain';
import { RequestQueryService } from '@disclose/requests';
import type { PortalContext } from './http/portal-context';
import type { RequestDetail } from './http/request-detail';
import type { FormError } from './views/components';
import type { SafeHtml } from './views/html';
import { requestPage, type ReviewOffer } from './views/request.pages';
import { staffActions } from './views/staff-actions';

const STAFF_WRITERS = ['clerk', 'supervisor', 'admin'];
const ONLINE_KINDS: string[] = ['internal_review', 'us_appeal'];

/** Builds the request page (applicant or staff view) from the same reads as GET /api/v1/requests/:id. */
@Injectable()
export class RequestPageService {
  constructor(
    private readonly query: RequestQueryService,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly cases: CaseQueryService,
  ) {}

  async render(ctx: PortalContext, user: AuthUser, id: string, errors: FormError[] = []): Promise<SafeHtml> {
    const r = (await this.query.get(user, id)) as unknown as RequestDetail;
    const [agency, cases, challenge] = await Promise.all([
      this.agencies.getById(r.agencyId),
      this.cases.listForRequest(user, id),
      this.cases.challengeWindowsOf(r),
    ]);
    if (user.role === 'applicant') {
      const review = reviewOffer(r, cases, challenge);
      return requestPage(ctx, r, { agency, errors, cases, challenge, review });
    }
    if (!STAFF_WRITERS.includes(user.role)) return requestPage(ctx, r, { agency, errors, cases, challenge });
    const clerks = (await this.users.listStaff(await this.agencies.visibleAgencyIds(user))).filter(
      (u) => STAFF_WRITERS.includes(u.role) && !u.disabled,
    );
    const today = localDateTime(new Date(), agency?.timezone ?? 'Asia/Shanghai').date;
    const actions = staffActions(ctx, r, clerks, errors, today);
    return requestPage(ctx, r, { agency, errors, cases, challenge, staffActions: actions });
  }
}

/**
 * The review or appeal the applicant may still file online (UK internal review, US appeal): its window must
 * be open and this reply not yet under review (one per reply, as RecordCaseService.fileByApplicant
 * checks). Other ways (CN 复议/诉讼) are filed with a body, not here.
 */
function reviewOffer(
  r: RequestDetail,
  cases: CaseView[],
  challenge: ChallengeWindowsView,
): ReviewOffer | undefined {
  if (r.status !== 'decided' && r.status !== 'closed') return undefined;
  const w = challenge.windows.find(
    (x) =>
      x.open &&
      ONLINE_KINDS.includes(x.caseKind) &&
      !cases.some((c) => c.kind === x.caseKind && c.replyOn === challenge.replyOn),
  );
  return w ? { kind: w.caseKind as ReviewOffer['kind'], until: w.dueOn } : undefined;
}
