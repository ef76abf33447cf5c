import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AGENCY_CODE_PATTERN, RequestStatus } from '@disclose/domain';
import { IsCivilDate } from './civil-date';

/** Filters of the queue; the default order is most urgent first. */
export class ListRequestsDto {
  @ApiPropertyOptional({ description: 'Agency code' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;
  @ApiPropertyOptional({ enum: RequestStatus })
  @IsOptional()
  @IsIn(Object.values(RequestStatus))
  status?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignee?: string;
  @ApiPropertyOptional({ description: 'Open requests past their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @IsCivilDate('Due strictly before this date', true) dueBefore?: string;
  @ApiPropertyOptional({
    description: 'Substring of subject, description or tracking number (Chinese works)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
