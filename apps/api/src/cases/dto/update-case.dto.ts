import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { CaseFieldsDto } from './create-case.dto';

/** PATCH /api/v1/cases/:id: any recorded field; the deadlines are recomputed. */
export class UpdateCaseDto extends CaseFieldsDto {
  @ApiPropertyOptional({ example: '2025-10-15' }) @IsOptional() @IsISO8601({ strict: true }) filedOn?: string;

  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
