import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { ClosingService, DecisionService, FeeService } from '@disclose/requests';
import * as dto from './dto/action.dto';

/** Fees, the decision and the ways a request ends; each is one transaction writing one audit event. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests/:id')
export class RequestDecisionsController {
  constructor(
    private readonly fees: FeeService,
    private readonly decisions: DecisionService,
    private readonly closing: ClosingService,
  ) {}

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
