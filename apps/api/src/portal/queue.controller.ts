import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ForbiddenError, localDateTime, RequestStatus } from '@disclose/domain';
import { AgenciesService, Public, UsersService, type AuthUser } from '@disclose/identity';
import { loadAgencyCalendar, RequestListService, type AgencyCalendar } from '@disclose/requests';
import { portalContext, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import type { RequestListItem } from './http/request-detail';
import { requireUser } from './requests.controller';
import { queuePage, type QueueRow } from './views/queue.page';
import { workingDaysLeft } from './working-days-left';

const STAFF = ['clerk', 'supervisor', 'admin', 'legal'];

/** The clerk's queue: the requests of their agencies, most urgent first (RequestListService's order). */
@ApiExcludeController()
@Public()
@UseFilters(PortalErrorFilter)
@Controller('queue')
export class PortalQueueController {
  constructor(
    private readonly listing: RequestListService,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  async queue(
    @Req() req: FastifyRequest & { user?: AuthUser },
    @Res() reply: FastifyReply,
    @Query('q') q?: string,
    @Query('status') status?: string,
    @Query('overdue') overdue?: string,
  ): Promise<void> {
    const user = requireUser(req);
    if (!STAFF.includes(user.role)) throw new ForbiddenError('queue');
    const filter = {
      q: q?.trim().slice(0, 200) || undefined,
      status: (Object.values(RequestStatus) as string[]).includes(status ?? '') ? status : undefined,
      overdue: overdue === 'true',
    };
    const visible = await this.agencies.visibleAgencyIds(user);
    const [{ items, total }, staff, agencies] = await Promise.all([
      this.listing.list(user, { ...filter, pageSize: 100 }),
      this.users.listStaff(visible),
      this.agencies.list(),
    ]);
    const names = new Map(staff.map((u) => [u.id, u.name]));
    const zones = new Map(agencies.map((a) => [a.id, a.timezone]));
    // Days left on the calendar the due dates were computed with: the official one plus the agency's overrides.
    const calendars = new Map<string, AgencyCalendar>();
    for (const agencyId of new Set((items as RequestListItem[]).map((r) => r.agencyId))) {
      calendars.set(agencyId, await loadAgencyCalendar(this.dataSource.manager, agencyId));
    }
    const now = new Date();
    const rows: QueueRow[] = (items as RequestListItem[]).map((r) => {
      const today = localDateTime(now, zones.get(r.agencyId) ?? 'Asia/Shanghai').date;
      const open =
        r.deadline.clockStatus === 'running' &&
        r.deadline.dueOn &&
        !['decided', 'closed', 'withdrawn'].includes(r.status);
      return {
        ...r,
        daysLeft: open
          ? workingDaysLeft(r.ruleSet, today, r.deadline.dueOn!, calendars.get(r.agencyId))
          : null,
        assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
      };
    });
    sendPage(reply, queuePage(portalContext(req, reply), rows, filter, total));
  }
}
