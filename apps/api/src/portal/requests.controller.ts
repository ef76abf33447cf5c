import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '@disclose/domain';
import { AgenciesService, Public, RateLimit, type AuthUser } from '@disclose/identity';
import {
  DocumentsService,
  FileRequestService,
  RequestListService,
  RequestQueryService,
} from '@disclose/requests';
import { FileRequestDto } from '../requests/dto/file-request.dto';
import { t, type MessageKey } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import { domainFormErrors, formFields, validateForm } from './http/form-validation';
import { portalContext, redirect, sendPage, type PortalContext } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import type { RequestDetail, RequestListItem } from './http/request-detail';
import { RequestPageService } from './request-page.service';
import { fileRequestPage } from './views/file-request.page';
import { myRequestsPage, receiptPage } from './views/request.pages';

type Req = FastifyRequest & { user?: AuthUser };

/** Notices a redirect may ask for (a whitelist: the query never injects text). */
const NOTICES: Record<string, MessageKey> = {
  registered: 'register.done',
  done: 'request.done',
  review: 'review.filed',
  retried: 'mail.retried',
  notRetriable: 'mail.notRetriable',
  saved: 'report.saved',
  decided: 'case.decided',
};

export function withNotice(req: FastifyRequest, ctx: PortalContext): PortalContext {
  const key = NOTICES[String((req.query as Record<string, unknown>)?.notice ?? '')];
  return key ? { ...ctx, notice: t(ctx.locale, key) } : ctx;
}

export function requireUser(req: Req): AuthUser {
  if (!req.user) throw new UnauthenticatedError();
  return req.user;
}

/** Applicants: file a request, the receipt, their list, downloads. The request page is in RequestPageService. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('requests')
export class PortalRequestsController {
  constructor(
    private readonly filing: FileRequestService,
    private readonly listing: RequestListService,
    private readonly query: RequestQueryService,
    private readonly documents: DocumentsService,
    private readonly agencies: AgenciesService,
    private readonly page: RequestPageService,
  ) {}

  @Get()
  async mine(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireUser(req);
    if (user.role !== 'applicant') return redirect(reply, '/queue');
    const { items } = await this.listing.list(user, { pageSize: 100 });
    sendPage(reply, myRequestsPage(withNotice(req, portalContext(req, reply)), items as RequestListItem[]));
  }

  @Get('new')
  async newForm(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    requireUser(req);
    const ctx = withNotice(req, portalContext(req, reply));
    sendPage(reply, fileRequestPage(ctx, await this.agencies.list(), { idempotencyKey: randomUUID() }));
  }

  @Post()
  @RateLimit('filing')
  async file(@Req() req: Req, @Res() reply: FastifyReply): Promise<void> {
    const user = requireUser(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const { idempotencyKey, ...v } = formFields(req.body);
    const labels = {
      agencyCode: t(l, 'file.agency'),
      subject: t(l, 'file.subject'),
      description: t(l, 'file.description'),
      deliveryMethod: t(l, 'file.delivery'),
    };
    const { value, errors } = await validateForm(FileRequestDto, v, labels, l);
    if (errors.length === 0) {
      try {
        // The form's one-time key makes a double submit file once (the same Idempotency-Key as the API's).
        const filed = await this.filing.execute(user, { ...value }, idempotencyKey?.slice(0, 200));
        return redirect(reply, `/requests/${filed.id}/receipt`);
      } catch (error) {
        const fieldErrors = domainFormErrors(error, labels, l);
        if (!fieldErrors) throw error;
        errors.push(...fieldErrors);
      }
    }
    const page = fileRequestPage(
      ctx,
      await this.agencies.list(),
      { ...v, idempotencyKey: randomUUID() },
      errors,
    );
    sendPage(reply, page, 400);
  }

  @Get(':id/receipt')
  async receipt(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const user = requireUser(req);
    const r = (await this.query.get(user, id)) as unknown as RequestDetail;
    sendPage(reply, receiptPage(portalContext(req, reply), r, await this.agencies.getById(r.agencyId)));
  }

  @Get(':id')
  async show(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const user = requireUser(req);
    const ctx = withNotice(req, portalContext(req, reply));
    sendPage(reply, await this.page.render(ctx, user, id));
  }

  @Get(':id/documents/:docId')
  async download(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('docId', ParseUUIDPipe) docId: string,
  ): Promise<void> {
    const doc = await this.documents.download(requireUser(req), id, docId);
    void reply
      .header('content-type', doc.contentType)
      .header('content-length', String(doc.size))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
      .send(doc.stream);
  }
}
