import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CASE_DISPOSITIONS, CASE_KINDS, type CaseDisposition, type CaseKind } from '@disclose/domain';

const DISPOSITION_CODES = CASE_DISPOSITIONS.map((d) => d.code);

/** POST /api/v1/cases/:id/outcome. */
export class RecordOutcomeDto {
  @ApiProperty({
    enum: DISPOSITION_CODES,
    description: 'cn-annual-report.md B.5 maps it to upheld / corrected / other',
  })
  @IsIn(DISPOSITION_CODES)
  disposition: CaseDisposition;

  @ApiProperty({ example: '2025-12-10' }) @IsISO8601({ strict: true }) decidedOn: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 20000) notes?: string;

  @ApiPropertyOptional({
    example: '2026-01-09',
    description:
      'When the decision reopens the request (责令履行, 撤销并责令重新答复, a reversal): the reply date the decision fixes. ' +
      'It becomes the request’s due date (its deadline trace says so); without it the rule set’s period (e.g. 20 WD) ' +
      'runs from decidedOn. reopenedDueOn on the case and deadline.dueOn on GET /api/v1/requests/:id show the result.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  newReplyDueOn?: string;
}

/** POST /api/v1/cases/:id/hearings. */
export class AddHearingDto {
  @ApiProperty({ example: '2025-11-20T09:30:00+08:00' }) @IsISO8601({ strict: true }) heldAt: string;
  @ApiProperty() @IsString() @Length(1, 300) place: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 20000) notes?: string;
}

/** PATCH /api/v1/cases/:id/hearings/:hearingId: reschedule or correct a hearing. */
export class UpdateHearingDto {
  @ApiPropertyOptional({ example: '2025-11-27T14:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  heldAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) place?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 20000) notes?: string;
}

/** GET /api/v1/cases filters. */
export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;

  @ApiPropertyOptional({ description: 'true: no outcome yet; false: decided' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() requestId?: string;
}
