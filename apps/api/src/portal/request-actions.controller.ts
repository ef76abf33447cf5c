import { Controller, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { RecordCaseService } from '@disclose/cases';
import { DomainError, formatMessage, NotFoundError } from '@disclose/domain';
import { Public, type AuthUser } from '@disclose/identity';
import {
  AssignRequestService,
  ClarificationService,
  ClosingService,
  ConsultationService,
  DecisionService,
  DocumentsService,
  ExtensionService,
  FeeService,
  MAX_DOCUMENT_BYTES,
} from '@disclose/requests';
import { RequestCaseDto } from '../cases/dto/create-case.dto';
import { ClarificationDto, WithdrawDto } from '../requests/dto/action.dto';
import { t, type PortalLocale } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import {
  domainFormErrors,
  fileTooLarge,
  formFields,
  isFileTooLarge,
  validateForm,
} from './http/form-validation';
import { portalContext, redirect, sendPage } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { RequestPageService } from './request-page.service';
import { ACTIONS, actionInput, actionLabels, isActionKey, type ActionServices } from './request-actions.map';
import { requireUser } from './requests.controller';
import type { FormError } from './views/components';

type Req = FastifyRequest & { user?: AuthUser };

/** A refusal that is not about one field (wrong status, stale version, deadline law) → shown on the form. */
function formError(
  error: unknown,
  anchor: string,
  labels: Record<string, string>,
  l: PortalLocale,
  prefix = '',
): FormError[] {
  const fields = domainFormErrors(error, labels, l);
  if (fields) return fields.map((f) => ({ ...f, field: `${prefix}${f.field}` }));
  if (error instanceof DomainError && !(error instanceof NotFoundError)) {
    return [{ field: anchor, message: formatMessage(error.code, error.params, l) }];
  }
  throw error;
}

/** Every form on the request page: the applicant's answer and withdrawal, staff lifecycle actions, uploads. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('requests/:id')
export class PortalRequestActionsController {
  private readonly services: ActionServices;

  constructor(
    assigning: AssignRequestService,
    clarifications: ClarificationService,
    consultations: ConsultationService,
    extensions: ExtensionService,
    fees: FeeService,
    decisions: DecisionService,
    closing: ClosingService,
    private readonly documents: DocumentsService,
    private readonly page: RequestPageService,
    private readonly cases: RecordCaseService,
  ) {
    this.services = { assigning, clarifications, consultations, extensions, fees, decisions, closing };
  }

  @Post('clarification')
  clarification(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    return this.applicantForm(req, reply, id, ClarificationDto, { text: 'request.clarifyAnswer' }, (u, v) =>
      this.services.clarifications.receive(u, id, v as ClarificationDto),
    );
  }

  @Post('withdraw')
  withdraw(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    return this.applicantForm(req, reply, id, WithdrawDto, { reason: 'request.withdrawReason' }, (u, v) =>
      this.services.closing.withdraw(u, id, v as WithdrawDto),
    );
  }

  /** The applicant asks for an internal review (UK) / appeals (US): RecordCaseService.fileByApplicant, as the API. */
  @Post('review')
  async review(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    const user = requireUser(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const { kind, grounds } = formFields(req.body);
    const labels = { grounds: t(l, 'review.grounds'), kind: t(l, 'review.grounds') };
    const { errors } = await validateForm(RequestCaseDto, { kind, grounds }, labels, l);
    if (!grounds && !errors.some((e) => e.field === 'grounds'))
      errors.push({ field: 'grounds', message: t(l, 'v.required', { label: labels.grounds }) });
    if (errors.length === 0) {
      try {
        await this.cases.fileByApplicant(user, id, { kind: kind as 'internal_review', grounds: grounds! });
        return redirect(reply, `/requests/${id}?notice=review`);
      } catch (error) {
        errors.push(...formError(error, 'grounds', labels, l));
      }
    }
    // Every message is shown at the one field of the form (the kind is fixed by the page).
    const shown = errors.map((e) => ({ ...e, field: 'grounds' }));
    sendPage(reply, await this.page.render(ctx, user, id, shown), 400);
  }

  @Post('actions/:key')
  async action(
    @Req() req: Req,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('key') key: string,
  ) {
    const user = requireUser(req);
    if (!isActionKey(key)) throw new NotFoundError('REQUEST.NOT_FOUND', key);
    const ctx = portalContext(req, reply);
    const fields = formFields(req.body);
    const labels = actionLabels(key, ctx.locale);
    const { value, errors } = await validateForm(
      ACTIONS[key].dto,
      actionInput(key, fields),
      labels,
      ctx.locale,
    );
    const shown = errors.map((e) => ({ ...e, field: `${key}.${e.field}` }));
    if (shown.length === 0) {
      try {
        await ACTIONS[key].call(this.services, user, id, value, fields);
        return redirect(reply, `/requests/${id}?notice=done`);
      } catch (error) {
        shown.push(...formError(error, key, labels, ctx.locale, `${key}.`));
      }
    }
    sendPage(reply, await this.page.render(ctx, user, id, shown), 400);
  }

  /** Multipart: the CSRF token comes in the action URL (the body is a stream read only here). */
  @Post('documents')
  async upload(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    const user = requireUser(req);
    const ctx = portalContext(req, reply);
    const file = req.isMultipart() ? await req.file() : undefined;
    const errors: FormError[] = [];
    if (!file || !file.filename) {
      errors.push({
        field: 'file',
        message: t(ctx.locale, 'v.choose', { label: t(ctx.locale, 'act.file') }),
      });
    } else {
      const label = t(ctx.locale, 'act.file');
      const visible = (file.fields.visibleToApplicant as { value?: unknown } | undefined)?.value === 'true';
      try {
        // Over the limit multipart cuts the file: toBuffer throws (FST_REQ_FILE_TOO_LARGE) or, when the cut
        // falls on a chunk boundary, answers the first MAX_DOCUMENT_BYTES with the stream marked truncated.
        const bytes = await file.toBuffer();
        if (file.file.truncated) {
          errors.push(fileTooLarge('file', label, MAX_DOCUMENT_BYTES, ctx.locale));
        } else {
          await this.documents.upload(user, id, {
            filename: file.filename,
            bytes,
            visibleToApplicant: visible,
          });
          return redirect(reply, `/requests/${id}?notice=done`);
        }
      } catch (error) {
        if (isFileTooLarge(error)) errors.push(fileTooLarge('file', label, MAX_DOCUMENT_BYTES, ctx.locale));
        else errors.push(...formError(error, 'file', { file: label }, ctx.locale));
      }
    }
    sendPage(reply, await this.page.render(ctx, user, id, errors), 400);
  }

  private async applicantForm(
    req: Req,
    reply: FastifyReply,
    id: string,
    dto: new () => object,
    labelKeys: Record<string, 'request.clarifyAnswer' | 'request.withdrawReason'>,
    call: (user: AuthUser, value: object) => Promise<unknown>,
  ): Promise<void> {
    const user = requireUser(req);
    const ctx = portalContext(req, reply);
    const labels = Object.fromEntries(Object.entries(labelKeys).map(([k, m]) => [k, t(ctx.locale, m)]));
    const fields: Record<string, unknown> = formFields(req.body);
    if (typeof fields.expectedVersion === 'string') fields.expectedVersion = Number(fields.expectedVersion);
    const { value, errors } = await validateForm(dto, fields, labels, ctx.locale);
    if (errors.length === 0) {
      try {
        await call(user, value);
        return redirect(reply, `/requests/${id}?notice=done`);
      } catch (error) {
        errors.push(...formError(error, Object.keys(labels)[0], labels, ctx.locale));
      }
    }
    sendPage(reply, await this.page.render(ctx, user, id, errors), 400);
  }
}
