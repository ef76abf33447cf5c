import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AuthUser } from '@disclose/identity';
import { pageLocale, type PortalLocale } from '../i18n/i18n';

export const CSRF_COOKIE = 'disclose_csrf';
export const CSRF_FIELD = '_csrf';

/** What every page needs: language, the caller (if signed in), the CSRF token for its forms, the path. */
export interface PortalContext {
  locale: PortalLocale;
  user?: AuthUser;
  csrf: string;
  path: string;
  /** A one-line confirmation shown at the top (set by a redirect's `?done=1`). */
  notice?: string;
}

type PortalRequest = FastifyRequest & { user?: AuthUser };

/**
 * CSRF, double-submit: a random token in an HttpOnly, SameSite=Strict cookie, repeated in a hidden field of
 * every form. A cross-site page can neither read the cookie nor make the browser send it, so it cannot
 * produce a matching pair. Set on the first page view; unchanged afterwards (one per browser).
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies?.[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  void reply.setCookie(CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
  // Later code in this same request (the page's forms) must see the token too.
  (request.cookies ??= {})[CSRF_COOKIE] = token;
  return token;
}

/** Whether the submitted token (form field, or `?_csrf=` for multipart forms) matches the cookie. */
export function csrfValid(request: FastifyRequest): boolean {
  const cookie = request.cookies?.[CSRF_COOKIE];
  const body = request.body as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const sent = typeof body?.[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : query?.[CSRF_FIELD];
  if (!cookie || typeof sent !== 'string' || sent.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
}

export function portalContext(request: FastifyRequest, reply: FastifyReply): PortalContext {
  const req = request as PortalRequest;
  return {
    locale: pageLocale(req as never),
    user: req.user,
    csrf: csrfToken(request, reply),
    path: request.url,
  };
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, page: { value: string }, status = 200): void {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').send(page.value);
}

/** Post/Redirect/Get: 303 so that the browser follows with a GET. */
export function redirect(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).send();
}

/** A same-site path to go back to after signing in (never an absolute URL: no open redirect). */
export function safeNext(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}
