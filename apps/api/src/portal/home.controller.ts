import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { computeDeadline, DeadlineRuleError, RULE_SET_IDS, type RuleSetId } from '@disclose/deadlines';
import { Public } from '@disclose/identity';
import { isPortalLocale, LANG_COOKIE, t } from './i18n/i18n';
import { portalContext, redirect, safeNext, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { calculatorPage, homePage } from './views/home.pages';
import type { FormError } from './views/components';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The start page, the language switch and the public deadline calculator. */
@ApiExcludeController()
@Public()
@UseFilters(PortalErrorFilter)
@Controller()
export class PortalHomeController {
  @Get()
  home(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    sendPage(reply, homePage(portalContext(req, reply)));
  }

  /** The switch link on every page: remembered for a year in a cookie, then back to the same page. */
  @Get('lang/:locale')
  lang(@Param('locale') locale: string, @Query('next') next: string, @Res() reply: FastifyReply): void {
    if (isPortalLocale(locale)) {
      void reply.setCookie(LANG_COOKIE, locale, {
        path: '/',
        maxAge: 365 * 86_400,
        sameSite: 'lax',
        httpOnly: true,
      });
    }
    redirect(reply, safeNext(next));
  }

  /** A GET form (nothing changes), so the result has a URL that can be shared. */
  @Get('calculator')
  calculator(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('ruleSet') ruleSet?: string,
    @Query('receivedOn') receivedOn?: string,
  ): void {
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    if (ruleSet === undefined && receivedOn === undefined) return sendPage(reply, calculatorPage(ctx, {}));
    const errors: FormError[] = [];
    if (!RULE_SET_IDS.includes(ruleSet as RuleSetId)) {
      errors.push({ field: 'ruleSet', message: t(l, 'v.choose', { label: t(l, 'calc.ruleSet') }) });
    }
    if (!receivedOn)
      errors.push({ field: 'receivedOn', message: t(l, 'v.required', { label: t(l, 'calc.receivedOn') }) });
    else if (!CIVIL_DATE.test(receivedOn)) {
      errors.push({ field: 'receivedOn', message: t(l, 'v.date', { label: t(l, 'calc.receivedOn') }) });
    }
    if (errors.length) return sendPage(reply, calculatorPage(ctx, { ruleSet, receivedOn, errors }), 400);
    try {
      const result = computeDeadline({ ruleSet: ruleSet as RuleSetId, receivedOn: receivedOn!, locale: l });
      sendPage(reply, calculatorPage(ctx, { ruleSet, receivedOn, result }));
    } catch (error) {
      if (!(error instanceof DeadlineRuleError)) throw error;
      const message = t(l, 'v.date', { label: t(l, 'calc.receivedOn') });
      sendPage(
        reply,
        calculatorPage(ctx, { ruleSet, receivedOn, errors: [{ field: 'receivedOn', message }] }),
        400,
      );
    }
  }
}
