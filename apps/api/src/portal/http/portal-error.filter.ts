import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RateLimitedError, UnauthenticatedError, formatMessage } from '@disclose/domain';
import { statusForDomainCode } from '../../http/domain-status';
import { t } from '../i18n/i18n';
import { html } from '../views/html';
import { layout } from '../views/layout';
import { portalContext, redirect, sendPage } from './portal-context';

/** A POST whose CSRF token is missing or wrong. */
export class CsrfError extends Error {
  constructor() {
    super('CSRF token missing or invalid');
  }
}

/**
 * Errors of portal routes as HTML pages (the global filter answers problem+json, right for the API only):
 * no session → 303 to the sign-in page (coming back afterwards), CSRF → 403, domain errors → their status
 * with the localized message, anything else → 500 without internals.
 */
@Catch()
export class PortalErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('portal');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof UnauthenticatedError) {
      const next = request.method === 'GET' ? request.url : '/';
      return redirect(reply, `/sign-in?next=${encodeURIComponent(next)}`);
    }
    const ctx = portalContext(request, reply);
    const l = ctx.locale;
    let status = 500;
    let title = t(l, 'error.title');
    let message = t(l, 'error.server');
    if (exception instanceof CsrfError) {
      [status, title, message] = [403, t(l, 'error.forbidden'), t(l, 'error.csrf')];
    } else if (exception instanceof DomainError) {
      status = statusForDomainCode(exception.code);
      if (status === 404) title = t(l, 'error.notFound');
      if (status === 403) title = t(l, 'error.forbidden');
      message = formatMessage(exception.code, exception.params, l);
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      title = status === 404 ? t(l, 'error.notFound') : t(l, 'error.title');
      message = status === 404 ? t(l, 'error.notFound') : exception.message;
    } else if (clientErrorStatus(exception)) {
      // Fastify's and @fastify/multipart's refusals (a file over the size cap: 413, a `__proto__` part: 400)
      // carry their status; they are the client's fault, not a 500.
      status = clientErrorStatus(exception)!;
      message = (exception as Error).message;
    }
    if (status >= 500) this.logger.error({ err: exception, url: request.url }, 'portal page failed');
    if (exception instanceof RateLimitedError) void reply.header('retry-after', exception.retryAfterSeconds);
    const body = html`<h1>${title}</h1>
      <p class="lead">${message}</p>
      <p><a href="/">${t(l, 'error.back')}</a></p>`;
    sendPage(reply, layout(ctx, title, body), status);
  }
}

/** The 4xx status a framework error carries (`statusCode`), if any. */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
