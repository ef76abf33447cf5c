import { Injectable } from '@nestjs/common';
import { AgenciesService, UsersService, type AuthUser } from '@disclose/identity';
import { localDateTime } from '@disclose/domain';
import { RequestQueryService } from '@disclose/requests';
import type { PortalContext } from './http/portal-context';
import type { RequestDetail } from './http/request-detail';
import type { FormError } from './views/components';
import type { SafeHtml } from './views/html';
import { requestPage } from './views/request.pages';
import { staffActions } from './views/staff-actions';

const STAFF_WRITERS = ['clerk', 'supervisor', 'admin'];

/** Builds the request page (applicant or staff view) from the same reads as GET /api/v1/requests/:id. */
@Injectable()
export class RequestPageService {
  constructor(
    private readonly query: RequestQueryService,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
  ) {}

  async render(ctx: PortalContext, user: AuthUser, id: string, errors: FormError[] = []): Promise<SafeHtml> {
    const r = (await this.query.get(user, id)) as unknown as RequestDetail;
    const agency = await this.agencies.getById(r.agencyId);
    if (!STAFF_WRITERS.includes(user.role)) return requestPage(ctx, r, { agency, errors });
    const clerks = (await this.users.listStaff(await this.agencies.visibleAgencyIds(user))).filter(
      (u) => STAFF_WRITERS.includes(u.role) && !u.disabled,
    );
    const today = localDateTime(new Date(), agency?.timezone ?? 'Asia/Shanghai').date;
    const actions = staffActions(ctx, r, clerks, errors, today);
    return requestPage(ctx, r, { agency, errors, staffActions: actions });
  }
}
