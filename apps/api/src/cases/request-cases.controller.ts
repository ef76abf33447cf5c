import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CaseQueryService,
  RecordCaseService,
  toCaseView,
  type CaseView,
  type ChallengeWindowsView,
} from '@disclose/cases';
import { ValidationError, type FieldMessage } from '@disclose/domain';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { RequestCaseDto } from './dto/create-case.dto';
import { ApiProblems, CaseViewDto, ChallengeWindowsDto } from './dto/case-view.dto';

/** Cases seen from their request, the applicant's online filing, and until when a reply can be challenged. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/requests/:id')
export class RequestCasesController {
  constructor(
    private readonly record: RecordCaseService,
    private readonly query: CaseQueryService,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: 'The cases about a request (applicants: their own, without internal notes)' })
  @ApiResponse({ status: 200, type: [CaseViewDto] })
  @ApiProblems(401, 404)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseView[]> {
    return this.query.listForRequest(user, id);
  }

  @Post('cases')
  @ApiOperation({
    summary:
      'Applicant: ask for an internal review (UK) / appeal (US) online on their own replied request ' +
      '({kind, grounds} only, filed today; 422 once its window closed); legal staff: record a case (a late ' +
      'one is recorded and flagged late)',
  })
  @ApiResponse({ status: 201, type: CaseViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: RequestCaseDto,
  ): Promise<CaseView> {
    if (user.role === 'applicant') {
      const { kind, grounds, ...rest } = dto;
      const problems: FieldMessage[] = Object.keys(rest)
        .filter((k) => rest[k as keyof typeof rest] !== undefined)
        .map((field) => ({ field, code: 'not_allowed_for_applicant' }));
      if (!grounds) problems.push({ field: 'grounds', code: 'required' });
      if (kind !== 'internal_review' && kind !== 'us_appeal')
        problems.push({ field: 'kind', code: 'not_filed_online' });
      if (problems.length > 0) throw new ValidationError(problems);
      return toCaseView(
        await this.record.fileByApplicant(user, id, { kind: kind as 'internal_review', grounds: grounds! }),
        user,
      );
    }
    if (!dto.filedOn) throw new ValidationError([{ field: 'filedOn', code: 'required' }]);
    return toCaseView(await this.record.create(user, { ...dto, requestId: id, filedOn: dto.filedOn }), user);
  }

  @Get('challenge-windows')
  @ApiOperation({
    summary: 'Until when the reply can be challenged (reconsideration, lawsuit, appeal, review)',
  })
  @ApiResponse({ status: 200, type: ChallengeWindowsDto })
  @ApiProblems(401, 404)
  challengeWindows(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ChallengeWindowsView> {
    return this.query.challengeWindows(user, id);
  }
}
