import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODE_PATTERN, APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS } from '@disclose/domain';
import type { ApplicantTypeCode, Locale } from '@disclose/identity';
import { IsCivilDate } from './civil-date';

/** The applicant of a paper request, created or matched by email in the filing's transaction. */
export class OfflineApplicantDto {
  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: APPLICANT_TYPES.map((a) => a.code) })
  @IsIn(APPLICANT_TYPES.map((a) => a.code))
  applicantType: ApplicantTypeCode;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] }) @IsOptional() @IsIn(['zh-CN', 'en']) locale?: Locale;
}

/**
 * A filing. Applicants send agencyCode, subject, description and optionally deliveryMethod; staff entering
 * a letter, visit, fax or email add channel, receivedOn (the legal date of receipt, cn.md A.2) and applicant.
 */
export class FileRequestDto {
  @ApiProperty({ example: 'PLGT' }) @Matches(AGENCY_CODE_PATTERN) @MaxLength(32) agencyCode: string;
  @ApiProperty({ example: '2024年土地出让收入明细' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  subject: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000) description: string;
  @ApiPropertyOptional({ enum: DELIVERY_METHODS, default: 'electronic' })
  @IsOptional()
  @IsIn(DELIVERY_METHODS)
  deliveryMethod?: string;
  @ApiPropertyOptional({ enum: CHANNELS, description: 'Staff only' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;
  @IsCivilDate('Staff only: the legal date of receipt', true) receivedOn?: string;
  @ApiPropertyOptional({ type: OfflineApplicantDto, description: 'Staff only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfflineApplicantDto)
  applicant?: OfflineApplicantDto;
}
