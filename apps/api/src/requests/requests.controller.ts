import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CaseQueryService, type ChallengeableRequest } from '@disclose/cases';
import { CurrentUser, RateLimit, type AuthUser } from '@disclose/identity';
import { FileRequestService, RequestListService, RequestQueryService } from '@disclose/requests';
import { FileRequestDto } from './dto/file-request.dto';
import { ListRequestsDto } from './dto/list-requests.dto';
import { RequestDetailDto } from './dto/request-detail.dto';

/** Filing and reading requests. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly filing: FileRequestService,
    private readonly query: RequestQueryService,
    private readonly listing: RequestListService,
    private readonly cases: CaseQueryService,
  ) {}

  @Post()
  @HttpCode(201)
  @RateLimit('filing')
  @ApiOperation({
    summary:
      'File a request (applicant online; staff entering a paper request with channel, receivedOn, applicant)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried POST with the same key files once',
  })
  @ApiCreatedResponse({
    description: '{id, trackingNumber, status, receivedOn, dueOn, ruleSet, provisional}',
  })
  file(@CurrentUser() user: AuthUser, @Body() dto: FileRequestDto, @Headers('idempotency-key') key?: string) {
    return this.filing.execute(user, { ...dto }, key?.trim() ? key.trim().slice(0, 200) : undefined);
  }

  @Get()
  @ApiOperation({
    summary: 'List requests (staff: their agencies; applicants: their own), most urgent first',
  })
  list(@CurrentUser() user: AuthUser, @Query() dto: ListRequestsDto) {
    return this.listing.list(user, dto);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A request with its deadline, timeline, documents, consultations, extensions and until when its reply can be challenged',
  })
  @ApiOkResponse({ type: RequestDetailDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const view = await this.query.get(user, id);
    // Shown on the request (issue 6), so that clerks and applicants see until when the reply can be challenged.
    const challengeWindows = await this.cases.challengeWindowsOf(view as unknown as ChallengeableRequest);
    return { ...view, challengeWindows };
  }
}
