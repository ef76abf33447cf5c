import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AddHearingDto, ListCasesQueryDto, RecordOutcomeDto } from './dto/case-actions.dto';
import { CreateCaseDto } from './dto/create-case.dto';
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
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return toCaseView(await this.record.create(user, dto), user);
  }

  @Get()
  @ApiOperation({ summary: 'Cases the caller may see (filters: kind, open, agencyId, requestId)' })
  list(@CurrentUser() user: AuthUser, @Query() filter: ListCasesQueryDto): Promise<CaseView[]> {
    return this.query.list(user, filter);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case with its deadlines, hearings, documents and events' })
  @ApiOkResponse({ description: 'The case; applicants get it without internalNotes and counsel' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDetailView> {
    return this.query.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change recorded fields (deadlines and reminders are recomputed)' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseView> {
    return toCaseView(await this.updates.update(user, id, dto), user);
  }

  @Post(':id/hearings')
  @ApiOperation({ summary: 'Log a hearing' })
  async addHearing(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AddHearingDto) {
    const h = await this.updates.addHearing(user, id, dto);
    return { id: h.id, caseId: h.caseId, heldAt: h.heldAt.toISOString(), place: h.place, notes: h.notes };
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the decision; a correcting one reopens the request with a new reply date',
  })
  async outcome(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<CaseView> {
    return toCaseView(await this.outcomes.record(user, id, dto), user);
  }
}
