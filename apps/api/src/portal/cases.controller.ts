import {
  Controller,
  Get,
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
import type {} from '@fastify/multipart';
import {
  CASE_DOCUMENT_MAX_BYTES,
  CaseDocumentsService,
  CaseQueryService,
  canWriteCases,
  RecordOutcomeService,
  UpdateCaseService,
} from '@disclose/cases';
import {
  DomainError,
  ForbiddenError,
  formatMessage,
  localDateTime,
  localDateTimeToInstant,
  NotFoundError,
} from '@disclose/domain';
import { AgenciesService, Public, type AuthUser } from '@disclose/identity';
import { AddHearingDto, RecordOutcomeDto } from '../cases/dto/case-actions.dto';
import { t, type PortalLocale } from './i18n/i18n';
import { CsrfGuard } from './http/csrf.guard';
import {
  domainFormErrors,
  fileTooLarge,
  formFields,
  isFileTooLarge,
  validateForm,
  type Labels,
} from './http/form-validation';
import { portalContext, redirect, sendPage, type PortalContext } from './http/portal-context';
import { PortalErrorFilter } from './http/portal-error.filter';
import { requireUser, withNotice } from './requests.controller';
import { casePage, casesPage } from './views/cases.pages';
import type { FormError } from './views/components';

type Req = FastifyRequest & { user?: AuthUser };

/** A refusal of a case service as form messages: field errors at their fields, others at `anchor`. */
function caseFormErrors(error: unknown, anchor: string, labels: Labels, l: PortalLocale): FormError[] {
  const fields = domainFormErrors(error, labels, l);
  if (fields) return fields.map((f) => (f.field in labels ? f : { ...f, field: anchor }));
  if (error instanceof DomainError && !(error instanceof NotFoundError)) {
    return [{ field: anchor, message: formatMessage(error.code, error.params, l) }];
  }
  throw error;
}

/** Legal staff: their cases by next deadline, and one case with hearings, documents and outcome. */
@ApiExcludeController()
@Public()
@UseGuards(CsrfGuard)
@UseFilters(PortalErrorFilter)
@Controller('cases')
export class PortalCasesController {
  constructor(
    private readonly cases: CaseQueryService,
    private readonly updates: UpdateCaseService,
    private readonly outcomes: RecordOutcomeService,
    private readonly documents: CaseDocumentsService,
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
    sendPage(reply, await this.render(withNotice(req, portalContext(req, reply)), user, id));
  }

  /** A hearing on a date and local time of the agency (UpdateCaseService.addHearing, as POST …/hearings). */
  @Post(':id/hearings')
  async hearing(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    const user = this.writer(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const v = formFields(req.body);
    const labels = {
      heldOn: t(l, 'case.hearingDate'),
      heldTime: t(l, 'case.hearingTime'),
      place: t(l, 'case.place'),
      hearingNotes: t(l, 'case.hearingNotes'),
    };
    const errors: FormError[] = [];
    const date = /^\d{4}-\d{2}-\d{2}$/.test(v.heldOn ?? '') && !Number.isNaN(Date.parse(v.heldOn!));
    const time = /^([01]\d|2[0-3]):[0-5]\d$/.exec(v.heldTime ?? '');
    if (!date) {
      errors.push({
        field: 'heldOn',
        message: t(l, v.heldOn ? 'v.date' : 'v.required', { label: labels.heldOn }),
      });
    }
    if (!time) {
      errors.push({
        field: 'heldTime',
        message: t(l, v.heldTime ? 'v.invalid' : 'v.required', { label: labels.heldTime }),
      });
    }
    let heldAt = '';
    if (date && time) {
      // The agency's offset at that very minute (not the whole hour's plus the minutes): a time shown
      // twice when clocks go back is the first, a time skipped when they go forward is moved by the gap.
      const agency = await this.agencyOf(user, id);
      heldAt = localDateTimeToInstant(v.heldOn!, v.heldTime!, agency.timezone).toISOString();
    }
    const form = { heldAt: heldAt || undefined, place: v.place, notes: v.hearingNotes };
    const checked = await validateForm(
      AddHearingDto,
      form,
      { place: labels.place, notes: labels.hearingNotes },
      l,
    );
    errors.push(
      ...checked.errors
        .filter((e) => e.field !== 'heldAt')
        .map((e) => ({ ...e, field: e.field === 'notes' ? 'hearingNotes' : e.field })),
    );
    if (errors.length === 0) {
      try {
        await this.updates.addHearing(user, id, checked.value);
        return redirect(reply, `/cases/${id}?notice=done`);
      } catch (error) {
        errors.push(...caseFormErrors(error, 'heldOn', labels, l));
      }
    }
    sendPage(reply, await this.render(ctx, user, id, errors, v), 400);
  }

  /** The decision with its disposition (RecordOutcomeService.record: a correcting one reopens the request). */
  @Post(':id/outcome')
  async outcome(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    const user = this.writer(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const v = formFields(req.body);
    const labels = {
      disposition: t(l, 'case.disposition'),
      decidedOn: t(l, 'case.decidedOn'),
      notes: t(l, 'case.outcomeNotes'),
      newReplyDueOn: t(l, 'case.newReplyDueOn'),
    };
    const input = {
      disposition: v.disposition,
      decidedOn: v.decidedOn,
      notes: v.notes,
      newReplyDueOn: v.newReplyDueOn,
    };
    const { value, errors } = await validateForm(RecordOutcomeDto, input, labels, l);
    if (errors.length === 0) {
      try {
        await this.outcomes.record(user, id, value);
        return redirect(reply, `/cases/${id}?notice=decided`);
      } catch (error) {
        errors.push(...caseFormErrors(error, 'disposition', labels, l));
      }
    }
    sendPage(reply, await this.render(ctx, user, id, errors, v), 400);
  }

  /** Multipart: the CSRF token comes in the action URL; the `kind` field comes before the file. */
  @Post(':id/documents')
  async upload(@Req() req: Req, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string) {
    const user = this.writer(req);
    const ctx = portalContext(req, reply);
    const l = ctx.locale;
    const labels = { file: t(l, 'act.file'), kind: t(l, 'case.docKind') };
    const file = req.isMultipart()
      ? await req.file({ limits: { fileSize: CASE_DOCUMENT_MAX_BYTES + 1, files: 1 } })
      : undefined;
    const errors: FormError[] = [];
    const kindField = file?.fields.kind as { value?: unknown } | undefined;
    const kind = typeof kindField?.value === 'string' ? kindField.value : '';
    if (!file || !file.filename) {
      errors.push({ field: 'file', message: t(l, 'v.choose', { label: labels.file }) });
    } else {
      try {
        const bytes = await file.toBuffer();
        await this.documents.upload(user, id, { kind, filename: file.filename, bytes });
        return redirect(reply, `/cases/${id}?notice=done`);
      } catch (error) {
        if (error instanceof DomainError) errors.push(...caseFormErrors(error, 'file', labels, l));
        else if (isFileTooLarge(error))
          errors.push(fileTooLarge('file', labels.file, CASE_DOCUMENT_MAX_BYTES, l));
        else errors.push({ field: 'file', message: t(l, 'v.invalid', { label: labels.file }) });
      }
    }
    sendPage(reply, await this.render(ctx, user, id, errors, { kind }), 400);
  }

  private writer(req: Req): AuthUser {
    const user = requireUser(req);
    if (!canWriteCases(user)) throw new ForbiddenError('case_write');
    return user;
  }

  private async agencyOf(user: AuthUser, caseId: string) {
    const c = await this.cases.get(user, caseId);
    const agency = await this.agencies.getById(c.agencyId);
    return { timezone: agency?.timezone ?? 'Asia/Shanghai' };
  }

  private async render(
    ctx: PortalContext,
    user: AuthUser,
    id: string,
    errors: FormError[] = [],
    values: Record<string, string | undefined> = {},
  ) {
    const c = await this.cases.get(user, id);
    const agency = await this.agencies.getById(c.agencyId);
    const timeZone = agency?.timezone ?? 'Asia/Shanghai';
    return casePage(ctx, c, timeZone, {
      canWrite: canWriteCases(user),
      today: localDateTime(new Date(), timeZone).date,
      errors,
      values,
    });
  }
}
