import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { CASE_KINDS, type CaseKind } from '@disclose/domain';

const DATE = { strict: true } as const;

/** Fields legal staff record on a case (all but kind and filedOn optional). */
export class CaseFieldsDto {
  @ApiPropertyOptional({ description: 'Reconsideration organ, court or regulator' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  body?: string | null;

  @ApiPropertyOptional({ description: 'The body’s case number, e.g. (2025)京0105行初123号' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseNumber?: string | null;

  @ApiPropertyOptional({
    example: '2025-10-20',
    description: 'Date the body accepted the case (复议 Art. 30)',
  })
  @IsOptional()
  @IsISO8601(DATE)
  acceptedOn?: string | null;

  @ApiPropertyOptional({
    example: '2025-10-25',
    description:
      'Date the agency received the copy of the complaint (行诉法 Art. 67: defence within 15 days) or of the ' +
      'reconsideration application (复议法 Art. 48: written reply and evidence within 10 working days)',
  })
  @IsOptional()
  @IsISO8601(DATE)
  servedOn?: string | null;

  @ApiPropertyOptional({
    example: '2025-12-01',
    description: 'Date the reconsideration decision was received',
  })
  @IsOptional()
  @IsISO8601(DATE)
  decisionReceivedOn?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    description: 'Extension of the decision period (复议法 Art. 62(1))',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  decisionExtensionDays?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5000) parties?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) counsel?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The legal staff member in charge (gets the reminders)',
  })
  @IsOptional()
  @IsUUID()
  legalOwnerId?: string | null;

  @ApiPropertyOptional({ description: 'Never shown to the applicant' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  internalNotes?: string | null;
}

/** POST /api/v1/cases: legal staff log a case about a request. */
export class CreateCaseDto extends CaseFieldsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() requestId: string;

  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind: CaseKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'litigation_after_reconsideration: the reconsideration case',
  })
  @IsOptional()
  @IsUUID()
  parentCaseId?: string | null;

  @ApiProperty({ example: '2025-10-15' }) @IsISO8601(DATE) filedOn: string;

  @ApiPropertyOptional({ description: 'The applicant’s grounds' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  grounds?: string | null;
}

/**
 * POST /api/v1/requests/:id/cases: an applicant files {kind, grounds} (internal_review / us_appeal); legal
 * staff send the same fields as POST /api/v1/cases without requestId.
 */
export class RequestCaseDto extends CaseFieldsDto {
  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind: CaseKind;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentCaseId?: string | null;

  @ApiPropertyOptional({ example: '2025-10-15', description: 'Staff only (an online filing is dated today)' })
  @IsOptional()
  @IsISO8601(DATE)
  filedOn?: string;

  @ApiPropertyOptional({ description: 'Why the reply is challenged (required for an applicant’s filing)' })
  @ValidateIf((o: RequestCaseDto) => o.grounds !== undefined)
  @IsString()
  @Length(1, 20000)
  grounds?: string;
}
