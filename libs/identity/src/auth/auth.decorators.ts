import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { UnauthenticatedError } from '@disclose/domain';
import type { AuthUser, Role } from '../contract';

export const IS_PUBLIC_KEY = 'disclose:public';
export const ROLES_KEY = 'disclose:roles';

/** The route (or controller) needs no session; AuthGuard still attaches the user when a valid one is sent. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Only these roles may call the route (or every route of the controller); others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The request as AuthGuard sees it (Fastify or Express alike). */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  ip?: string;
  user?: AuthUser;
}

/**
 * The caller (AuthUser). `@CurrentUser()` on a public route without a session throws 401;
 * `@CurrentUser('optional')` gives undefined instead.
 */
export const CurrentUser = createParamDecorator(
  (mode: 'optional' | undefined, context: ExecutionContext): AuthUser | undefined => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user && mode !== 'optional') throw new UnauthenticatedError();
    return user;
  },
);
