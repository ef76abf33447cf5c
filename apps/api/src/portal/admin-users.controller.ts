import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '@disclose/domain';
import { AccountAdminService, Public, UsersService, type AuthUser, type UserView } from '@disclose/identity';
import { t } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors } from './http/form-validation';
import { portalContext, redirect, sendPage, type PortalContext } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser } from './requests.controller';
import { confirmActionPage, type ConfirmedAction } from './views/admin-users.pages';

type Req = FastifyRequest & { user?: AuthUser };

function requireAdmin(req: Req): AuthUser {
  const user = requireUser(req);
  if (user.role !== 'admin') throw new ForbiddenError(req.url);
  return user;
}

/**
 * The admin page's banner after an account action: `?notice=disabled|enabled|revoked&user=<id>[&n=<count>]`.
 * The name comes from the listed staff (the query never injects text); an unknown id shows nothing.
 */
export function accountActionNotice(
  req: FastifyRequest,
  ctx: PortalContext,
  staff: UserView[],
): PortalContext {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const user = staff.find((u) => u.id === q.user);
  const n = /^\d{1,6}$/.test(String(q.n ?? '')) ? Number(q.n) : 0;
  if (!user) return ctx;
  const l = ctx.locale;
  const notice =
    q.notice === 'disabled'
      ? t(l, 'users.disabledDone', { name: user.name })
      : q.notice === 'enabled'
        ? t(l, 'users.enabledDone', { name: user.name })
        : q.notice === 'revoked'
          ? t(l, 'users.revokedDone', { name: user.name, n })
          : undefined;
  return notice ? { ...ctx, notice } : ctx;
}

/**
 * Administrators' account actions on the admin page's staff table: disable (after a confirmation page),
 * enable, sign out everywhere (after a confirmation page). The same AccountAdminService as
 * POST /api/v1/users/:id/disable, /enable and /sessions/revoke: its rules (no disabling oneself) and its
 * revocation in every api process are the ones that apply here.
 */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('admin/users')
export class PortalAdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountAdminService,
  ) {}

  @Get(':id/disable')
  async disableForm(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.confirmPage(req, reply, id, 'disable');
  }

  @Post(':id/disable')
  async disable(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const admin = requireAdmin(req);
    try {
      await this.accounts.setDisabled(admin, id, true);
    } catch (error) {
      // The service refuses an admin's own account: shown on the confirmation page, nothing changed.
      const ctx = portalContext(req, reply);
      const errors = domainFormErrors(error, { id: t(ctx.locale, 'users.account') }, ctx.locale);
      if (!errors) throw error;
      const user = await this.users.getById(id);
      const shown = errors.map((e) => ({ ...e, field: 'confirm' }));
      return sendPage(reply, confirmActionPage(ctx, user, 'disable', shown), 400);
    }
    redirect(reply, `/admin?notice=disabled&user=${id}#staff`);
  }

  @Post(':id/enable')
  async enable(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.accounts.setDisabled(requireAdmin(req), id, false);
    redirect(reply, `/admin?notice=enabled&user=${id}#staff`);
  }

  @Get(':id/sign-out')
  async signOutForm(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.confirmPage(req, reply, id, 'sign-out');
  }

  @Post(':id/sign-out')
  async signOut(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const n = await this.accounts.revokeSessions(id, requireAdmin(req));
    redirect(reply, `/admin?notice=revoked&user=${id}&n=${n}#staff`);
  }

  private async confirmPage(
    req: Req,
    reply: FastifyReply,
    id: string,
    action: ConfirmedAction,
  ): Promise<void> {
    requireAdmin(req);
    const user = await this.users.getById(id);
    sendPage(reply, confirmActionPage(portalContext(req, reply), user, action));
  }
}
