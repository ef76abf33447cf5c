import { Controller, Get, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '@disclose/domain';
import { AuthService, Public, SessionsService, type AuthUser } from '@disclose/identity';
import { PasswordChangeDto } from '../auth/auth.dto';
import { t } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors, formFields, validateForm } from './http/form-validation';
import { portalContext, redirect, sendPage, type PortalContext } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser } from './requests.controller';
import { accountSettingsPage } from './views/account-settings.pages';

type Req = FastifyRequest & { user?: AuthUser };

/** The banner after a redirect here: a whitelist, and the count as a number only. */
function withAccountNotice(req: FastifyRequest, ctx: PortalContext): PortalContext {
  const q = (req.query ?? {}) as Record<string, unknown>;
  if (q.notice === 'password') return { ...ctx, notice: t(ctx.locale, 'account.passwordChanged') };
  if (q.notice === 'others') {
    const n = /^\d{1,6}$/.test(String(q.n ?? '')) ? Number(q.n) : 0;
    return { ...ctx, notice: t(ctx.locale, 'account.othersDone', { n }) };
  }
  return ctx;
}

/**
 * "Your account", for every signed-in user: change the password with AuthService.changePassword (the same
 * call as POST /api/v1/auth/password: checks the current one, counts against the sign-in limit, ends every
 * other session in every api process) and sign out of the other devices (SessionsService.revokeAll keeping
 * this session).
 */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('account')
export class PortalAccountSettingsController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  show(@Req() req: Req, @Res() reply: FastifyReply): void {
    requireUser(req);
    sendPage(reply, accountSettingsPage(withAccountNotice(req, portalContext(req, reply))));
  }

  @Post('password')
  async changePassword(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireUser(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    // Trimmed like the portal's sign-in and registration forms, so the new password signs in there.
    const v = formFields(req.body);
    const labels = {
      currentPassword: t(l, 'account.current'),
      newPassword: t(l, 'account.new'),
      confirmPassword: t(l, 'account.confirm'),
    };
    const { errors } = await validateForm(
      PasswordChangeDto,
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      labels,
      l,
    );
    if (!v.confirmPassword) {
      errors.push({
        field: 'confirmPassword',
        message: t(l, 'v.required', { label: labels.confirmPassword }),
      });
    } else if (v.newPassword && v.confirmPassword !== v.newPassword) {
      errors.push({ field: 'confirmPassword', message: t(l, 'account.mismatch') });
    }
    if (errors.length === 0) {
      try {
        await this.auth.changePassword(user, v.currentPassword!, v.newPassword!);
        return redirect(reply, '/account?notice=password');
      } catch (error) {
        const wrong =
          error instanceof ValidationError && error.fields.some((f) => f.code === 'wrong_password');
        const fieldErrors = wrong
          ? [{ field: 'currentPassword', message: t(l, 'account.wrongPassword') }]
          : domainFormErrors(error, labels, l);
        if (!fieldErrors) throw error;
        errors.push(...fieldErrors);
      }
    }
    sendPage(reply, accountSettingsPage(ctx, errors), 400);
  }

  @Post('sessions/revoke')
  async signOutOthers(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireUser(req);
    const n = await this.sessions.revokeAll(user.id, undefined, user.sessionId);
    redirect(reply, `/account?notice=others&n=${n}`);
  }
}
