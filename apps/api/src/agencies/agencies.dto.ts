import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RULE_SET_IDS } from '@disclose/deadlines';
import { AGENCY_CODE_PATTERN } from '@disclose/domain';

export class CreateAgencyDto {
  @ApiProperty({ example: 'PLGT', description: 'Upper-case letters and digits, hyphens between groups' })
  @Matches(AGENCY_CODE_PATTERN)
  @MaxLength(32)
  code!: string;

  @ApiProperty({ example: '平凉市国土资源局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameZh!: string;

  @ApiPropertyOptional({ example: 'Pingliang Land and Resources Bureau' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ description: 'Code of the supervising agency' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  parentCode?: string;

  @ApiProperty({ enum: RULE_SET_IDS })
  @IsIn(RULE_SET_IDS)
  ruleSet!: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone' })
  @IsString()
  @IsNotEmpty()
  timezone!: string;

  @ApiPropertyOptional({
    example: '17:30',
    nullable: true,
    description: 'Online filings after this count next working day',
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  receiptCutoff?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  countMakeupWorkdays?: boolean;

  @ApiPropertyOptional({ enum: ['pause', 'restart'], default: 'pause' })
  @IsOptional()
  @IsIn(['pause', 'restart'])
  cnFeeMode?: 'pause' | 'restart';

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, default: 9 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  reminderHour?: number;
}

export class UpdateAgencyDto extends PartialType(
  OmitType(CreateAgencyDto, ['code', 'parentCode'] as const),
) {}

export class AgencyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() nameZh!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty() ruleSet!: string;
  @ApiProperty() timezone!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) receiptCutoff!: string | null;
  @ApiProperty() countMakeupWorkdays!: boolean;
  @ApiProperty({ enum: ['pause', 'restart'] }) cnFeeMode!: 'pause' | 'restart';
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty() reminderHour!: number;
}
