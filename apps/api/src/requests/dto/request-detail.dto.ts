import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChallengeWindowsDto } from '../../cases/dto/case-view.dto';

/**
 * The OpenAPI shape of GET /api/v1/requests/:id (RequestQueryService.get plus the reply's challenge
 * windows). Documentation only: the controller returns the library's view.
 */
export class RequestDeadlineDto {
  @ApiProperty({ nullable: true, example: '2026-03-23', description: 'Statutory due date (agency calendar)' })
  dueOn: string | null;
  @ApiProperty({ description: 'Past the loaded official calendar: may still move' }) provisional: boolean;
  @ApiProperty({ enum: ['running', 'stopped'] }) clockStatus: string;
  @ApiProperty({ nullable: true }) clarificationNoticeDueOn: string | null;
  @ApiProperty({ nullable: true }) clarificationReplyBy: string | null;
  @ApiProperty({ nullable: true }) feePaymentDueOn: string | null;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: [String], description: 'The derivation, in the caller’s language' }) trace: string[];
}

export class RequestDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() trackingNumber: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() subject: string;
  @ApiProperty() description: string;
  @ApiProperty() deliveryMethod: string;
  @ApiProperty() channel: string;
  @ApiProperty({ example: '2026-03-02' }) receivedOn: string;
  @ApiProperty({ example: 'cn-ogi-2019' }) ruleSet: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: RequestDeadlineDto }) deadline: RequestDeadlineDto;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) fee: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true }) outcome: string | null;
  @ApiProperty({ nullable: true, type: [String] }) outcomeReasons: string[] | null;
  @ApiProperty({ nullable: true }) decisionMessage: string | null;
  @ApiProperty({ nullable: true, description: 'The reply’s date' }) decidedOn: string | null;
  @ApiProperty({ nullable: true }) closedOn: string | null;
  @ApiProperty({
    type: ChallengeWindowsDto,
    description:
      'Until when the reply can be challenged (reconsideration and lawsuit, US appeal, UK/Scottish internal ' +
      'review), as computeLegalDeadline gives it on the agency’s calendar; no windows before a reply or ' +
      'while the request is reopened',
  })
  challengeWindows: ChallengeWindowsDto;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) events: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) documents: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Empty for applicants' })
  consultations: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) extensions: object[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Staff only' }) assigneeId?:
    string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Staff only' }) applicantId?:
    string | null;
  @ApiPropertyOptional({
    enum: ['simple', 'complex', 'expedited'],
    nullable: true,
    description:
      'Staff only: the US FOIA processing track (null until set; the DOJ report counts it as simple)',
  })
  processingTrack?: string | null;
}
