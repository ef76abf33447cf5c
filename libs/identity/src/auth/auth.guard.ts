import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@disclose/domain';
import { SESSION_COOKIE, type Role } from '../contract';
import { SessionsService } from '../sessions/sessions.service';
import { AuthenticatedRequest, IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** The session token of a request: `Authorization: Bearer <token>` first, else the portal's cookie. */
export function sessionTokenOf(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const bearer = value?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return bearer;
  const fromPlugin = request.cookies?.[SESSION_COOKIE];
  if (fromPlugin) return fromPlugin;
  // Without @fastify/cookie registered (e.g. a test app) read the raw header.
  const raw = request.headers.cookie;
  const cookieHeader = Array.isArray(raw) ? raw.join('; ') : raw;
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Global guard (APP_GUARD) or per-controller (`@UseGuards(AuthGuard)`): resolves the session into
 * `request.user`; routes without `@Public()` need one (401), `@Roles(...)` restricts them further (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = sessionTokenOf(request);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (user) request.user = user;
    if (isPublic) return true;
    if (!user) throw new UnauthenticatedError();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !roles.includes(user.role)) {
      throw new ForbiddenError(`${context.getClass().name}.${context.getHandler().name}`);
    }
    return true;
  }
}
