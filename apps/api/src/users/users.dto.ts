import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@disclose/domain';
import { PASSWORD_MIN_LENGTH, type Locale } from '@disclose/identity';

const STAFF_ROLES = ['clerk', 'supervisor', 'legal', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

export class CreateStaffDto {
  @ApiProperty({ example: 'li.si@plgt.gov.cn' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: '李四' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiProperty({ example: 'PLGT' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: Locale;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['applicant', ...STAFF_ROLES] }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) agencyId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) applicantType!: string | null;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale!: string;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() disabled!: boolean;
}

export class RevokedSessionsDto {
  @ApiProperty({ description: 'How many live sessions were ended' }) revoked!: number;
}
