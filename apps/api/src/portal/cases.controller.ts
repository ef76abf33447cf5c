import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseQueryService } from '@disclose/cases';
import { AgenciesService, Public, type AuthUser } from '@disclose/identity';
import { portalContext, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser } from './requests.controller';
import { casePage, casesPage } from './views/cases.pages';

type Req = FastifyRequest & { user?: AuthUser };

/** Legal staff: their cases by next deadline, and one case with hearings, documents and outcome. */
@ApiExcludeController()
@Public()
@UseFilters(PortalErrorFilter)
@Controller('cases')
export class PortalCasesController {
  constructor(
    private readonly cases: CaseQueryService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  async list(@Req() req: Req, @Res() reply: FastifyReply, @Query('open') open?: string): Promise<void> {
    const user = requireUser(req);
    const openOnly = open === 'true';
    const cases = await this.cases.list(user, openOnly ? { open: true } : {});
    sendPage(reply, casesPage(portalContext(req, reply), cases, openOnly));
  }

  @Get(':id')
  async show(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const user = requireUser(req);
    const c = await this.cases.get(user, id);
    const agency = await this.agencies.getById(c.agencyId);
    sendPage(reply, casePage(portalContext(req, reply), c, agency?.timezone ?? 'Asia/Shanghai'));
  }
}
