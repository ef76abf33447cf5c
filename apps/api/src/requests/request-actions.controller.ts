import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import {
  AssignRequestService,
  ClarificationService,
  ClosingService,
  ConsultationService,
  DecisionService,
  ExtensionService,
  FeeService,
} from '@disclose/requests';
import * as dto from './dto/action.dto';

/** One endpoint per lifecycle action; each is one transaction writing one audit event. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests/:id')
export class RequestActionsController {
  constructor(
    private readonly assigning: AssignRequestService,
    private readonly clarifications: ClarificationService,
    private readonly consultations: ConsultationService,
    private readonly extensions: ExtensionService,
    private readonly fees: FeeService,
    private readonly decisions: DecisionService,
    private readonly closing: ClosingService,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to a clerk' })
  assign(@CurrentUser() u: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: dto.AssignDto) {
    return this.assigning.execute(u, id, body);
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

  @Post('fee-notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fee notice (cn.md A.9: proposed, confirmed, changed or waived)' })
  feeNotice(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.FeeNoticeDto,
  ) {
    return this.fees.notice(u, id, body);
  }

  @Post('fee-payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fee paid' })
  feePayment(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.FeePaymentDto,
  ) {
    return this.fees.payment(u, id, body);
  }

  @Post('decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'The reply: one of the 21 annual-report outcomes' })
  decide(@CurrentUser() u: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: dto.DecisionDto) {
    return this.decisions.execute(u, id, body);
  }

  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a decided request' })
  close(@CurrentUser() u: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: dto.CloseDto) {
    return this.closing.close(u, id, body);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Applicant withdraws the request' })
  withdraw(
    @CurrentUser() u: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: dto.WithdrawDto,
  ) {
    return this.closing.withdraw(u, id, body);
  }

  @Post('lapse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clarification or fee not supplied in time: closes the request' })
  lapse(@CurrentUser() u: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: dto.LapseDto) {
    return this.closing.lapse(u, id, body);
  }
}
