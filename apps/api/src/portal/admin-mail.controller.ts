import {
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '@disclose/domain';
import { AgenciesService, Public, type AuthUser } from '@disclose/identity';
import { OutboxAdminService } from '@disclose/mail';
import { CsrfGuard } from './http/csrf.guard';
import { portalContext, redirect, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser, withNotice } from './requests.controller';
import { MAIL_PAGE_SIZE, mailFailuresPage } from './views/mail.page';

type Req = FastifyRequest & { user?: AuthUser };

function requireAdmin(req: Req): AuthUser {
  const user = requireUser(req);
  if (user.role !== 'admin') throw new ForbiddenError(req.url);
  return user;
}

/** Admins: the emails that gave up after MAIL_MAX_ATTEMPTS, and a retry — OutboxAdminService, as the JSON API. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('admin/mail')
export class PortalAdminMailController {
  constructor(
    private readonly outbox: OutboxAdminService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  async list(@Req() req: Req, @Res() reply: FastifyReply, @Query('offset') offset?: string): Promise<void> {
    const user = requireAdmin(req);
    const from = /^\d{1,6}$/.test(offset ?? '') ? Number(offset) : 0;
    const page = await this.outbox.list('failed', MAIL_PAGE_SIZE, from);
    const own = user.agencyId ? await this.agencies.getById(user.agencyId) : null;
    const ctx = withNotice(req, portalContext(req, reply));
    sendPage(reply, mailFailuresPage(ctx, page, from, own?.timezone ?? 'Asia/Shanghai'));
  }

  @Post(':id/retry')
  async retry(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    requireAdmin(req);
    const outcome = await this.outbox.retry(id);
    if (outcome === 'not_found') throw new NotFoundException();
    redirect(reply, `/admin/mail?notice=${outcome === 'queued' ? 'retried' : 'notRetriable'}`);
  }
}
