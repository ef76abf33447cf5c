import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CsrfError } from './portal-error.filter';
import { csrfValid } from './portal-context';

/** Every state-changing portal request must carry the page's CSRF token (see csrfToken). */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
    if (!csrfValid(request)) throw new CsrfError();
    return true;
  }
}
