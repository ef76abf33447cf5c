import { Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, localDateTime } from '@disclose/domain';
import { AgenciesService, Public, UsersService, type AuthUser, type Role } from '@disclose/identity';
import { StatsService } from '@disclose/reports';
import { CalendarOverridesService } from '@disclose/requests';
import { t } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors, formFields } from './http/form-validation';
import { portalContext, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser } from './requests.controller';
import { adminPage, calendarPage, reportPage } from './views/admin.pages';
import { dashboardPage } from './views/dashboard.page';

type Req = FastifyRequest & { user?: AuthUser };
const STAFF: Role[] = ['clerk', 'supervisor', 'legal', 'admin'];

function requireRole(req: Req, roles: Role[]): AuthUser {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw new ForbiddenError(req.url);
  return user;
}

const dates = (s = ''): string[] => s.split(/[\s,，]+/).filter(Boolean);

/** Admins and supervisors: agencies and staff, the annual report, calendar overrides, the dashboard. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller()
export class PortalAdminController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly overrides: CalendarOverridesService,
    private readonly stats: StatsService,
  ) {}

  @Get('admin')
  async admin(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireRole(req, ['admin']);
    const visible = await this.agencies.visibleAgencyIds(user);
    const [tree, staff, list] = await Promise.all([
      this.agencies.tree(),
      this.users.listStaff(visible),
      this.agencies.list(),
    ]);
    sendPage(reply, adminPage(portalContext(req, reply), tree, staff, list));
  }

  @Get('admin/report')
  async report(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Query('agency') agency?: string,
    @Query('year') year?: string,
  ) {
    const user = requireRole(req, STAFF);
    const visible = new Set(await this.agencies.visibleAgencyIds(user));
    const list = (await this.agencies.list()).filter((a) => visible.has(a.id));
    const y = /^\d{4}$/.test(year ?? '') ? Number(year) : undefined;
    const code = list.some((a) => a.code === agency) ? agency : undefined;
    sendPage(reply, reportPage(portalContext(req, reply), list, code, y));
  }

  @Get('admin/calendar')
  async calendarForm(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    requireRole(req, ['admin']);
    sendPage(reply, calendarPage(portalContext(req, reply), await this.agencies.list(), {}, []));
  }

  /** Preview (nothing written) or load (recomputes open requests) — the same service as PUT /api/v1/…/calendar-overrides. */
  @Post('admin/calendar')
  async calendar(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireRole(req, ['admin']);
    const ctx = portalContext(req, reply);
    const v = formFields(req.body);
    const list = await this.agencies.list();
    const labels = {
      agency: t(ctx.locale, 'report.agency'),
      year: t(ctx.locale, 'cal.year'),
      holidays: t(ctx.locale, 'cal.holidays'),
      workdays: t(ctx.locale, 'cal.workdays'),
    };
    if (!v.agency || !/^\d{4}$/.test(v.year ?? '')) {
      const errors = [
        ...(v.agency
          ? []
          : [{ field: 'agency', message: t(ctx.locale, 'v.choose', { label: labels.agency }) }]),
        ...(/^\d{4}$/.test(v.year ?? '')
          ? []
          : [{ field: 'year', message: t(ctx.locale, 'v.number', { label: labels.year }) }]),
      ];
      return sendPage(reply, calendarPage(ctx, list, v, errors), 400);
    }
    const input = { holidays: dates(v.holidays), workdays: dates(v.workdays) };
    try {
      const save = v.mode === 'load';
      const { changed } = save
        ? await this.overrides.load(user, v.agency, Number(v.year), input)
        : await this.overrides.preview(user, v.agency, Number(v.year), input);
      sendPage(reply, calendarPage(ctx, list, v, [], { changed, saved: save }));
    } catch (error) {
      const errors = domainFormErrors(error, labels, ctx.locale);
      if (!errors) throw error;
      sendPage(reply, calendarPage(ctx, list, v, errors), 400);
    }
  }

  @Get('dashboard')
  async dashboard(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Query('agency') agency?: string,
  ): Promise<void> {
    const user = requireRole(req, STAFF);
    const visible = await this.agencies.visibleAgencyIds(user);
    const own = user.agencyId ? await this.agencies.getById(user.agencyId) : null;
    const chosen = agency ? await this.agencies.getByCode(agency) : own;
    if (!chosen || !visible.includes(chosen.id)) throw new ForbiddenError('dashboard');
    const today = localDateTime(new Date(), chosen.timezone).date;
    const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
    sendPage(
      reply,
      dashboardPage(portalContext(req, reply), await this.stats.compute(chosen.code, from, today)),
    );
  }
}
