import { Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import { DomainError, formatMessage } from '@disclose/domain';
import { AuthService, Public, RateLimit, SESSION_COOKIE, type AuthUser } from '@disclose/identity';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RegisterDto } from '../auth/auth.dto';
import { t } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors, formFields, validateForm } from './http/form-validation';
import { portalContext, redirect, safeNext, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import * as pages from './views/account.pages';

/** Sign in, register, sign out, email confirmation and password reset: forms over AuthService. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller()
export class PortalAccountController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sign-in')
  signInForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('next') next?: string): void {
    sendPage(reply, pages.signInPage(portalContext(req, reply), { next: safeNext(next) }));
  }

  @Post('sign-in')
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = portalContext(req, reply);
    const v = formFields(req.body);
    const labels = { email: t(ctx.locale, 'signIn.email'), password: t(ctx.locale, 'signIn.password') };
    const { errors } = await validateForm(
      LoginDto,
      { email: v.email, password: v.password },
      labels,
      ctx.locale,
    );
    if (errors.length === 0) {
      try {
        await this.startSession(req, reply, v.email!, v.password!);
        return redirect(reply, safeNext(v.next, '/requests'));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code.startsWith('VALIDATION')) throw error;
        errors.push({ field: 'email', message: formatMessage(error.code, error.params, ctx.locale) });
      }
    }
    sendPage(reply, pages.signInPage(ctx, { email: v.email, next: safeNext(v.next) }, errors), 400);
  }

  @Post('sign-out')
  async signOut(@Req() req: FastifyRequest & { user?: AuthUser }, @Res() reply: FastifyReply): Promise<void> {
    if (req.user) await this.auth.logout(req.user);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    redirect(reply, '/');
  }

  @Get('register')
  registerForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    sendPage(reply, pages.registerPage(portalContext(req, reply), {}));
  }

  @Post('register')
  @RateLimit('register')
  async register(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const v = formFields(req.body);
    const labels = {
      name: t(l, 'register.name'),
      email: t(l, 'register.email'),
      password: t(l, 'register.password'),
      applicantType: t(l, 'register.applicantType'),
      locale: t(l, 'register.language'),
    };
    const { value, errors } = await validateForm(RegisterDto, v, labels, l);
    if (errors.length === 0) {
      try {
        await this.auth.register(value);
        await this.startSession(req, reply, value.email, value.password);
        return redirect(reply, '/requests/new?notice=registered');
      } catch (error) {
        const fieldErrors = domainFormErrors(error, labels, l);
        if (fieldErrors) errors.push(...fieldErrors);
        else if (error instanceof DomainError && error.code === 'AUTH.EMAIL_TAKEN') {
          errors.push({ field: 'email', message: formatMessage(error.code, error.params, l) });
        } else throw error;
      }
    }
    sendPage(reply, pages.registerPage(ctx, { ...v, password: undefined }, errors), 400);
  }

  @Get('verify-email')
  async verifyEmail(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('token') token = '',
  ): Promise<void> {
    const ctx = portalContext(req, reply);
    await this.auth.verifyEmail(String(token).slice(0, 200));
    sendPage(
      reply,
      pages.messagePage(ctx, t(ctx.locale, 'verify.title'), t(ctx.locale, 'verify.ok'), [
        '/',
        t(ctx.locale, 'nav.home'),
      ]),
    );
  }

  @Get('reset-password')
  resetForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('token') token?: string): void {
    const ctx = portalContext(req, reply);
    sendPage(reply, token ? pages.resetConfirmPage(ctx, String(token)) : pages.resetRequestPage(ctx, {}));
  }

  @Post('reset-password')
  @RateLimit('passwordReset')
  async resetRequest(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = portalContext(req, reply);
    const v = formFields(req.body);
    const labels = { email: t(ctx.locale, 'signIn.email') };
    const { value, errors } = await validateForm(PasswordResetRequestDto, v, labels, ctx.locale);
    if (errors.length) return sendPage(reply, pages.resetRequestPage(ctx, v, errors), 400);
    await this.auth.requestPasswordReset(value.email);
    sendPage(reply, pages.messagePage(ctx, t(ctx.locale, 'reset.title'), t(ctx.locale, 'reset.sent')));
  }

  @Post('reset-password/confirm')
  async resetConfirm(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = portalContext(req, reply);
    const v = formFields(req.body);
    const labels = { password: t(ctx.locale, 'register.password'), token: 'token' };
    const { value, errors } = await validateForm(PasswordResetConfirmDto, v, labels, ctx.locale);
    if (errors.length) return sendPage(reply, pages.resetConfirmPage(ctx, v.token ?? '', errors), 400);
    await this.auth.confirmPasswordReset(value.token, value.password);
    sendPage(
      reply,
      pages.messagePage(ctx, t(ctx.locale, 'reset.newTitle'), t(ctx.locale, 'reset.done'), [
        '/sign-in',
        t(ctx.locale, 'nav.signIn'),
      ]),
    );
  }

  /** The same session cookie as POST /api/v1/auth/login sets. */
  private async startSession(
    req: FastifyRequest,
    reply: FastifyReply,
    email: string,
    password: string,
  ): Promise<void> {
    const session = await this.auth.login(email, password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    void reply.setCookie(SESSION_COOKIE, session.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https:'),
      path: '/',
      expires: session.expiresAt,
    });
  }
}
