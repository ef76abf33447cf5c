import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import {
  AssignRequestService,
  ClarificationService,
  ConsultationService,
  ExtensionService,
  ProcessingTrackService,
} from '@disclose/requests';
import * as dto from './dto/action.dto';

/** Lifecycle actions while the request is handled; each is one transaction writing one audit event. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests/:id')
export class RequestActionsController {
  constructor(
    private readonly assigning: AssignRequestService,
    private readonly clarifications: ClarificationService,
    private readonly consultations: ConsultationService,
    private readonly extensions: ExtensionService,
    private readonly tracks: ProcessingTrackService,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to a clerk' })
  assign(@CurrentUser() u: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: dto.AssignDto) {
    return this.assigning.execute(u, id, body);
  }

  @Post('track')
  @HttpCode(200)
  @ApiOperation({
    summary: 'US FOIA: put the request in a processing track (simple, complex, expedited)',
    description:
      'Staff of the agency, in any status; one track_set audit event, status and clock unchanged. ' +
      'A request of another rule set is a 400 (track: us_foia_only). Until set, the DOJ report counts it as simple.',
  })
  track(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ProcessingTrackDto,
  ) {
    return this.tracks.execute(u, id, body);
  }

  @Post('clarification-request')
  @HttpCode(200)
  @ApiOperation({ summary: '补正 notice (Art. 30): stops the clock' })
  askClarification(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ClarificationRequestDto,
  ) {
    return this.clarifications.request(u, id, body);
  }

  @Post('clarification')
  @HttpCode(200)
  @ApiOperation({ summary: 'The supplement arrived: restarts the clock' })
  clarification(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ClarificationDto,
  ) {
    return this.clarifications.receive(u, id, body);
  }

  @Post('consultations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Consultation letter sent (Arts. 32, 34): pauses the clock' })
  consult(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ConsultationDto,
  ) {
    return this.consultations.start(u, id, body);
  }

  @Post('consultations/:cid/reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Consultation opinion received' })
  consultationReply(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Body() body: dto.ConsultationReplyDto,
  ) {
    return this.consultations.reply(u, id, cid, body);
  }

  @Post('extension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask for an extension (Art. 33(2))' })
  extension(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ExtensionDto,
  ) {
    return this.extensions.request(u, id, body);
  }

  @Post('extension/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Supervisor: approve the pending extension' })
  approve(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ExtensionDecisionDto,
  ) {
    return this.extensions.decide(u, id, true, body);
  }

  @Post('extension/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Supervisor: reject the pending extension' })
  reject(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.ExtensionDecisionDto,
  ) {
    return this.extensions.decide(u, id, false, body);
  }
}
