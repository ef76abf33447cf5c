import { Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, localDateTime, ValidationError } from '@disclose/domain';
import { AgenciesService, Public, UsersService, type AuthUser, type Role } from '@disclose/identity';
import { ReportTextsService, StatsService, TABLE1_CELLS, type StoredReportTexts } from '@disclose/reports';
import { ReportSectionsDto } from '../reports/reports.dto';
import { ReportAccess } from '../reports/report-access';
import { CalendarOverridesService } from '@disclose/requests';
import { t } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors, formFields, validateForm } from './http/form-validation';
import { portalContext, redirect, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser, withNotice } from './requests.controller';
import {
  adminPage,
  calendarPage,
  REPORT_SECTIONS,
  reportPage,
  type ReportTextsForm,
} from './views/admin.pages';
import type { FormError } from './views/components';
import type { MessageKey } from './i18n/i18n';
import { dashboardPage } from './views/dashboard.page';
import { accountActionNotice } from './admin-users.controller';

type Req = FastifyRequest & { user?: AuthUser };
const STAFF: Role[] = ['clerk', 'supervisor', 'legal', 'admin'];

function requireRole(req: Req, roles: Role[]): AuthUser {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw new ForbiddenError(req.url);
  return user;
}

const dates = (s = ''): string[] => s.split(/[\s,，]+/).filter(Boolean);
const TEXT_WRITERS: Role[] = ['supervisor', 'admin'];

/** The stored texts as form values (sections as stored — not prefilled — and table 1 cells as typed). */
function storedValues(stored: StoredReportTexts | null): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = { ...(stored?.sections ?? {}) };
  for (const [row, cells] of Object.entries(stored?.table1 ?? {})) {
    for (const [col, n] of Object.entries(cells ?? {})) {
      if (typeof n === 'number') values[`t1.${row}.${col}`] = String(n);
    }
  }
  return values;
}

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
    private readonly texts: ReportTextsService,
    private readonly access: ReportAccess,
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
    sendPage(reply, adminPage(accountActionNotice(req, portalContext(req, reply), staff), tree, staff, list));
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
    const chosen = list.find((a) => a.code === agency);
    const ctx = withNotice(req, portalContext(req, reply));
    const texts: ReportTextsForm | undefined =
      chosen && y && TEXT_WRITERS.includes(user.role)
        ? { values: storedValues(await this.texts.get(chosen.id, y)), errors: [] }
        : undefined;
    sendPage(reply, reportPage(ctx, list, chosen?.code, y, texts));
  }

  /** Table 1 and the text sections: the same checks and service as PUT /api/v1/reports/annual/texts. */
  @Post('admin/report/texts')
  async reportTexts(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireRole(req, TEXT_WRITERS);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const v = formFields(req.body);
    const agency = await this.access.agencyFor(user, v.agency ?? '');
    const year = Number(v.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2200)
      throw new ValidationError([{ field: 'year', code: 'invalid' }]);
    // Empty sections are sent as null: removed, so sections III, IV and VI are written from the figures.
    const sections = Object.fromEntries(REPORT_SECTIONS.map((k) => [k, v[k] ?? null]));
    const labels = Object.fromEntries(
      REPORT_SECTIONS.map((k) => [k, t(l, `report.section.${k}` as MessageKey)]),
    );
    const present = Object.fromEntries(Object.entries(sections).filter(([, x]) => x !== null));
    const { errors } = await validateForm(ReportSectionsDto, present, labels, l);
    const table1: Record<string, Record<string, number | null>> = {};
    for (const [row, cols] of TABLE1_CELLS) {
      table1[row] = {};
      for (const col of cols) {
        const name = `t1.${row}.${col}`;
        const raw = v[name]?.replace(/[,，\s]/g, '');
        const n = raw === undefined ? null : Number(raw);
        if (n !== null && (!Number.isFinite(n) || n < 0 || raw === '')) {
          const label = `${t(l, `report.t1.${row}` as MessageKey)}: ${t(l, `report.t1c.${col}` as MessageKey)}`;
          errors.push({ field: name, message: t(l, 'v.nonNegative', { label }) });
        }
        table1[row][col] = n;
      }
    }
    if (errors.length === 0) {
      await this.texts.put({ agencyCode: agency.code, year, table1, sections, updatedBy: user.id });
      return redirect(
        reply,
        `/admin/report?agency=${encodeURIComponent(agency.code)}&year=${year}&notice=saved`,
      );
    }
    const visible = new Set(await this.agencies.visibleAgencyIds(user));
    const list = (await this.agencies.list()).filter((a) => visible.has(a.id));
    const form: ReportTextsForm = { values: v, errors: errors as FormError[] };
    sendPage(reply, reportPage(ctx, list, agency.code, year, form), 400);
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
