import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CaseQueryService,
  RecordCaseService,
  RecordOutcomeService,
  UpdateCaseService,
  toCaseView,
  type CaseDetailView,
  type CaseView,
} from '@disclose/cases';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { AddHearingDto, ListCasesQueryDto, RecordOutcomeDto, UpdateHearingDto } from './dto/case-actions.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { ApiProblems, CaseDetailViewDto, CaseViewDto, CreatedHearingDto } from './dto/case-view.dto';
import { UpdateCaseDto } from './dto/update-case.dto';

/** Legal cases: legal staff and admins write; staff of the agency read; applicants read their own. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly record: RecordCaseService,
    private readonly updates: UpdateCaseService,
    private readonly outcomes: RecordOutcomeService,
    private readonly query: CaseQueryService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record a case (legal, admin)' })
  @ApiResponse({ status: 201, type: CaseViewDto })
  @ApiProblems(400, 401, 403, 404)
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return toCaseView(await this.record.create(user, dto), user);
  }

  @Get()
  @ApiOperation({ summary: 'Cases the caller may see (filters: kind, open, agencyId, requestId)' })
  @ApiResponse({ status: 200, type: [CaseViewDto] })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() filter: ListCasesQueryDto): Promise<CaseView[]> {
    return this.query.list(user, filter);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case with its deadlines, hearings, documents and events' })
  @ApiResponse({
    status: 200,
    type: CaseDetailViewDto,
    description:
      'The case; applicants get it without internalNotes, counsel, hearing notes and event payloads',
  })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDetailView> {
    return this.query.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change recorded fields (deadlines and reminders are recomputed)' })
  @ApiResponse({ status: 200, type: CaseViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseView> {
    return toCaseView(await this.updates.update(user, id, dto), user);
  }

  @Post(':id/hearings')
  @ApiOperation({
    summary:
      'Log a hearing (legal, admin); the legal owner is reminded 5 and 1 working days before and on the day',
  })
  @ApiResponse({ status: 201, type: CreatedHearingDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async addHearing(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AddHearingDto) {
    return hearingView(await this.updates.addHearing(user, id, dto));
  }

  @Patch(':id/hearings/:hearingId')
  @ApiOperation({ summary: 'Reschedule or correct a hearing (its reminders move with it)' })
  @ApiResponse({ status: 200, type: CreatedHearingDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async updateHearing(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('hearingId') hearingId: string,
    @Body() dto: UpdateHearingDto,
  ) {
    return hearingView(await this.updates.updateHearing(user, id, hearingId, dto));
  }

  @Delete(':id/hearings/:hearingId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a hearing that will not take place (its reminders are cancelled)' })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiProblems(401, 403, 404)
  async removeHearing(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('hearingId') hearingId: string,
  ): Promise<void> {
    await this.updates.removeHearing(user, id, hearingId);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the decision (legal, admin); a correcting one reopens the request, in the same transaction, ' +
      'with the reply date the decision fixed (newReplyDueOn) or else the rule set’s period',
  })
  @ApiResponse({ status: 200, type: CaseViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async outcome(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<CaseView> {
    return toCaseView(await this.outcomes.record(user, id, dto), user);
  }
}

function hearingView(h: { id: string; caseId: string; heldAt: Date; place: string; notes: string | null }) {
  return { id: h.id, caseId: h.caseId, heldAt: h.heldAt.toISOString(), place: h.place, notes: h.notes };
}
